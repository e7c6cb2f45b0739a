package dev.gatehouse.api;

import java.util.Objects;

/**
 * How many requests an API key of a usage plan may make per day, week or month, e.g.
 * {@code Quota.perMonth(100_000)}. API Gateway treats it as a target, not a hard limit
 * (<a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html">usage
 * plans</a>).
 */
public final class Quota {
    private final int limit;
    private final QuotaPeriod period;
    private final Integer offset;

    private Quota(int limit, QuotaPeriod period, Integer offset) {
        this.limit = limit;
        this.period = Objects.requireNonNull(period, "period");
        this.offset = offset;
    }

    /** At most {@code requests} requests per day. */
    public static Quota perDay(int requests) {
        return new Quota(requests, QuotaPeriod.DAY, null);
    }

    /** At most {@code requests} requests per week. */
    public static Quota perWeek(int requests) {
        return new Quota(requests, QuotaPeriod.WEEK, null);
    }

    /** At most {@code requests} requests per month. */
    public static Quota perMonth(int requests) {
        return new Quota(requests, QuotaPeriod.MONTH, null);
    }

    /** At most {@code requests} requests per {@code period}. */
    public static Quota of(int requests, QuotaPeriod period) {
        return new Quota(requests, period, null);
    }

    /**
     * This quota with the usage plan's {@code Offset} for the first period: 0 to 6 for a weekly
     * quota, 0 to 27 for a monthly one, 0 for a daily one (rule GH411).
     */
    public Quota withOffset(int offset) {
        return new Quota(limit, period, offset);
    }

    /** Requests per period, at least 1 (rule GH411). */
    public int getLimit() {
        return limit;
    }

    public QuotaPeriod getPeriod() {
        return period;
    }

    /**
     * The offset of the first period.
     *
     * @default none: the template leaves {@code Offset} out (API Gateway's 0)
     */
    public Integer getOffset() {
        return offset;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quota other && limit == other.limit && period == other.period
                && Objects.equals(offset, other.offset);
    }

    @Override
    public int hashCode() {
        return Objects.hash(limit, period, offset);
    }

    @Override
    public String toString() {
        return "Quota(" + limit + " per " + period + (offset == null ? "" : ", offset " + offset) + ")";
    }
}
