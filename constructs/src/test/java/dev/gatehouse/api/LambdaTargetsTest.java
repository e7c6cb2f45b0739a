package dev.gatehouse.api;

import static dev.gatehouse.testing.Fixtures.countResources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;

/** Versions and aliases are invoked (and permitted) by their qualified ARN. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LambdaTargetsTest {
    private JsonNode template;
    private JsonNode paths;

    @BeforeAll
    void synthesize() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        Function fn = Fixtures.function(stack, "Fn");
        Alias live = Alias.Builder.create(stack, "Live").aliasName("live").version(fn.getCurrentVersion()).build();
        IFunction imported = Function.fromFunctionArn(stack, "Imported",
                "arn:aws:lambda:eu-west-1:123456789012:function:legacy");
        GatewayApi api = new GatewayApi(stack, "Api");
        RouteOptions iam = RouteOptions.of(Authorization.iam());
        api.route("GET /plain", Integration.lambda(fn), iam);
        api.route("GET /alias", Integration.lambda(live), iam);
        api.route("GET /alias2", Integration.lambda(live), iam);
        api.route("GET /imported", Integration.lambda(imported), iam);
        template = Fixtures.templateJson(stack);
        paths = Fixtures.onlyResource(template, "AWS::ApiGateway::RestApi").at("/Properties/Body/paths");
    }

    private String uri(String path) {
        return paths.at("/" + path.replace("/", "~1") + "/get/x-amazon-apigateway-integration/uri").toString();
    }

    @Test
    void aliasRoutesInvokeTheAlias() {
        assertTrue(uri("/alias").contains("${Live848578DF}"), uri("/alias"));
    }

    @Test
    void importedFunctionsAreInvokedByTheirLiteralArn() {
        assertTrue(uri("/imported").contains("functions/arn:aws:lambda:eu-west-1:123456789012:function:legacy/invocations"),
                uri("/imported"));
    }

    @Test
    void onePermissionPerDistinctTarget() {
        List<String> targets = new ArrayList<>();
        template.get("Resources").forEach(r -> {
            if (r.get("Type").asText().equals("AWS::Lambda::Permission")) {
                targets.add(r.at("/Properties/FunctionName").toString());
            }
        });
        // the function and the alias (twice routed, once permitted); the imported function is in
        // another account's Region as far as CDK knows, so CDK itself declines to add one
        assertEquals(2, countResources(template, "AWS::Lambda::Permission"), targets.toString());
        assertTrue(targets.contains(Fixtures.JSON.valueToTree(Map.of("Ref", "Live848578DF")).toString()), targets.toString());
    }
}
