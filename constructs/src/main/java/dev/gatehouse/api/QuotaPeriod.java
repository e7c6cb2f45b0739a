package dev.gatehouse.api;

/** The period a usage plan's {@link Quota} counts requests in. */
public enum QuotaPeriod {
    DAY,
    WEEK,
    MONTH
}
