package dev.gatehouse.api;

import static dev.gatehouse.testing.Fixtures.countResources;
import static dev.gatehouse.testing.Fixtures.onlyResource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.integrations.Integrations;
import dev.gatehouse.integrations.MockResponse;
import dev.gatehouse.testing.Fixtures;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Function;

/** The Deployment is replaced exactly when the API changes, and cost stays flat as routes grow. */
class DeploymentTest {
    private static final RouteOptions IAM = RouteOptions.of(Authorization.iam());

    /** Template of a stack with one function and an API whose routes {@code routes} declares. */
    private static JsonNode template(Consumer<Routes> routes) {
        App app = new App();
        Stack stack = new Stack(app, "S");
        Function fn = Fixtures.function(stack, "Fn");
        GatewayApi api = new GatewayApi(stack, "Api");
        routes.accept(new Routes(api, fn));
        return Fixtures.templateJson(stack);
    }

    private record Routes(GatewayApi api, Function fn) {
        void add(String spec) {
            api.route(spec, Integrations.lambda(fn), IAM);
        }
    }

    private static String deploymentId(JsonNode template) {
        return onlyResource(template, "AWS::ApiGateway::Deployment").get("id").asText();
    }

    @Test
    void sameApiGivesTheSameDeploymentId() {
        // Given the same API synthesized twice, When nothing changed, Then the id is stable
        assertEquals(deploymentId(template(r -> { r.add("GET /a"); r.add("GET /b"); })),
                deploymentId(template(r -> { r.add("GET /a"); r.add("GET /b"); })));
    }

    @Test
    void declarationOrderDoesNotRedeploy() {
        assertEquals(deploymentId(template(r -> { r.add("GET /a"); r.add("POST /b"); })),
                deploymentId(template(r -> { r.add("POST /b"); r.add("GET /a"); })));
    }

    @Test
    void changingARouteRedeploys() {
        String before = deploymentId(template(r -> { r.add("GET /a"); r.add("GET /b"); }));
        assertNotEquals(before, deploymentId(template(r -> { r.add("GET /a"); r.add("GET /c"); })));
        assertNotEquals(before, deploymentId(template(r -> { r.add("GET /a"); r.add("PUT /b"); })));
        assertNotEquals(before, deploymentId(template(r -> { r.add("GET /a"); })));
    }

    @Test
    void changingAnIntegrationTargetRedeploys() {
        String toFn = deploymentId(template(r -> r.add("GET /a")));
        String toOther = deploymentId(template(r -> r.api().route("GET /a",
                Integrations.lambda(Fixtures.function(r.api(), "Other")), IAM)));
        assertNotEquals(toFn, toOther);
    }

    @Test
    void permissionsAndResourcesDoNotGrowWithRoutes() {
        // Given 3 routes and 250 routes on the same two functions
        JsonNode small = template(r -> {
            Function other = Fixtures.function(r.api(), "Other");
            for (int i = 0; i < 3; i++) {
                r.add("GET /items" + i);
                r.api().route("POST /items" + i, Integrations.lambda(other), IAM);
            }
        });
        JsonNode large = template(r -> {
            Function other = Fixtures.function(r.api(), "Other");
            for (int i = 0; i < 250; i++) {
                r.add("GET /items" + i);
                r.api().route("POST /items" + i, Integrations.lambda(other), IAM);
            }
        });
        // Then both have one permission per function and the same number of resources
        assertEquals(2, countResources(small, "AWS::Lambda::Permission"));
        assertEquals(2, countResources(large, "AWS::Lambda::Permission"));
        assertEquals(small.get("Resources").size(), large.get("Resources").size());
        int operations = 0;
        for (JsonNode path : onlyResource(large, "AWS::ApiGateway::RestApi").at("/Properties/Body/paths")) {
            operations += path.size();
        }
        assertEquals(500, operations, "every route is an operation of the document");
    }

    @Test
    void routesCannotBeAddedAfterSynthesis() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api");
        api.route("GET /a", Integrations.mock(MockResponse.json(200, "{}")), IAM);
        app.synth();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> api.route("GET /b", Integrations.mock(MockResponse.json(200, "{}")), IAM));
        assertTrue(e.getMessage().contains("route 'GET /b' was added after the API was synthesized"), e.getMessage());
    }
}
