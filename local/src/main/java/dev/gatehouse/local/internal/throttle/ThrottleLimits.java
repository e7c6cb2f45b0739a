package dev.gatehouse.local.internal.throttle;

import com.fasterxml.jackson.databind.JsonNode;

/** A rate (requests per second) and a burst (the bucket size), either of which may be unset. */
public record ThrottleLimits(Double rate, Integer burst) {
    public static final ThrottleLimits NONE = new ThrottleLimits(null, null);

    /** From {RateLimit, BurstLimit} (usage plans) or {ThrottlingRateLimit, ThrottlingBurstLimit} (method settings). */
    static ThrottleLimits read(JsonNode node, String rateField, String burstField) {
        JsonNode rate = node.get(rateField);
        JsonNode burst = node.get(burstField);
        return new ThrottleLimits(rate == null || rate.isNull() ? null : rate.asDouble(),
                burst == null || burst.isNull() ? null : burst.asInt());
    }

    /** These limits, each unset one taken from {@code fallback}. */
    ThrottleLimits over(ThrottleLimits fallback) {
        return new ThrottleLimits(rate != null ? rate : fallback.rate, burst != null ? burst : fallback.burst);
    }

    boolean isSet() {
        return rate != null || burst != null;
    }
}
