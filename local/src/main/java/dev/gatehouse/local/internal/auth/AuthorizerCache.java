package dev.gatehouse.local.internal.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorizer results kept per identity source for the authorizer's TTL, on the gateway's clock.
 * Bounded: past {@link #MAX_ENTRIES} the expired entries go, and if that is not enough, all.
 */
final class AuthorizerCache {
    static final int MAX_ENTRIES = 10_000;

    private record Entry(AuthorizerResult result, Instant expires) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    AuthorizerCache(Clock clock) {
        this.clock = clock;
    }

    AuthorizerResult get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(key, entry);
            return null;
        }
        return entry.result();
    }

    void put(String key, AuthorizerResult result, int ttlSeconds) {
        if (entries.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            entries.values().removeIf(e -> !now.isBefore(e.expires()));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(key, new Entry(result, clock.instant().plusSeconds(ttlSeconds)));
    }
}
