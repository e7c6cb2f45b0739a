package dev.gatehouse.lambda.jwt.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The keys of one JWKS URL, fetched lazily and cached.
 *
 * <ul>
 *   <li>No fetch until the first token needs a key (nothing happens at init or checkpoint).
 *   <li>Cached for the TTL. Once the set is older than 80% of the TTL, a request that finds its key
 *       triggers a refresh on {@code refreshExecutor} and does not wait for it. A request that finds
 *       the set older than the TTL refreshes synchronously.
 *   <li>A token whose {@code kid} is not in the set triggers a synchronous refetch (key rotation).
 *   <li>Every fetch attempt, whatever its cause, is rate-limited: at most one per minimum refetch
 *       interval for this URL.
 *   <li>A request needing keys while a fetch is under way (in the background, or in another
 *       thread) waits for it rather than starting another.
 *   <li>A failed fetch (network error, timeout, non-200, over-large or unparsable body, or a set with
 *       no usable key) keeps the previous keys, however old.
 * </ul>
 * The number of fetch attempts is exposed by {@link #fetchCount()}.
 */
public final class JwksKeySource implements KeySource {
    private final URI uri;
    private final JwksFetcher fetcher;
    private final Clock clock;
    private final Duration ttl;
    private final Duration refreshAhead;
    private final Duration minRefetch;
    private final Duration maxWait;
    private final Set<JWSAlgorithm> allowed;
    private final Executor refreshExecutor;
    private final AuthorizerLog log;

    private final Object lock = new Object();
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile KeySet current;
    private Instant lastAttempt; // guarded by lock
    private CompletableFuture<KeySet> inFlight; // guarded by lock

    /**
     * @param maxWait how long a request waits for a fetch already under way (in the background or
     *     in another thread) before answering with the keys it has; at least the fetcher's own limit
     */
    public JwksKeySource(URI uri, JwksFetcher fetcher, Clock clock, Duration ttl, Duration minRefetch, Duration maxWait,
            Set<JWSAlgorithm> allowed, Executor refreshExecutor, AuthorizerLog log) {
        this.uri = uri;
        this.fetcher = fetcher;
        this.clock = clock;
        this.ttl = ttl;
        this.refreshAhead = ttl.multipliedBy(4).dividedBy(5);
        this.minRefetch = minRefetch;
        this.maxWait = maxWait;
        this.allowed = Set.copyOf(allowed);
        this.refreshExecutor = refreshExecutor;
        this.log = log;
    }

    @Override
    public List<JWSVerifier> verifiers(String kid, JWSAlgorithm alg) throws Rejection {
        KeySet keys = current; // read before the clock, so a test's clock can let another thread fetch in between
        Instant now = clock.instant();
        if (keys == null || age(keys, now).compareTo(ttl) >= 0) {
            keys = refreshNow(keys, now);
        } else if (age(keys, now).compareTo(refreshAhead) >= 0) {
            startFetch(now, true);
        }
        if (keys == null) {
            throw new Rejection(Reason.KEYS_UNAVAILABLE);
        }
        if (!keys.hasKid(kid)) {
            KeySet refreshed = refreshNow(keys, now);
            if (refreshed == null || !refreshed.hasKid(kid)) {
                throw new Rejection(Reason.UNKNOWN_KID);
            }
            keys = refreshed;
        }
        List<JWSVerifier> verifiers = keys.verifiers(kid, alg);
        if (verifiers.isEmpty()) {
            throw new Rejection(Reason.NO_USABLE_KEY);
        }
        return verifiers;
    }

    /** Age of a set; a set from the future (the clock went back) counts as expired. */
    private Duration age(KeySet keys, Instant now) {
        Duration age = Duration.between(keys.fetchedAt(), now);
        return age.isNegative() ? ttl : age;
    }

    /**
     * Fetches now, or joins a fetch under way, unless another thread already replaced
     * {@code seen} or the rate limit forbids it; answers the newest set, which may be the old one.
     */
    private KeySet refreshNow(KeySet seen, Instant now) {
        if (current != seen) {
            return current;
        }
        CompletableFuture<KeySet> fetch = startFetch(now, false);
        if (fetch == null) {
            return current;
        }
        try {
            fetch.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // answered below with whatever keys there are
        }
        return current;
    }

    /**
     * Starts a fetch (on the refresh executor if {@code background}, else in this thread) unless
     * one is under way, which is returned instead, or the rate limit forbids it (null).
     */
    private CompletableFuture<KeySet> startFetch(Instant now, boolean background) {
        CompletableFuture<KeySet> fetch;
        synchronized (lock) {
            if (inFlight != null) {
                return inFlight;
            }
            if (!mayAttempt(now)) {
                return null; // (PIT lists "replaced return value with null" here: the same code, equivalent)
            }
            lastAttempt = now;
            fetch = new CompletableFuture<>();
            inFlight = fetch;
        }
        Runnable task = () -> {
            KeySet fetched = null;
            try {
                fetched = fetch(clock.instant());
            } finally {
                synchronized (lock) {
                    if (fetched != null) {
                        current = fetched;
                    }
                    inFlight = null;
                }
                fetch.complete(current);
            }
        };
        if (background) {
            try {
                refreshExecutor.execute(task);
            } catch (RejectedExecutionException e) {
                task.run();
            }
        } else {
            task.run();
        }
        // (In this thread the fetch is complete here, so a caller given null instead would read
        // the same 'current': an equivalent mutant for the synchronous case.)
        return fetch;
    }

    private boolean mayAttempt(Instant now) {
        return lastAttempt == null || now.isBefore(lastAttempt)
                || Duration.between(lastAttempt, now).compareTo(minRefetch) >= 0;
    }

    /** One fetch attempt; null (after logging why) when it produced no usable key set. */
    private KeySet fetch(Instant now) {
        fetches.incrementAndGet();
        byte[] body;
        try {
            body = fetcher.fetch(uri);
        } catch (IOException e) {
            log.write("jwks-fetch-failed host=" + uri.getHost() + " error=" + e.getClass().getSimpleName()
                    + " detail=\"" + e.getMessage() + "\" keptStaleKeys=" + (current != null));
            return null;
        }
        KeySet parsed;
        try {
            parsed = KeySet.parse(new String(body, StandardCharsets.UTF_8), allowed, now);
        } catch (ParseException | RuntimeException e) {
            // Deliberately broad: the body comes from the network, and no content it has may take
            // the authorizer down or throw away the keys it already has.
            log.write("jwks-unparsable host=" + uri.getHost() + " error=" + e.getClass().getSimpleName()
                    + " keptStaleKeys=" + (current != null));
            return null;
        }
        if (parsed.usableKeys() == 0) {
            log.write("jwks-no-usable-keys host=" + uri.getHost() + " keptStaleKeys=" + (current != null));
            return null;
        }
        return parsed;
    }

    /** How many fetches were attempted (successful or not) since creation. */
    public int fetchCount() {
        return fetches.get();
    }

    /** The cached set, or null before the first successful fetch. */
    public KeySet cached() {
        return current;
    }

    /**
     * Forgets the cached keys and the rate-limit clock, e.g. after a SnapStart restore, when the
     * cache's age and the time of the last attempt mean nothing.
     */
    public void reset() {
        synchronized (lock) {
            current = null;
            lastAttempt = null;
        }
    }

    /** Starts a fetch on the refresh executor (unless one is under way); requests join it. */
    public void refreshInBackground() {
        startFetch(clock.instant(), true);
    }
}
