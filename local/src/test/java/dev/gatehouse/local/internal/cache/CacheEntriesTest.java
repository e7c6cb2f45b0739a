package dev.gatehouse.local.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.local.ManualClock;
import dev.gatehouse.local.internal.http.GatewayResult;
import dev.gatehouse.local.internal.http.Headers;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The cache's entries: bounded by bytes (least recently used first out), TTL on the clock, copies out. */
class CacheEntriesTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

    private static GatewayResult response(int bytes) {
        return new GatewayResult(200, new Headers().add("Content-Type", "text/plain"), new byte[bytes]);
    }

    @Test
    void pastTheBudgetTheLeastRecentlyUsedEntriesGo() {
        // Given room for about three 1,000-byte responses
        CacheEntries entries = new CacheEntries(clock, 4_000);
        entries.put("a", response(1_000), 60);
        entries.put("b", response(1_000), 60);
        entries.put("c", response(1_000), 60);
        assertNotNull(entries.get("a")); // a is now used more recently than b

        // When a fourth arrives
        entries.put("d", response(1_000), 60);

        // Then b, the least recently used, made room
        assertNull(entries.get("b"));
        assertNotNull(entries.get("a"));
        assertNotNull(entries.get("d"));
        assertTrue(entries.usedBytes() <= 4_000, "used " + entries.usedBytes());
    }

    @Test
    void responsesOverApiGatewaysLimitAreNotKept() {
        CacheEntries entries = new CacheEntries(clock, 10_000_000);

        entries.put("big", response(CacheEntries.MAX_RESPONSE_BYTES + 1), 60);
        entries.put("limit", response(CacheEntries.MAX_RESPONSE_BYTES), 60);

        assertNull(entries.get("big"));
        assertNotNull(entries.get("limit"));
    }

    @Test
    void anEntryEndsWithItsTtlAndAZeroTtlKeepsNothing() {
        CacheEntries entries = new CacheEntries(clock, 10_000);
        entries.put("a", response(10), 5);
        entries.put("zero", response(10), 0);

        clock.advance(Duration.ofMillis(4_999));
        assertNotNull(entries.get("a"));
        clock.advance(Duration.ofMillis(1));
        assertNull(entries.get("a"));
        assertNull(entries.get("zero"));
        assertEquals(0, entries.size());
        assertEquals(0, entries.usedBytes());
    }

    @Test
    void whatTheGatewayAddsToAResponseDoesNotReachTheEntry() {
        CacheEntries entries = new CacheEntries(clock, 10_000);
        GatewayResult sent = response(10);
        entries.put("a", sent, 60);

        sent.headers().set("x-amzn-RequestId", "first");
        GatewayResult hit = entries.get("a");
        hit.headers().set("x-amzn-RequestId", "second");

        assertNull(entries.get("a").headers().first("x-amzn-RequestId"));
    }

    @Test
    void theBudgetIsTheClusterSize() {
        assertEquals(512L * 1024 * 1024, StageCache.clusterBytes("0.5"));
        assertEquals(237L * 1024 * 1024 * 1024, StageCache.clusterBytes("237"));
    }
}
