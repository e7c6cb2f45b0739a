package dev.gatehouse.api;

import static dev.gatehouse.testing.Fixtures.synthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.auth.LambdaAuthorizer;
import dev.gatehouse.integrations.Integrations;
import dev.gatehouse.integrations.MockResponse;
import dev.gatehouse.integrations.RouteIntegration;
import dev.gatehouse.testing.Fixtures;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import dev.gatehouse.auth.IdentitySources;
import software.amazon.awscdk.services.lambda.Function;

/** One test per caching rule (GH600 to GH607): the message names the subject, the problem and the fix. */
class CachingRulesTest {
    private static final RouteIntegration OK = Integrations.mock(MockResponse.json(200, "{}"));
    private static final StageSettings CLUSTER = StageSettings.builder().cacheClusterSize("0.5").build();

    private static CacheSettings.Builder cached() {
        return CacheSettings.builder().enabled(true);
    }

    private static RouteOptions options(Authorization authorization, CacheSettings caching) {
        return RouteOptions.builder().authorization(authorization).caching(caching).build();
    }

    /** Synthesizes an API on {@code stage} with the routes of {@code routes}; returns the error. */
    private static String errorOf(StageSettings stage, Consumer<GatewayApi> routes) {
        App app = new App();
        GatewayApi api = GatewayApi.Builder.create(new Stack(app, "S"), "Api").stage(stage).build();
        routes.accept(api);
        return synthError(app);
    }

    /** Synthesizes an API that must pass; returns its stack for the annotations. */
    private static Stack synthesized(StageSettings stage, Consumer<GatewayApi> routes) {
        App app = new App();
        Stack stack = new Stack(app, "S");
        routes.accept(GatewayApi.Builder.create(stack, "Api").stage(stage).build());
        app.synth();
        return stack;
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected «" + part + "» in:\n" + message);
        }
    }

    private static LambdaAuthorizer token(Stack stack) {
        return LambdaAuthorizer.token(Fixtures.function(stack, "Fn")).name("Token").build();
    }

    @Test
    void gh600CacheClusterSizes() {
        String message = errorOf(StageSettings.builder().cacheClusterSize("1").build(),
                api -> api.route("GET /a", OK, RouteOptions.of(Authorization.none())));
        assertMentions(message, "[GH600] stage 'prod': the cache cluster size '1' is not one of API Gateway's sizes.",
                "Fix: use one of 0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118, 237 (gigabytes, as text), e.g. cacheClusterSize(\"0.5\").");
    }

    @Test
    void gh601CacheTtl() {
        String message = errorOf(StageSettings.builder().cacheClusterSize("0.5")
                        .caching(CacheSettings.builder().ttl(Duration.hours(2)).build()).build(),
                api -> api.route("GET /a", OK, options(Authorization.none(), cached().ttl(Duration.millis(1500)).build())));
        assertMentions(message,
                "[GH601] stage 'prod': the cache TTL 2 hours is not a whole number of seconds from 0 to 3600.",
                "[GH601] route 'GET /a': the cache TTL 1 second 500 millis is not a whole number of seconds from 0 to 3600.",
                "Fix: choose 0 (no caching) to 3600 seconds, e.g. Duration.minutes(5).");
    }

    @Test
    void gh602CachingNeedsTheStagesCluster() {
        String message = errorOf(StageSettings.builder().caching(CacheSettings.builder().enabled(true).build())
                        .flushCacheOnDeploy(true).build(),
                api -> api.route("GET /a", OK, options(Authorization.none(), cached().build())));
        assertMentions(message,
                "[GH602] stage 'prod': caching is on for the stage's GET routes, but stage 'prod' has no cache cluster "
                        + "(Gatehouse does not create one implicitly: it is billed by the hour).",
                "[GH602] stage 'prod': flushCacheOnDeploy is on, but stage 'prod' has no cache cluster",
                "[GH602] route 'GET /a': its caching is on, but stage 'prod' has no cache cluster",
                "Fix: give the stage a cluster, e.g. StageSettings.builder().cacheClusterSize(\"0.5\"), or turn caching off.");
    }

    @Test
    void gh603CacheKeyPartsAreParametersTheRouteCanHave() {
        String message = errorOf(CLUSTER, api -> {
            api.route("GET /orders/{id}", OK, options(Authorization.none(),
                    cached().key(CacheKey.path("orderId"), CacheKey.query("a b"), CacheKey.header("Bad Header")).build()));
            api.route("GET /prices", OK, options(Authorization.none(), cached().key(CacheKey.caller()).build()));
        });
        assertMentions(message,
                "[GH603] route 'GET /orders/{id}': its cache key names the path variable 'orderId', which /orders/{id} "
                        + "does not have. Fix: name one of [id] (they are in the key anyway), or remove it.",
                "[GH603] route 'GET /orders/{id}': its cache key names the query string parameter 'a b', which is not a "
                        + "parameter name.",
                "[GH603] route 'GET /orders/{id}': its cache key names the header 'Bad Header', which is not an HTTP header name.",
                "[GH603] route 'GET /prices': its cache key holds CacheKey.caller(), but the route is public: there is no "
                        + "caller identity to key on. Fix: remove CacheKey.caller() from the key.");
    }

    @Test
    void gh604CachingAWriteMethodIsAWarning() {
        Stack stack = synthesized(CLUSTER, api -> {
            api.route("POST /orders", OK, options(Authorization.none(), cached().build()));
            api.route("GET /orders", OK, options(Authorization.none(), cached().build()));
        });
        Annotations.fromStack(stack).hasWarning("/S/Api", Match.stringLikeRegexp(".*\\[GH604\\] route 'POST /orders': "
                + "caching is on for a POST route: repeated requests with the same key are answered from the cache.*"));
        assertEquals(1, Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp(".*GH604.*")).size(),
                "the GET route is not warned about");
    }

    @Test
    void gh605ACachedRouteBehindAnAuthorizerMustKeyByCallerOrBeShared() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        LambdaAuthorizer token = token(stack);
        Function fn = Fixtures.function(stack, "Fn2");
        LambdaAuthorizer contextOnly = LambdaAuthorizer.request(fn).name("Ip")
                .identitySources(IdentitySources.context("identity.sourceIp")).build();
        GatewayApi api = GatewayApi.Builder.create(stack, "Api").stage(StageSettings.builder().cacheClusterSize("0.5")
                .caching(CacheSettings.builder().enabled(true).build()).build()).build();
        // explicitly cached, keyed by a query parameter only
        api.route("GET /me", OK, options(token.authorization(), cached().key(CacheKey.query("view")).build()));
        // cached by the stage (a GET route that says nothing), behind IAM
        api.route("GET /reports/{id}", OK, RouteOptions.of(Authorization.iam()));
        // keyed by caller, but the authorizer's identity cannot be a key
        api.route("GET /ip", OK, options(contextOnly.authorization(), CacheSettings.builder().key(CacheKey.caller()).build()));
        // these pass: keyed by caller, declared shared, a POST (the stage caches GET only), turned off
        api.route("GET /mine", OK, options(token.authorization(), CacheSettings.builder().key(CacheKey.caller()).build()));
        api.route("GET /catalog", OK, options(token.authorization(), CacheSettings.builder().sharedAcrossCallers(true).build()));
        api.route("POST /reports", OK, RouteOptions.of(Authorization.iam()));
        api.route("GET /live", OK, options(token.authorization(), CacheSettings.builder().enabled(false).build()));
        String message = synthError(app);
        assertMentions(message,
                "[GH605] route 'GET /me': it is cached behind the authorizer 'Token', but its cache key does not hold the "
                        + "caller's identity (method.request.header.Authorization): caller B would be served the response "
                        + "cached for caller A. Fix: key the cache by the caller (CacheSettings.builder().key(CacheKey.caller())), "
                        + "or declare the responses the same for every caller (sharedAcrossCallers(true)), or turn caching off "
                        + "for the route (enabled(false)).",
                "[GH605] route 'GET /reports/{id}': it is cached behind IAM authorization (SigV4), but its cache key does "
                        + "not hold the caller's identity (method.request.header.Authorization)",
                "[GH605] route 'GET /ip': its cache key holds CacheKey.caller(), but the authorizer 'Ip' identifies "
                        + "callers only by context or stage variables");
        for (String passing : List.of("GET /mine", "GET /catalog", "POST /reports", "GET /live")) {
            assertFalse(message.contains("route '" + passing + "'"), passing + " passes:\n" + message);
        }
    }

    @Test
    void gh606ACacheKeyedBySigV4SignaturesIsAWarning() {
        Stack stack = synthesized(CLUSTER, api -> api.route("GET /reports", OK,
                options(Authorization.iam(), cached().key(CacheKey.caller()).build())));
        Annotations.fromStack(stack).hasWarning("/S/Api", Match.stringLikeRegexp(".*\\[GH606\\] route 'GET /reports': its "
                + "cache is keyed by the SigV4 Authorization header, which changes with every request: nothing will be "
                + "served from the cache.*"));
    }

    @Test
    void gh607OpenInvalidationIsAWarning() {
        Stack stack = synthesized(StageSettings.builder().cacheClusterSize("0.5")
                        .caching(CacheSettings.builder().requireAuthorizationForCacheControl(false).build()).build(),
                api -> api.route("GET /prices", OK, options(Authorization.none(), cached().build())));
        Annotations.fromStack(stack).hasWarning("/S/Api", Match.stringLikeRegexp(".*\\[GH607\\] stage 'prod': "
                + "requireAuthorizationForCacheControl is false: any client can invalidate cached responses with "
                + "Cache-Control: max-age=0. Fix: leave it on \\(the default\\) and grant execute-api:InvalidateCache.*"));
    }

    @Test
    void contradictionsThrow() {
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> CacheSettings.builder().sharedAcrossCallers(true).key(CacheKey.caller()).build());
        assertEquals("CacheSettings: sharedAcrossCallers(true) says every caller may get the same cached response, and "
                + "key(CacheKey.caller()) gives each caller their own. Keep one.", both.getMessage());

        App app = new App();
        IllegalArgumentException routeOnly = assertThrows(IllegalArgumentException.class,
                () -> GatewayApi.Builder.create(new Stack(app, "S"), "Api").stage(StageSettings.builder()
                        .cacheClusterSize("0.5").caching(CacheSettings.builder().key(CacheKey.query("page")).build())
                        .build()).build());
        assertEquals("stage 'prod': key and sharedAcrossCallers are settings of a route's caching (RouteOptions.caching), "
                + "not of the stage's. Move them to the routes they concern.", routeOnly.getMessage());
    }
}
