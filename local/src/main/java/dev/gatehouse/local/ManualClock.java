package dev.gatehouse.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that moves only when told: a test spends a throttle burst, {@link #advance advances}
 * time and sees the bucket refill, an authorizer's cached decision expire or a quota period roll
 * over, without sleeping. Thread-safe.
 */
public final class ManualClock extends Clock {
    private volatile Instant now;

    public ManualClock(Instant start) {
        this.now = start;
    }

    /** A clock at the current time, then standing still. */
    public static ManualClock startingNow() {
        return new ManualClock(Instant.now());
    }

    /** Moves the clock forward. */
    public synchronized ManualClock advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a clock only moves forward; got " + duration);
        }
        now = now.plus(duration);
        return this;
    }

    /** Sets the clock to an instant (not before the current one). */
    public synchronized ManualClock set(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("a clock only moves forward: " + instant + " is before " + now);
        }
        now = instant;
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a ManualClock is always UTC");
    }
}
