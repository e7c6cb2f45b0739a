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
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private final Set<JWSAlgorithm> allowed;
    private final Executor refreshExecutor;
    private final AuthorizerLog log;

    private final Object lock = new Object();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile KeySet current;
    private Instant lastAttempt; // guarded by lock

    public JwksKeySource(URI uri, JwksFetcher fetcher, Clock clock, Duration ttl, Duration minRefetch,
            Set<JWSAlgorithm> allowed, Executor refreshExecutor, AuthorizerLog log) {
        this.uri = uri;
        this.fetcher = fetcher;
        this.clock = clock;
        this.ttl = ttl;
        this.refreshAhead = ttl.multipliedBy(4).dividedBy(5);
        this.minRefetch = minRefetch;
        this.allowed = Set.copyOf(allowed);
        this.refreshExecutor = refreshExecutor;
        this.log = log;
    }

    @Override
    public List<JWSVerifier> verifiers(String kid, JWSAlgorithm alg) throws Rejection {
        Instant now = clock.instant();
        KeySet keys = current;
        if (keys == null || age(keys, now).compareTo(ttl) >= 0) {
            keys = refreshNow(keys, now);
        } else if (age(keys, now).compareTo(refreshAhead) >= 0) {
            refreshInBackground(now);
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
     * Fetches now unless another thread replaced {@code seen} meanwhile or the rate limit forbids
     * it; answers the newest set, which may be the old one.
     */
    private KeySet refreshNow(KeySet seen, Instant now) {
        synchronized (lock) {
            if (current != seen) {
                return current;
            }
            if (!mayAttempt(now)) {
                return current;
            }
            lastAttempt = now;
            KeySet fetched = fetch(now);
            if (fetched != null) {
                current = fetched;
            }
            return current;
        }
    }

    private void refreshInBackground(Instant now) {
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        synchronized (lock) {
            if (!mayAttempt(now)) {
                refreshing.set(false);
                return;
            }
            lastAttempt = now;
        }
        try {
            refreshExecutor.execute(() -> {
                try {
                    KeySet fetched = fetch(clock.instant());
                    if (fetched != null) {
                        synchronized (lock) {
                            current = fetched;
                        }
                    }
                } finally {
                    refreshing.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            refreshing.set(false);
        }
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
}
