package dev.gatehouse.lambda.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import dev.gatehouse.lambda.jwt.internal.JwksFetcher;
import dev.gatehouse.lambda.jwt.internal.JwksKeySource;
import dev.gatehouse.lambda.jwt.internal.Reason;
import dev.gatehouse.lambda.jwt.internal.Rejection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The key source when threads meet: a fetch finished by another thread, a wait interrupted. */
class JwksKeySourceTest {
    private static final URI JWKS = URI.create("https://issuer.example.test/.well-known/jwks.json");
    private static final byte[] BODY = TestKeys.jwks(TestKeys.RSA).getBytes(StandardCharsets.UTF_8);
    private static final String KID = TestKeys.RSA.getKeyID();

    /** A clock that runs a one-shot hook the next time it is read. */
    private static final class HookClock extends MutableClock {
        final AtomicReference<Runnable> hook = new AtomicReference<>();

        HookClock() {
            super(Instant.parse("2026-01-01T00:00:00Z"));
        }

        @Override
        public Instant instant() {
            Runnable run = hook.getAndSet(null);
            if (run != null) {
                run.run();
            }
            return super.instant();
        }
    }

    private static JwksKeySource source(JwksFetcher fetcher, MutableClock clock) {
        return new JwksKeySource(JWKS, fetcher, clock, Duration.ofMinutes(5), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Set.of(JWSAlgorithm.RS256), Runnable::run, line -> { });
    }

    /** A request for the key in a new thread, started. */
    private static Thread requestInAnotherThread(JwksKeySource source) {
        Thread thread = new Thread(() -> {
            try {
                source.verifiers(KID, JWSAlgorithm.RS256);
            } catch (Rejection e) {
                throw new AssertionError(e);
            }
        });
        thread.start();
        return thread;
    }

    @Test
    void requestThatSawNoKeysUsesTheKeysAnotherThreadFetchedMeanwhile() throws Exception {
        // Given a request that has read the (empty) cache, and another thread that fetches the keys
        // before this request goes on (the clock, read right after the cache, lets it run)
        HookClock clock = new HookClock();
        JwksKeySource source = source(uri -> BODY, clock);
        clock.hook.set(() -> {
            try {
                requestInAnotherThread(source).join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });

        // When the request goes on
        int verifiers = source.verifiers(KID, JWSAlgorithm.RS256).size();

        // Then it answers with the other thread's keys, without a fetch of its own
        assertEquals(1, verifiers);
        assertEquals(1, source.fetchCount());
        assertNull(clock.hook.get(), "the other thread ran");
    }

    @Test
    void interruptedWhileWaitingForAFetchRejectsAndKeepsTheInterrupt() throws Exception {
        // Given a fetch under way in another thread, held until released
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        JwksKeySource source = source(uri -> {
            fetching.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return BODY;
        }, new HookClock());
        Thread first = requestInAnotherThread(source);
        assertTrue(fetching.await(30, TimeUnit.SECONDS), "the fetch never started");

        try {
            // When a request that has been interrupted needs the keys and would wait for that fetch
            Thread.currentThread().interrupt();
            Rejection rejection = assertThrows(Rejection.class, () -> source.verifiers(KID, JWSAlgorithm.RS256));

            // Then it stops waiting: rejected for want of keys, with its interrupt status kept for
            // whoever runs it
            assertEquals(Reason.KEYS_UNAVAILABLE, rejection.reason());
            assertTrue(Thread.interrupted(), "the interrupt was swallowed");
        } finally {
            Thread.interrupted();
            release.countDown();
            first.join();
        }
        assertEquals(1, source.fetchCount());
        assertFalse(source.cached() == null, "the first request's fetch completed");
    }
}
