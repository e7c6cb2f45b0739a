package dev.gatehouse.api;

import java.util.Objects;

/**
 * Token-bucket throttling, used for a whole stage and for single routes.
 *
 * <p>The bucket holds at most {@code burstLimit} tokens and refills at {@code rateLimit} tokens per
 * second; each request takes one token, and a request that finds the bucket empty is answered 429.
 * API Gateway also applies account-wide limits per Region (by default 10,000 requests per second
 * with a burst of 5,000), so a stage or route limit above those has no effect.
 */
public interface Throttle {

    /**
     * Steady-state requests per second.
     *
     * @default no limit at this level (the next level up applies)
     */
    default Double getRateLimit() {
        return null;
    }

    /**
     * Bucket size: the most requests served at once after a quiet period.
     *
     * @default no limit at this level (the next level up applies)
     */
    default Integer getBurstLimit() {
        return null;
    }

    /** Both limits at once: {@code Throttle.of(100, 200)}. */
    static Throttle of(double rateLimit, int burstLimit) {
        return builder().rateLimit(rateLimit).burstLimit(burstLimit).build();
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Throttle}. */
    final class Builder {
        private Double rateLimit;
        private Integer burstLimit;

        private Builder() {
        }

        public Builder rateLimit(Number requestsPerSecond) {
            this.rateLimit = requestsPerSecond == null ? null : requestsPerSecond.doubleValue();
            return this;
        }

        public Builder burstLimit(Integer requests) {
            this.burstLimit = requests;
            return this;
        }

        public Throttle build() {
            return new ThrottleValue(rateLimit, burstLimit);
        }
    }
}

final class ThrottleValue implements Throttle {
    private final Double rateLimit;
    private final Integer burstLimit;

    ThrottleValue(Double rateLimit, Integer burstLimit) {
        this.rateLimit = rateLimit;
        this.burstLimit = burstLimit;
    }

    @Override
    public Double getRateLimit() {
        return rateLimit;
    }

    @Override
    public Integer getBurstLimit() {
        return burstLimit;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ThrottleValue other
                && Objects.equals(rateLimit, other.rateLimit)
                && Objects.equals(burstLimit, other.burstLimit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rateLimit, burstLimit);
    }

    @Override
    public String toString() {
        return "Throttle(rate=" + rateLimit + ", burst=" + burstLimit + ")";
    }
}
