package dev.gatehouse.api;

import static dev.gatehouse.testing.Fixtures.countResources;
import static dev.gatehouse.testing.Fixtures.onlyResource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.integrations.Integrations;
import dev.gatehouse.testing.Fixtures;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Function;

/** A function in another stack: references become exports/imports, and no cycle appears. */
class CrossStackTest {

    @Test
    void functionFromAnotherStackIsImportedAndGrantedFromTheApiStack() {
        // Given a function in a backend stack and the API in its own stack
        App app = new App();
        Stack backend = new Stack(app, "Backend");
        Function fn = Fixtures.function(backend, "Fn");
        Stack front = new Stack(app, "Front");
        GatewayApi api = new GatewayApi(front, "Api");
        api.route("GET /a", Integrations.lambda(fn), RouteOptions.of(Authorization.iam()));
        api.route("GET /b", Integrations.lambda(fn), RouteOptions.of(Authorization.iam()));

        // When both are synthesized
        JsonNode frontTemplate = Fixtures.templateJson(front);
        JsonNode backendTemplate = Fixtures.templateJson(backend);

        // Then the API imports the function's ARN instead of referring to a resource it lacks
        String uri = onlyResource(frontTemplate, "AWS::ApiGateway::RestApi")
                .at("/Properties/Body/paths/~1a/get/x-amazon-apigateway-integration/uri").toString();
        assertTrue(uri.contains("Fn::ImportValue"), uri);
        // and the permission lives in the API's stack, so the backend does not depend on the front
        assertEquals(1, countResources(frontTemplate, "AWS::Lambda::Permission"));
        assertEquals(0, countResources(backendTemplate, "AWS::Lambda::Permission"));
        assertEquals(1, backendTemplate.get("Outputs").size());
        Fixtures.assertPassesDeployChecks(frontTemplate);
        Fixtures.assertPassesDeployChecks(backendTemplate);
    }
}
