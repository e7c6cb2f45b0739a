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
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;

/** Versions and aliases are invoked (and permitted) by their qualified ARN. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LambdaTargetsTest {
    private static final String LEGACY = "arn:aws:lambda:eu-west-1:123456789012:function:legacy";
    private JsonNode template;
    private JsonNode paths;
    private Stack sameAccount;
    private Stack otherAccount;

    @BeforeAll
    void synthesize() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        Function fn = Fixtures.function(stack, "Fn");
        Alias live = Alias.Builder.create(stack, "Live").aliasName("live").version(fn.getCurrentVersion()).build();
        IFunction imported = Function.fromFunctionArn(stack, "Imported", LEGACY);
        GatewayApi api = new GatewayApi(stack, "Api");
        RouteOptions iam = RouteOptions.of(Authorization.iam());
        api.route("GET /plain", Integration.lambda(fn), iam);
        api.route("GET /alias", Integration.lambda(live), iam);
        api.route("GET /alias2", Integration.lambda(live), iam);
        api.route("GET /imported", Integration.lambda(imported), iam);
        sameAccount = importingStack(app, "Same", "123456789012");
        otherAccount = importingStack(app, "Other", "999999999999");
        template = Fixtures.templateJson(stack);
        paths = Fixtures.onlyResource(template, "AWS::ApiGateway::RestApi").at("/Properties/Body/paths");
    }

    private static Stack importingStack(App app, String id, String account) {
        Stack stack = new Stack(app, id, StackProps.builder()
                .env(Environment.builder().account(account).region("eu-west-1").build()).build());
        GatewayApi api = new GatewayApi(stack, "Api");
        api.route("GET /imported", Integration.lambda(Function.fromFunctionArn(stack, "Imported", LEGACY)),
                RouteOptions.of(Authorization.iam()));
        return stack;
    }

    private static List<JsonNode> permissions(JsonNode template) {
        List<JsonNode> found = new ArrayList<>();
        template.get("Resources").forEach(r -> {
            if (r.get("Type").asText().equals("AWS::Lambda::Permission")) {
                found.add(r);
            }
        });
        return found;
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
        List<String> targets = permissions(template).stream().map(r -> r.at("/Properties/FunctionName").toString()).toList();
        // the function, the alias (twice routed, once permitted) and the imported function
        assertEquals(3, countResources(template, "AWS::Lambda::Permission"), targets.toString());
        assertTrue(targets.contains(Fixtures.JSON.valueToTree(Map.of("Ref", "Live848578DF")).toString()), targets.toString());
        assertTrue(targets.contains("\"" + LEGACY + "\""), targets.toString());
    }

    @Test
    void importedFunctionInAnEnvironmentAgnosticStackIsPermittedWhereverItsAccountAndRegionAreTheStacks() {
        JsonNode imported = permissions(template).stream()
                .filter(r -> r.at("/Properties/FunctionName").asText().equals(LEGACY)).findFirst().orElseThrow();
        String condition = imported.get("Condition").asText();
        JsonNode expression = template.at("/Conditions/" + condition);
        assertEquals(Fixtures.JSON.valueToTree(Map.of("Fn::And", List.of(
                Map.of("Fn::Equals", List.of(Map.of("Ref", "AWS::AccountId"), "123456789012")),
                Map.of("Fn::Equals", List.of(Map.of("Ref", "AWS::Region"), "eu-west-1"))))), expression);
        assertTrue(imported.at("/Properties/SourceArn").toString().contains(":execute-api:"), imported.toString());
        assertTrue(permissions(template).stream().filter(r -> r != imported).noneMatch(r -> r.has("Condition")));
        Fixtures.assertPassesDeployChecks(template);
    }

    @Test
    void importedFunctionInTheStacksAccountIsPermittedUnconditionally() {
        List<JsonNode> found = permissions(Fixtures.templateJson(sameAccount));
        assertEquals(1, found.size(), found.toString());
        assertEquals(LEGACY, found.get(0).at("/Properties/FunctionName").asText());
        assertTrue(found.get(0).get("Condition") == null, found.toString());
        Annotations.fromStack(sameAccount).hasNoWarning("*", Match.stringLikeRegexp(".*GH205.*"));
    }

    @Test
    void importedFunctionInAnotherAccountIsLeftToItsOwnerWithAWarningSayingHow() {
        assertTrue(permissions(Fixtures.templateJson(otherAccount)).isEmpty());
        Annotations.fromStack(otherAccount).hasWarning("/Other/Api", Match.stringLikeRegexp(
                "\\[GH205\\] GatewayApi 'Api': the imported function " + LEGACY
                        + " is in another account \\(123456789012, this stack: 999999999999\\).*"
                        + "aws lambda add-permission --function-name " + LEGACY + ".*--principal apigateway.amazonaws.com.*"));
    }
}
