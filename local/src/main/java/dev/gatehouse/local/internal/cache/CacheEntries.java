package dev.gatehouse.local.internal.cache;

import dev.gatehouse.local.internal.http.GatewayResult;
import dev.gatehouse.local.internal.http.Headers;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cached responses by cache key, each until its TTL ends on the gateway's clock, within a budget
 * of bytes: past it the least recently used entries go (a full cache cluster evicts too). A
 * response larger than API Gateway's limit for one cached response is not kept.
 */
final class CacheEntries {
    /** API Gateway caches responses of at most 1,048,576 bytes. */
    static final int MAX_RESPONSE_BYTES = 1_048_576;
    /** What an entry costs besides its key, headers and body (objects, map entry). */
    private static final int ENTRY_OVERHEAD = 256;

    private record Entry(int status, Map<String, List<String>> headers, byte[] body, Instant expires, long size) {
    }

    private final Clock clock;
    private final long budgetBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long usedBytes;

    CacheEntries(Clock clock, long budgetBytes) {
        this.clock = clock;
        this.budgetBytes = budgetBytes;
    }

    /** A copy of the fresh response cached under the key, or null. */
    synchronized GatewayResult get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.expires())) {
            remove(key);
            return null;
        }
        Headers headers = new Headers();
        entry.headers().forEach((name, values) -> values.forEach(value -> headers.add(name, value)));
        return new GatewayResult(entry.status(), headers, entry.body());
    }

    /** Keeps a copy of the response for ttlSeconds, replacing what the key held. */
    synchronized void put(String key, GatewayResult result, int ttlSeconds) {
        remove(key);
        if (ttlSeconds <= 0 || result.body().length > MAX_RESPONSE_BYTES) {
            return;
        }
        Map<String, List<String>> headers = result.headers().asMap();
        long size = ENTRY_OVERHEAD + 2L * key.length() + result.body().length;
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            size += 2L * header.getKey().length();
            for (String value : header.getValue()) {
                size += 2L * value.length();
            }
        }
        if (size > budgetBytes) {
            return;
        }
        Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
        while (usedBytes + size > budgetBytes && eldest.hasNext()) {
            usedBytes -= eldest.next().getValue().size();
            eldest.remove();
        }
        entries.put(key, new Entry(result.status(), headers, result.body(), clock.instant().plusSeconds(ttlSeconds), size));
        usedBytes += size;
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized long usedBytes() {
        return usedBytes;
    }

    private void remove(String key) {
        Entry removed = entries.remove(key);
        if (removed != null) {
            usedBytes -= removed.size();
        }
    }
}
