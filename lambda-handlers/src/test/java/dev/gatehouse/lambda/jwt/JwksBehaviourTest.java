package dev.gatehouse.lambda.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.gatehouse.lambda.jwt.JwksServer.Mode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fetching, caching, refreshing and surviving a JWKS endpoint, against a real local HTTP server. */
class JwksBehaviourTest {
    private AuthorizerFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new AuthorizerFixture();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void nothingIsFetchedAtInit() {
        fx.handler();
        assertEquals(0, fx.fetches());
        assertEquals(0, fx.jwks.requests());
    }

    @Test
    void steadyStateMakesNoFetchPerRequest() {
        // Given a first request that fetched the keys
        fx.allow(fx.token().sign());
        assertEquals(1, fx.jwks.requests());

        // When many more requests arrive within the refresh-ahead window (80% of 300 s)
        for (int i = 0; i < 200; i++) {
            fx.clock.advance(Duration.ofMillis(1000));
            fx.allow(fx.token().subject("user-" + i).sign());
        }

        // Then no further fetch happened
        assertEquals(1, fx.fetches());
        assertEquals(1, fx.jwks.requests());
    }

    @Test
    void refreshAheadDoesNotBlockTheRequest() {
        // Given keys fetched at t0 and refreshes queued instead of run
        fx.queueRefreshes();
        fx.allow(fx.token().sign());

        // When a request comes at 81% of the TTL
        fx.clock.advance(Duration.ofSeconds(243));
        fx.allow(fx.token().sign());

        // Then it was answered from the cache and one refresh was scheduled, not run
        assertEquals(1, fx.jwks.requests());
        assertEquals(1, fx.queued.size());
        fx.allow(fx.token().sign());
        assertEquals(1, fx.queued.size(), "only one refresh in flight");

        // When the refresh runs, the keys are renewed and the cache age restarts
        fx.jwks.serve(TestKeys.jwks(TestKeys.RSA, TestKeys.RSA_ROTATED));
        fx.queued.poll().run();
        assertEquals(2, fx.jwks.requests());
        fx.clock.advance(Duration.ofSeconds(100)); // 343 s after the first fetch, 100 s after the refresh
        fx.allow(fx.token().key(TestKeys.RSA_ROTATED, com.nimbusds.jose.JWSAlgorithm.RS256).sign());
        assertEquals(2, fx.jwks.requests());
        assertTrue(fx.queued.isEmpty());
    }

    @Test
    void refreshAheadOnARealBackgroundThread() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        fx.refreshExecutor = task -> new Thread(() -> {
            task.run();
            done.countDown();
        }).start();
        fx.allow(fx.token().sign());
        fx.clock.advance(Duration.ofSeconds(250));
        fx.allow(fx.token().sign());
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(2, fx.jwks.requests());
    }

    @Test
    void atExactlyTheTtlTheKeysAreRefreshedBeforeAnswering() {
        // Given refreshes queued instead of run, and keys fetched at t0
        fx.queueRefreshes();
        fx.allow(fx.token().sign());
        assertEquals(fx.clock.instant(), fx.handler().keySource().cached().fetchedAt());

        // When a request comes exactly one TTL (300 s) later
        fx.clock.advance(Duration.ofSeconds(300));
        fx.allow(fx.token().sign());

        // Then the keys were fetched in the request, not queued for later
        assertEquals(2, fx.jwks.requests());
        assertTrue(fx.queued.isEmpty());
    }

    @Test
    void atExactlyEightyPercentOfTheTtlARefreshIsScheduled() {
        fx.queueRefreshes();
        fx.allow(fx.token().sign());

        fx.clock.advance(Duration.ofSeconds(239));
        fx.allow(fx.token().sign());
        assertTrue(fx.queued.isEmpty(), "not yet at 239 s");

        fx.clock.advance(Duration.ofSeconds(1));
        fx.allow(fx.token().sign());
        assertEquals(1, fx.queued.size(), "at 240 s");
        assertEquals(1, fx.jwks.requests());
    }

    @Test
    void aRefetchExactlyTheMinimumIntervalLaterIsAllowed() {
        fx.jwks.mode(Mode.STATUS_500);
        assertEquals("keys-unavailable", fx.rejectToken(fx.token().sign()));
        fx.jwks.serve(TestKeys.standardJwks());

        fx.clock.advance(Duration.ofMillis(9999));
        assertEquals("keys-unavailable", fx.rejectToken(fx.token().sign()));
        fx.clock.advance(Duration.ofMillis(1));
        assertEquals("user-1", fx.allow(fx.token().sign()).getPrincipalId());
        assertEquals(2, fx.jwks.requests());
    }

    @Test
    void failuresSayWhetherOlderKeysWereKept() {
        // Given a first fetch that fails: nothing to keep
        fx.jwks.mode(Mode.STATUS_500);
        fx.rejectToken(fx.token().sign());
        // And one that brings no usable key: still nothing
        fx.jwks.serve(TestKeys.jwks(new RSAKey.Builder(TestKeys.RSA).keyUse(KeyUse.ENCRYPTION).build()));
        fx.clock.advance(Duration.ofSeconds(10));
        fx.rejectToken(fx.token().sign());
        // Then good keys, and a failure after them: kept
        fx.jwks.serve(TestKeys.standardJwks());
        fx.clock.advance(Duration.ofSeconds(10));
        fx.allow(fx.token().sign());
        fx.jwks.mode(Mode.STATUS_500);
        fx.clock.advance(Duration.ofSeconds(300));
        fx.allow(fx.token().sign());

        List<String> failures = fx.logLines().stream().filter(l -> l.startsWith("jwks-")).toList();
        assertEquals(3, failures.size(), fx.logLines().toString());
        assertTrue(failures.get(0).startsWith("jwks-fetch-failed host=127.0.0.1 error=IOException detail=\"JWKS endpoint"
                + " answered HTTP 500\" keptStaleKeys=false"), failures.get(0));
        assertEquals("jwks-no-usable-keys host=127.0.0.1 keptStaleKeys=false", failures.get(1));
        assertTrue(failures.get(2).startsWith("jwks-fetch-failed") && failures.get(2).endsWith("keptStaleKeys=true"),
                failures.get(2));
    }

    @Test
    void aRefreshTheExecutorRefusesRunsInTheRequest() {
        fx.refreshExecutor = task -> {
            throw new RejectedExecutionException("shutting down");
        };
        fx.allow(fx.token().sign());
        fx.jwks.serve(TestKeys.jwks(TestKeys.RSA, TestKeys.RSA_ROTATED));

        fx.clock.advance(Duration.ofSeconds(250));
        fx.allow(fx.token().sign());

        assertEquals(2, fx.jwks.requests());
        assertTrue(fx.handler().keySource().cached().hasKid("rsa-2"));
    }

    @Test
    void expiredCacheIsRefreshedSynchronously() {
        fx.allow(fx.token().sign());
        fx.clock.advance(Duration.ofSeconds(301));
        fx.allow(fx.token().sign());
        assertEquals(2, fx.jwks.requests());
    }

    @Test
    void jwks500OnFirstFetchRejectsAndIsRateLimited() {
        fx.jwks.mode(Mode.STATUS_500);
        assertEquals("keys-unavailable", fx.rejectToken(fx.token().sign()));
        assertTrue(fx.logLines().stream().anyMatch(l -> l.contains("jwks-fetch-failed") && l.contains("HTTP 500")),
                fx.logLines().toString());

        // a retry one second later does not hammer the endpoint
        fx.clock.advance(Duration.ofSeconds(1));
        assertEquals("keys-unavailable", fx.rejectToken(fx.token().sign()));
        assertEquals(1, fx.jwks.requests());

        // once the endpoint recovers and the interval passed, keys are fetched
        fx.jwks.serve(TestKeys.standardJwks());
        fx.clock.advance(Duration.ofSeconds(10));
        assertEquals("user-1", fx.allow(fx.token().sign()).getPrincipalId());
        assertEquals(2, fx.jwks.requests());
    }

    @Test
    void jwksTimeoutIsEnforced() {
        // Given an endpoint that answers after 5 s, and a read timeout of 1 s
        fx.jwks.mode(Mode.SLOW);
        long started = System.nanoTime();

        // Then the request is refused long before the server answers (bounds leave room for a
        // loaded machine: the mutation tests run this on two busy cores)
        assertEquals("keys-unavailable", fx.rejectToken(fx.token().sign()));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 4000, "took " + millis + " ms");
        assertTrue(fx.logLines().stream().anyMatch(l -> l.contains("jwks-fetch-failed")), fx.logLines().toString());
    }

    @Test
    void trickleOfBytesIsCutOffByTheOverallDeadline() throws Exception {
        // A server sending a byte every 100 ms (for 30 s) never trips a 1.5 s read timeout; the
        // overall deadline (connect + read timeout = 2.5 s) stops it.
        var server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        try {
            server.createContext("/jwks.json", exchange -> {
                exchange.sendResponseHeaders(200, 0);
                try (var out = exchange.getResponseBody()) {
                    for (int i = 0; i < 300; i++) {
                        out.write(' ');
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (java.io.IOException | InterruptedException expected) {
                    // client gave up
                }
            });
            server.start();
            fx.env.put("GATEHOUSE_JWKS_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
            fx.env.put("GATEHOUSE_JWKS_READ_TIMEOUT_MS", "1500");
            String token = fx.token().sign();
            fx.handler();
            long started = System.nanoTime();
            assertEquals("keys-unavailable", fx.rejectToken(token));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis < 8000, "took " + millis + " ms");
            assertTrue(fx.logLines().stream().anyMatch(l -> l.contains("took longer than 2500 ms")), fx.logLines().toString());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void hugeDeclaredResponseIsRefusedWithoutReadingIt() {
        fx.jwks.mode(Mode.HUGE_DECLARED);
        assertEquals("keys-unavailable", fx.rejectToken(fx.token().sign()));
        assertTrue(fx.logLines().stream().anyMatch(l -> l.contains("declares 10485760 bytes")), fx.logLines().toString());
    }

    @Test
    void hugeChunkedResponseIsCutAtTheLimit() {
        fx.jwks.mode(Mode.HUGE_CHUNKED);
        assertEquals("keys-unavailable", fx.rejectToken(fx.token().sign()));
        assertTrue(fx.logLines().stream().anyMatch(l -> l.contains("larger than the limit of 65536")),
                fx.logLines().toString());
    }

    @Test
    void garbageIsRejectedAndStaleKeysAreKept() {
        // Given keys fetched once
        fx.allow(fx.token().sign());

        // When the endpoint starts returning garbage and the cache expires
        fx.jwks.mode(Mode.GARBAGE);
        fx.clock.advance(Duration.ofSeconds(400));

        // Then the old keys still verify tokens
        assertEquals("user-1", fx.allow(fx.token().sign()).getPrincipalId());
        assertEquals(2, fx.jwks.requests());
        assertTrue(fx.logLines().stream().anyMatch(l -> l.contains("jwks-unparsable") && l.contains("keptStaleKeys=true")),
                fx.logLines().toString());
    }

    @Test
    void garbageOnFirstFetchRejects() {
        fx.jwks.mode(Mode.GARBAGE);
        assertEquals("keys-unavailable", fx.rejectToken(fx.token().sign()));
    }

    @Test
    void jwksDownAfterASuccessfulFetchKeepsStaleKeys() {
        // Given keys fetched once
        fx.allow(fx.token().sign());

        // When the endpoint goes away and much time passes
        fx.jwks.stop();
        fx.clock.advance(Duration.ofHours(2));

        // Then tokens still verify with the stale keys, retries are rate-limited
        assertEquals("user-1", fx.allow(fx.token().sign()).getPrincipalId());
        int attempts = fx.fetches();
        fx.clock.advance(Duration.ofSeconds(1));
        assertEquals("user-1", fx.allow(fx.token().sign()).getPrincipalId());
        assertEquals(attempts, fx.fetches());
        assertEquals(2, attempts);
    }

    @Test
    void setWithoutUsableKeysDoesNotReplaceGoodKeys() throws Exception {
        fx.allow(fx.token().sign());
        RSAKey encOnly = new RSAKey.Builder(TestKeys.RSA_ROTATED).keyUse(KeyUse.ENCRYPTION).build();
        fx.jwks.serve(TestKeys.jwks(encOnly));
        fx.clock.advance(Duration.ofSeconds(301));

        assertEquals("user-1", fx.allow(fx.token().sign()).getPrincipalId());
        assertTrue(fx.logLines().stream().anyMatch(l -> l.contains("jwks-no-usable-keys")), fx.logLines().toString());
    }

    @Test
    void clockGoingBackwardsCountsAsExpired() {
        fx.allow(fx.token().sign());
        fx.clock.advance(Duration.ofSeconds(20));
        fx.clock.set(AuthorizerFixture.START.minusSeconds(100));
        fx.allow(fx.token().sign());
        assertEquals(2, fx.jwks.requests());
    }

    @Test
    void afterRestoreForgetsCachedKeysAndRefetchesInTheBackground() {
        // Given keys cached before a snapshot, and restores whose background fetch waits in a queue
        fx.queueRefreshes();
        fx.allow(fx.token().sign());
        fx.jwks.serve(TestKeys.jwks(TestKeys.RSA_ROTATED));

        // When the function is restored
        fx.handler().afterRestore(null);

        // Then the old keys are gone and a fetch was started without waiting for the rate limit
        assertNull(fx.handler().keySource().cached());
        assertEquals(1, fx.queued.size());
        fx.queued.poll().run();
        assertEquals(2, fx.jwks.requests());
        assertEquals("unknown-kid", fx.rejectToken(fx.token().sign()), "only the keys served after restore count");
        assertEquals("user-1", fx.allow(fx.token().key(TestKeys.RSA_ROTATED, com.nimbusds.jose.JWSAlgorithm.RS256)
                .sign()).getPrincipalId());
    }

    @Test
    void requestJoinsAFetchAlreadyUnderWay() throws Exception {
        // Given a restore whose background fetch is slow (150 ms; a read timeout of 5 s so that a
        // busy machine does not turn the slow answer into a failed fetch)
        fx.env.put("GATEHOUSE_JWKS_READ_TIMEOUT_MS", "5000");
        fx.refreshExecutor = task -> new Thread(task).start();
        fx.jwks.mode(Mode.SLOW);
        fx.jwks.slowMillis(150);
        fx.handler().afterRestore(null);

        // When a request arrives while it runs, it waits for it instead of failing or fetching again
        assertEquals("user-1", fx.allow(fx.token().sign()).getPrincipalId());
        assertEquals(1, fx.jwks.requests());
    }

    @Test
    void beforeCheckpointPrimesWithoutTouchingTheJwksEndpoint() throws Exception {
        fx.handler().beforeCheckpoint(null);

        assertEquals(0, fx.jwks.requests());
        assertEquals(0, fx.fetches());
        assertNull(fx.handler().keySource().cached());
        assertTrue(fx.logLines().stream().anyMatch(l -> l.startsWith("primed decisions=")), fx.logLines().toString());
        // and the handler works normally afterwards
        assertEquals("user-1", fx.allow(fx.token().sign()).getPrincipalId());
    }
}
