package dev.gatehouse.local.internal.throttle;

import java.time.Clock;

/**
 * API Gateway's throttling algorithm: a request takes a token; the bucket holds at most
 * {@code burst} tokens and refills at {@code rate} tokens per second; it starts full
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html).
 */
public final class TokenBucket {
    private final double rate;
    private final int burst;
    private final Clock clock;
    private double tokens;
    private long lastNanos;

    public TokenBucket(double rate, int burst, Clock clock) {
        this.rate = Math.max(0, rate);
        this.burst = Math.max(0, burst);
        this.clock = clock;
        this.tokens = this.burst;
        this.lastNanos = nanos();
    }

    /** Takes a token if there is one. */
    public synchronized boolean tryTake() {
        long now = nanos();
        if (now > lastNanos) {
            tokens = Math.min(burst, tokens + (now - lastNanos) * rate / 1e9);
            lastNanos = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    public double rate() {
        return rate;
    }

    public int burst() {
        return burst;
    }

    private long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
