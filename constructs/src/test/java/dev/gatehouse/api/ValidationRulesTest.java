package dev.gatehouse.api;

import static dev.gatehouse.testing.Fixtures.synthError;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.auth.LambdaAuthorizer;
import dev.gatehouse.integrations.HttpRouteIntegrationOptions;
import dev.gatehouse.integrations.Integrations;
import dev.gatehouse.integrations.LambdaRouteIntegrationOptions;
import dev.gatehouse.integrations.MockResponse;
import dev.gatehouse.integrations.RouteIntegration;
import dev.gatehouse.testing.Fixtures;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.SnapStartConf;

/** One test per synth-time rule: the message names the subject, the problem and the fix. */
class ValidationRulesTest {
    private static final RouteOptions IAM = RouteOptions.of(Authorization.iam());
    private static final RouteIntegration OK = Integrations.mock(MockResponse.json(200, "{}"));

    /** Synthesizes an API built by {@code routes} and returns the validation error. */
    private static String errorOf(GatewayApiProps props, Consumer<GatewayApi> routes) {
        App app = new App();
        GatewayApi api = new GatewayApi(new Stack(app, "S"), "Api", props);
        routes.accept(api);
        return synthError(app);
    }

    private static String errorOf(Consumer<GatewayApi> routes) {
        return errorOf(null, routes);
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected «" + part + "» in:\n" + message);
        }
    }

    @Test
    void gh100RouteSpecMustBeMethodAndPath() {
        String message = errorOf(api -> {
            api.route("/orders", OK, IAM);
            api.route("FETCH /orders", OK, IAM);
        });
        assertMentions(message, "[GH100] route '/orders': it has a path but no method. Fix: put the method before the"
                        + " path, e.g. \"GET /orders\".",
                "[GH100] route 'FETCH /orders': 'FETCH' is not an HTTP method",
                "use one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY.");
    }

    @Test
    void gh100MethodsAreCaseInsensitive() {
        App app = new App();
        GatewayApi api = new GatewayApi(new Stack(app, "S"), "Api");
        Route route = api.route("get /orders", OK, IAM);
        assertEquals(HttpMethod.GET, route.getMethod());
        // any run of whitespace separates method and path, as in "GET /orders"
        Route spaced = api.route(" \tPOST \t /orders\n", OK, IAM);
        assertEquals(HttpMethod.POST, spaced.getMethod());
        assertEquals("/orders", spaced.getPath());
        assertDoesNotThrow(() -> app.synth());
    }

    @Test
    void gh101PathSyntax() {
        String message = errorOf(api -> {
            api.route("GET orders", OK, IAM);
            api.route("GET /orders/", OK, IAM);
            api.route("GET /orders//lines", OK, IAM);
            api.route("GET /orders/a b", OK, IAM);
            api.route("GET /örders", OK, IAM);
        });
        assertMentions(message,
                "[GH101] route 'GET orders': the path 'orders' does not start with '/'. Fix: write the path from the API root, e.g. '/orders'.",
                "[GH101] route 'GET /orders/': the path '/orders/' ends with '/'. Fix: remove the trailing '/': '/orders'.",
                "[GH101] route 'GET /orders//lines': the path '/orders//lines' has an empty segment",
                "[GH101] route 'GET /orders/a b': the segment 'a b' contains whitespace, which a path cannot hold. Fix: join"
                        + " the words with '-' or '_' ('a-b'), or make each its own segment ('a/b').",
                "[GH101] route 'GET /örders': the segment 'örders' has the character 'ö', which API Gateway does not accept");
        assertFalse(message.contains("METHOD /path"), message);
    }

    @Test
    void gh102PathVariables() {
        String message = errorOf(api -> {
            api.route("GET /files/{name}.json", OK, IAM);
            api.route("GET /files/{proxy+}/meta", OK, IAM);
            api.route("GET /a/{id}/b/{id}", OK, IAM);
            api.route("GET /c/{}", OK, IAM);
            api.route("GET /orders/{id", OK, IAM);
        });
        assertMentions(message,
                "[GH102] route 'GET /files/{name}.json': the segment '{name}.json' mixes a variable with literal text.",
                "[GH102] route 'GET /files/{proxy+}/meta': the greedy variable '{proxy+}' is not the last segment",
                "[GH102] route 'GET /a/{id}/b/{id}': the path variable '{id}' appears more than once.",
                "[GH102] route 'GET /c/{}': the path variable '{}' has no name.",
                "[GH102] route 'GET /orders/{id': the segment '{id' opens a variable with '{' but never closes it. Fix:"
                        + " close it with '}': '{id}'.");
        assertFalse(message.contains("'{id' mixes"), message);
    }

    @Test
    void gh103OneVariableAmongSiblings() {
        String message = errorOf(api -> {
            api.route("GET /orders/{id}", OK, IAM);
            api.route("GET /orders/{orderId}/lines", OK, IAM);
            api.route("GET /orders/{id}/notes", OK, IAM);
        });
        assertMentions(message,
                "[GH103] resource '/orders': it has 2 different path variables below it: {id} (route 'GET /orders/{id}'), "
                        + "{orderId} (route 'GET /orders/{orderId}/lines').",
                "Fix: use one variable name for every route under '/orders', e.g. {id}.");
    }

    @Test
    void gh104DuplicateRoutesButAnyBesideExplicitMethodsIsFine() {
        String message = errorOf(api -> {
            api.route("GET /orders", OK, IAM);
            api.route("ANY /orders", OK, IAM);
            api.route("get /orders", OK, IAM);
        });
        assertMentions(message, "[GH104] route 'GET /orders': it is declared more than once.");
        assertTrue(!message.contains("ANY /orders"), message);
    }

    @Test
    void gh105ApiWithoutRoutes() {
        String message = errorOf(api -> { });
        assertMentions(message, "[GH105] GatewayApi 'Api': the API has no routes.");
    }

    @Test
    void gh106WarnsAboveTheDefaultResourceQuota() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api");
        for (int i = 0; i < 300; i++) {
            api.route("GET /items" + i, OK, IAM);
        }
        app.synth();
        Annotations.fromStack(stack).hasWarning("/S/Api", Match.stringLikeRegexp(
                ".*\\[GH106\\] GatewayApi 'Api': the API has 301 resources; API Gateway's default quota is 300.*"));
    }

    @Test
    void gh107OperationIdsAreUnique() {
        String message = errorOf(api -> {
            api.route("GET /a", OK, RouteOptions.builder().authorization(Authorization.iam()).operationId("list").build());
            api.route("GET /b", OK, RouteOptions.builder().authorization(Authorization.iam()).operationId("list").build());
        });
        assertMentions(message, "[GH107] route 'GET /b': its operationId 'list' is already used by route 'GET /a'.");
    }

    @Test
    void gh110RoutesNeedAnAuthorization() {
        String message = errorOf(api -> api.route("GET /orders", OK));
        assertMentions(message, "[GH110] route 'GET /orders': it has no authorization",
                "RouteOptions.of(Authorization.none()) to make it public on purpose.");
    }

    @Test
    void gh200HttpUrlsAreAbsolute() {
        String message = errorOf(api -> {
            api.route("GET /a", Integrations.http("ftp://example.com/a"), IAM);
            api.route("GET /b", Integrations.http("/relative"), IAM);
            api.route("GET /c", Integrations.http("https://example.com/c?x=1"), IAM);
            api.route("GET /d", Integrations.http("https:///nohost"), IAM);
        });
        assertMentions(message,
                "[GH200] route 'GET /a': the backend URL 'ftp://example.com/a' does not start with http:// or https://.",
                "[GH200] route 'GET /b': the backend URL '/relative' does not start with http:// or https://.",
                "[GH200] route 'GET /c': the backend URL 'https://example.com/c?x=1' has a query string or fragment.",
                "[GH200] route 'GET /d': the backend URL 'https:///nohost' has no host.");
    }

    @Test
    void gh201UrlVariablesComeFromTheRoute() {
        String message = errorOf(api -> api.route("GET /orders/{id}",
                Integrations.http("https://example.com/orders/{orderId}"), IAM));
        assertMentions(message, "[GH201] route 'GET /orders/{id}': the backend URL uses {orderId}, which is not a path "
                + "variable of the route.", "use one of the route's variables [id] in the URL");
    }

    @Test
    void gh202IntegrationTimeoutRange() {
        String message = errorOf(api -> {
            api.route("GET /a", Integrations.http("https://example.com", HttpRouteIntegrationOptions.builder()
                    .timeout(Duration.millis(10)).build()), IAM);
            api.route("GET /b", Integrations.lambda(Fixtures.function(api, "Fn"), LambdaRouteIntegrationOptions.builder()
                    .timeout(Duration.seconds(30)).build()), IAM);
        });
        assertMentions(message, "[GH202] route 'GET /a': the integration timeout is 10 ms.",
                "[GH202] route 'GET /b': the integration timeout is 30000 ms.",
                "choose a timeout from 50 ms to 29000 ms");
    }

    @Test
    void gh203MockResponsesAreStatic() {
        String message = errorOf(api -> api.route("GET /a", Integrations.mock(MockResponse.builder()
                .statusCode(99).header("Bad Header", "x").header("X-Quote", "it's").body("{\"a\":\"$input\"}").build()), IAM));
        assertMentions(message, "[GH203] route 'GET /a': the mock status code 99 is not an HTTP status code.",
                "the mock header name 'Bad Header' is not an HTTP token.",
                "the value of mock header 'X-Quote' contains a single quote or a line break.",
                "the mock body contains '$' or '#', which VTL would evaluate.");
    }

    @Test
    void gh204SnapStartFunctionsAreRoutedThroughAVersion() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        Function fn = Function.Builder.create(stack, "Fn")
                .runtime(software.amazon.awscdk.services.lambda.Runtime.JAVA_21)
                .handler("a.B::handle")
                .code(software.amazon.awscdk.services.lambda.Code.fromAsset(
                        dev.gatehouse.functions.internal.HandlerAssets.jar("echo").toString()))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .build();
        GatewayApi api = new GatewayApi(stack, "Api");
        api.route("GET /a", Integrations.lambda(fn), IAM);
        api.route("GET /b", Integrations.lambda(fn.getCurrentVersion()), IAM);
        LambdaAuthorizer unqualified = LambdaAuthorizer.token(fn).name("Unqualified").build();
        LambdaAuthorizer versioned = LambdaAuthorizer.token(fn.getCurrentVersion()).name("Versioned").build();
        api.route("GET /c", Integrations.lambda(fn.getCurrentVersion()), RouteOptions.of(unqualified.authorization()));
        api.route("GET /d", Integrations.lambda(fn.getCurrentVersion()), RouteOptions.of(versioned.authorization()));
        api.route("GET /e", Integrations.lambda(fn.getLatestVersion()), IAM);
        String message = synthError(app);
        assertMentions(message, "[GH204] route 'GET /a': its function 'S/Fn' has SnapStart on",
                "Alias live = fn.addAlias(\"live\"); Integrations.lambda(live)",
                "[GH204] route 'GET /c': its authorizer 'Unqualified' invokes the function 'S/Fn', which has SnapStart on",
                "Alias live = fn.addAlias(\"live\"); LambdaAuthorizer.token(live)");
        assertTrue(!message.contains("route 'GET /b'"), message);
        assertTrue(!message.contains("route 'GET /d'"), message);
        assertMentions(message, "[GH204] route 'GET /e': its function 'S/Fn/$LATEST' has SnapStart on");
    }

    @Test
    void gh300StageNames() {
        String message = errorOf(GatewayApiProps.builder().stage(StageSettings.builder().stageName("prod stage").build()).build(),
                api -> api.route("GET /a", OK, IAM));
        assertMentions(message, "[GH300] stage 'prod stage': the name has characters other than letters, digits");
    }

    @Test
    void gh301ThrottleValues() {
        String message = errorOf(GatewayApiProps.builder()
                        .stage(StageSettings.builder().throttle(Throttle.of(-1, 10)).build()).build(),
                api -> api.route("GET /a", OK, RouteOptions.builder().authorization(Authorization.iam())
                        .throttle(Throttle.builder().burstLimit(-5).build()).build()));
        assertMentions(message, "[GH301] stage 'prod': the throttle rate -1.0 is not a non-negative number.",
                "[GH301] route 'GET /a': the throttle burst -5 is negative.");
    }

    @Test
    void gh302AccessLogFormatNeedsTheRequestId() {
        String message = errorOf(GatewayApiProps.builder().stage(StageSettings.builder()
                        .accessLogFormat("{\"ip\":\"$context.identity.sourceIp\"}").build()).build(),
                api -> api.route("GET /a", OK, IAM));
        assertMentions(message, "[GH302] stage 'prod': the access log format has neither $context.requestId");
    }

    @Test
    void gh303PrivateApisNeedVpcEndpoints() {
        String message = errorOf(GatewayApiProps.builder().endpointType(ApiEndpointType.PRIVATE).build(),
                api -> api.route("GET /a", OK, IAM));
        assertMentions(message, "[GH303] GatewayApi 'Api': it is PRIVATE but names no VPC endpoint",
                "Fix: pass resourcePolicy(ResourcePolicy.builder().vpcEndpoints(List.of(endpoint)).build())");
    }

    @Test
    void gh304JsonTextBodyOnlyWithValuesThatNeedNoEscaping() {
        String message = errorOf(GatewayApiProps.builder().bodyFormat(BodyFormat.JSON_TEXT).build(), api -> {
            CfnParameter owner = CfnParameter.Builder.create(Stack.of(api), "Owner").build();
            api.route("GET /a", OK, RouteOptions.builder().authorization(Authorization.iam())
                    .summary("Owned by " + owner.getValueAsString()).build());
        });
        assertMentions(message, "[GH304] GatewayApi 'Api': bodyFormat is JSON_TEXT, but the document holds a "
                + "deploy-time value that is not an id, name or ARN",
                "Fix: leave bodyFormat unset (the object form, the default) or set it to BodyFormat.OBJECT.");
    }

    @Test
    void reportsEveryProblemOfEveryRouteTogether() {
        String message = errorOf(api -> {
            api.route("GET /a", OK);
            api.route("GET /b/", OK, IAM);
            api.route("POST /c", Integrations.http("nope"), IAM);
        });
        List<String> ids = List.of("[GH110] route 'GET /a'", "[GH101] route 'GET /b/'", "[GH200] route 'POST /c'");
        ids.forEach(id -> assertMentions(message, id));
        assertTrue(message.startsWith("ValidationFailedWithErrors") || message.contains("Validation failed"), message);
    }
}
