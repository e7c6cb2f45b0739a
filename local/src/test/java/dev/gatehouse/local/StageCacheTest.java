package dev.gatehouse.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stage cache of a small app: hits and misses, TTLs on the gateway's clock, cache keys of the
 * declared parameters only, keys per caller, and invalidation with {@code Cache-Control: max-age=0}
 * allowed or refused as each route's settings say. Every call of the probe function answers
 * differently (its request id), so an identical body is a cache hit.
 */
class StageCacheTest {
    private static final String SIGNED = "AWS4-HMAC-SHA256 Credential=AKIDLOCAL/20260101/us-east-1/execute-api/aws4_request,"
            + " SignedHeaders=host, Signature=abc";
    private static LocalGateway gateway;

    @BeforeAll
    static void serve() {
        gateway = LocalGateway.Builder.create(TestApps.cache()).stack(TestApps.CACHE_STACK).accessLog(line -> { }).build();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static String get(String path) {
        LocalResponse response = gateway.client().get(path).send();
        assertEquals(200, response.status(), response.body());
        return response.body();
    }

    @Test
    void aCachedRouteAnswersFromTheCacheUntilItsTtlEnds() {
        // Given a response cached by a first request
        String first = get("/items/1");

        // When the same request comes again within the TTL (60 s), and after it
        String again = get("/items/1");
        gateway.clock().advance(Duration.ofSeconds(59));
        String justBefore = get("/items/1");
        gateway.clock().advance(Duration.ofSeconds(1));
        String after = get("/items/1");

        // Then the cache answers until the TTL ends, then the function again
        assertEquals(first, again);
        assertEquals(first, justBefore);
        assertNotEquals(first, after);
        assertEquals(after, get("/items/1"));
    }

    @Test
    void theKeyHoldsTheDeclaredParametersOnly() {
        // Given a route keyed by its path variable and the query parameter "page"
        String pageOne = get("/items/7?page=1");

        // Then another page or item is another entry, while other query parameters and headers are not in the key
        assertNotEquals(pageOne, get("/items/7?page=2"));
        assertNotEquals(pageOne, get("/items/8?page=1"));
        assertEquals(pageOne, get("/items/7?page=1&sort=desc"));
        assertEquals(pageOne, gateway.client().get("/items/7?page=1").header("Accept-Language", "fr").send().body());
    }

    @Test
    void aRouteKeyedByCallerNeverServesOneCallersResponseToAnother() {
        // Given Alice's response cached
        String alice = gateway.client().get("/mine").header("Authorization", "allow-alice").send().body();

        // When Bob calls within the TTL, and Alice again
        LocalResponse bob = gateway.client().get("/mine").header("Authorization", "allow-bob").send();
        LocalResponse aliceAgain = gateway.client().get("/mine").header("Authorization", "allow-alice").send();

        // Then Bob gets his own response and Alice her cached one
        assertEquals(200, bob.status(), bob.body());
        assertTrue(bob.body().contains("\"principalId\":\"bob\""), bob.body());
        assertEquals(alice, aliceAgain.body());
        assertTrue(alice.contains("\"principalId\":\"alice\""), alice);
    }

    @Test
    void authorizationRunsBeforeTheCache() {
        // Given a cached response of an allowed caller
        gateway.client().get("/mine").header("Authorization", "allow-carol").send();

        // Then a request the authorizer refuses is refused, not served from the cache
        assertEquals(401, gateway.client().get("/mine").send().status());
        assertEquals(403, gateway.client().get("/mine").header("Authorization", "deny").send().status());
    }

    @Test
    void anUnauthorizedInvalidationIsRefusedWith403ByDefault() {
        String cached = get("/items/20");

        LocalResponse refused = gateway.client().get("/items/20").header("Cache-Control", "max-age=0").send();

        assertEquals(403, refused.status());
        assertEquals("{\"message\":\"User is not authorized to access this resource\"}", refused.body());
        assertEquals(cached, get("/items/20"));
    }

    @Test
    void aSignedInvalidationFetchesAFreshResponseAndReplacesTheEntry() {
        // Given a response of the IAM route cached
        String cached = gateway.client().get("/signed").header("Authorization", SIGNED).send().body();
        assertEquals(cached, gateway.client().get("/signed").header("Authorization", SIGNED).send().body());

        // When a signed request asks for a fresh response
        LocalResponse fresh = gateway.client().get("/signed").header("Authorization", SIGNED)
                .header("Cache-Control", "no-transform, max-age=0").send();

        // Then the function answers it, and its answer is what the cache holds now
        assertEquals(200, fresh.status(), fresh.body());
        assertNotEquals(cached, fresh.body());
        assertEquals(fresh.body(), gateway.client().get("/signed").header("Authorization", SIGNED).send().body());
    }

    @Test
    void anUnauthorizedInvalidationIsIgnoredWithAWarningHeaderWhenTheRouteSaysSo() {
        String cached = get("/warned");

        LocalResponse ignored = gateway.client().get("/warned").header("Cache-Control", "max-age=0").send();

        assertEquals(cached, ignored.body());
        assertTrue(ignored.header("Warning").startsWith("199 "), ignored.header("Warning"));
        assertNull(gateway.client().get("/warned").send().header("Warning"));
    }

    @Test
    void anUnauthorizedInvalidationIsIgnoredSilentlyWhenTheRouteSaysSo() {
        String cached = get("/silent");

        LocalResponse ignored = gateway.client().get("/silent").header("Cache-Control", "max-age=0").send();

        assertEquals(cached, ignored.body());
        assertNull(ignored.header("Warning"));
    }

    @Test
    void anyCallerMayInvalidateWhenTheRouteNeedsNoAuthorization() {
        String cached = get("/anyone");

        String fresh = gateway.client().get("/anyone").header("Cache-Control", "max-age=0").send().body();

        assertNotEquals(cached, fresh);
        assertEquals(fresh, get("/anyone"));
    }

    @Test
    void anAnyRouteCachesItsGetRequestsOnlyWithItsOwnTtl() {
        String cached = get("/files/a");
        assertEquals(cached, get("/files/a"));
        String posted = gateway.client().post("/files/a", "{}").send().body();
        assertNotEquals(posted, gateway.client().post("/files/a", "{}").send().body());

        gateway.clock().advance(Duration.ofSeconds(10));
        assertNotEquals(cached, get("/files/a"));
    }

    @Test
    void theRootResourcesOwnSettingsApply() {
        // Given GET / cached with its own TTL (its method settings' ResourcePath is "/", CloudFormation's root)
        String cached = get("/");
        // Then it is cached for its 30 s, not the stage's 60 s
        assertEquals(cached, get("/"));
        gateway.clock().advance(Duration.ofSeconds(30));
        assertNotEquals(cached, get("/"));
        assertTrue(gateway.summary().contains("GET /  TTL 30 s"), gateway.summary());
    }

    @Test
    void aRouteWithoutCachingAlwaysReachesItsFunction() {
        assertNotEquals(get("/fresh"), get("/fresh"));
    }

    @Test
    void theStartSummaryListsTheCachedMethods() {
        String summary = gateway.summary();
        assertTrue(summary.contains("Stage cache (0.5 GB cluster)"), summary);
        assertTrue(summary.contains("GET /items/{id}  TTL 60 s, key [method.request.path.id,"
                + " method.request.querystring.page]"), summary);
        assertTrue(summary.contains("GET /files/{name}  TTL 10 s"), summary);
        assertTrue(!summary.contains("POST /files/{name}  TTL"), summary);
    }
}
