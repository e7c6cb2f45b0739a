package dev.gatehouse.lambda.database.internal;

import java.time.Duration;

/**
 * When a request's database work must be over: every step (the idle check, connecting, each
 * statement, COMMIT, the retry) gets at most the time left, so the answer is out before the
 * function's timeout. Measured on the monotonic clock.
 */
public final class Deadline {
    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    /** A deadline {@code timeout} from now. */
    public static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    /** The time left, zero once the deadline has passed. */
    public Duration remaining() {
        long left = endNanos - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    public boolean passed() {
        return endNanos - System.nanoTime() <= 0;
    }

    /** {@code limit} or the time left, whichever is shorter. */
    public Duration cap(Duration limit) {
        Duration left = remaining();
        return left.compareTo(limit) < 0 ? left : limit;
    }
}
