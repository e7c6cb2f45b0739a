package dev.gatehouse.api;

import static dev.gatehouse.testing.Fixtures.countResources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.auth.LambdaAuthorizer;
import dev.gatehouse.integrations.Integrations;
import dev.gatehouse.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;

/** Versions and aliases are invoked (and permitted) by their qualified ARN. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LambdaTargetsTest {
    private static final String LEGACY = "arn:aws:lambda:eu-west-1:123456789012:function:legacy";
    private Stack stack;
    private JsonNode template;
    private JsonNode paths;
    private Stack sameAccount;
    private Stack otherAccount;
    private Stack otherRegion;
    private Stack partlyToken;

    @BeforeAll
    void synthesize() {
        App app = new App();
        stack = new Stack(app, "S");
        Function fn = Fixtures.function(stack, "Fn");
        Alias live = Alias.Builder.create(stack, "Live").aliasName("live").version(fn.getCurrentVersion()).build();
        IFunction imported = Function.fromFunctionArn(stack, "Imported", LEGACY);
        GatewayApi api = new GatewayApi(stack, "Api");
        RouteOptions iam = RouteOptions.of(Authorization.iam());
        api.route("GET /plain", Integrations.lambda(fn), iam);
        api.route("GET /alias", Integrations.lambda(live), iam);
        api.route("GET /alias2", Integrations.lambda(live), iam);
        api.route("GET /imported", Integrations.lambda(imported), iam);
        LambdaAuthorizer legacyAuthorizer = LambdaAuthorizer.token(imported).name("Legacy").build();
        api.route("GET /guarded", Integrations.lambda(fn), RouteOptions.of(legacyAuthorizer.authorization()));
        sameAccount = importingStack(app, "Same", "123456789012", "eu-west-1", LEGACY);
        otherAccount = importingStack(app, "Other", "999999999999", "eu-west-1", LEGACY);
        otherRegion = importingStack(app, "OtherRegion", "123456789012", "us-east-1", LEGACY);
        partlyToken = importingStack(app, "PartlyToken", "123456789012", "eu-west-1",
                "arn:aws:lambda:us-east-1:" + Aws.ACCOUNT_ID + ":function:x");
        template = Fixtures.templateJson(stack);
        paths = Fixtures.onlyResource(template, "AWS::ApiGateway::RestApi").at("/Properties/Body/paths");
    }

    private static Stack importingStack(App app, String id, String account, String region, String arn) {
        Stack stack = new Stack(app, id, StackProps.builder()
                .env(Environment.builder().account(account).region(region).build()).build());
        GatewayApi api = new GatewayApi(stack, "Api");
        IFunction imported = Function.fromFunctionArn(stack, "Imported", arn);
        api.route("GET /imported", Integrations.lambda(imported), RouteOptions.of(Authorization.iam()));
        api.route("GET /again", Integrations.lambda(imported), RouteOptions.of(Authorization.iam()));
        return stack;
    }

    private static String importedUri(Stack stack) {
        return Fixtures.onlyResource(Fixtures.templateJson(stack), "AWS::ApiGateway::RestApi")
                .at("/Properties/Body/paths/~1imported/get/x-amazon-apigateway-integration/uri").toString();
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
        // the function, the alias (twice routed, once permitted), the imported function as a route
        // and as an authorizer (different source ARNs)
        assertEquals(4, countResources(template, "AWS::Lambda::Permission"), targets.toString());
        assertTrue(targets.contains(Fixtures.JSON.valueToTree(Map.of("Ref", "Live848578DF")).toString()), targets.toString());
        assertEquals(2, targets.stream().filter(t -> t.equals("\"" + LEGACY + "\"")).count(), targets.toString());
    }

    @Test
    void importedFunctionsAreInvokedThroughTheirOwnRegion() {
        // API Gateway reaches a function in another Region only through that Region's URI
        assertTrue(uri("/imported").contains("apigateway:eu-west-1:lambda:path"), uri("/imported"));
        assertTrue(importedUri(otherRegion).contains("apigateway:eu-west-1:lambda:path"), importedUri(otherRegion));
        assertTrue(uri("/plain").contains("apigateway:${AWS::Region}:lambda:path"), uri("/plain"));
    }

    @Test
    void importedFunctionInAnEnvironmentAgnosticStackIsPermittedWhereverItsAccountAndRegionAreTheStacks() {
        List<JsonNode> imported = permissions(template).stream()
                .filter(r -> r.at("/Properties/FunctionName").asText().equals(LEGACY)).toList();
        JsonNode expected = Fixtures.JSON.valueToTree(Map.of("Fn::And", List.of(
                Map.of("Fn::Equals", List.of(Map.of("Ref", "AWS::AccountId"), "123456789012")),
                Map.of("Fn::Equals", List.of(Map.of("Ref", "AWS::Region"), "eu-west-1")))));
        for (JsonNode permission : imported) {
            assertEquals(expected, template.at("/Conditions/" + permission.get("Condition").asText()), permission.toString());
            assertTrue(permission.at("/Properties/SourceArn").toString().contains(":execute-api:"), permission.toString());
        }
        assertTrue(imported.stream().anyMatch(p -> p.at("/Properties/SourceArn").toString().contains("/authorizers/*")),
                "the authorizer's permission: " + imported);
        assertTrue(permissions(template).stream().filter(r -> !imported.contains(r)).noneMatch(r -> r.has("Condition")));
        assertEquals(1, Annotations.fromStack(stack).findInfo("/S/Api", Match.stringLikeRegexp(
                "Gatehouse: the imported function " + LEGACY + " gets its invoke permission only where .*")).size(),
                "said once, though the function is a route and an authorizer");
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
    void importedFunctionInAnotherAccountIsLeftToItsOwnerWithOneWarningSayingHow() {
        assertTrue(permissions(Fixtures.templateJson(otherAccount)).isEmpty());
        Annotations annotations = Annotations.fromStack(otherAccount);
        annotations.hasWarning("/Other/Api", Match.stringLikeRegexp(
                "\\[GH205\\] GatewayApi 'Api': the imported function " + LEGACY
                        + " is in another account \\(123456789012, this stack: 999999999999\\).*"
                        + "aws lambda add-permission --function-name " + LEGACY + ".*--principal apigateway.amazonaws.com "
                        + "--source-arn arn:aws:execute-api:eu-west-1:999999999999:<rest-api-id>/\\*"));
        assertEquals(1, annotations.findWarning("*", Match.stringLikeRegexp(".*GH205.*")).size(),
                "routed twice, reported once");
    }

    @Test
    void importedFunctionInAnotherRegionIsLeftToItsOwner() {
        assertTrue(permissions(Fixtures.templateJson(otherRegion)).isEmpty());
        Annotations.fromStack(otherRegion).hasWarning("/OtherRegion/Api", Match.stringLikeRegexp(
                ".*is in another Region \\(eu-west-1, this stack: us-east-1\\).*"));
    }

    @Test
    void literalPartsOfAPartlyTokenArnAreCompared() {
        // account: this stack's (a token); Region: literally another one
        assertTrue(permissions(Fixtures.templateJson(partlyToken)).isEmpty());
        Annotations.fromStack(partlyToken).hasWarning("/PartlyToken/Api", Match.stringLikeRegexp(
                ".*is in another Region \\(us-east-1, this stack: eu-west-1\\).*"));
        assertTrue(importedUri(partlyToken).contains("apigateway:us-east-1:lambda:path"), importedUri(partlyToken));
    }
}
