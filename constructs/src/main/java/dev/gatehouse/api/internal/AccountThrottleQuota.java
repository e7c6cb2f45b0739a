package dev.gatehouse.api.internal;

import dev.gatehouse.api.Throttle;
import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rules;
import java.util.Set;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;

/**
 * API Gateway's default throttle quota per account and Region (rule GH718): 10,000 requests per
 * second with a burst of 5,000, and 2,500 with 1,250 in the Regions AWS lists
 * (docs.aws.amazon.com/apigateway/latest/developerguide/limits.html). A throttle above the
 * account's never applies: the account is throttled first.
 */
public final class AccountThrottleQuota {
    /** The Regions whose default quota is 2,500 requests per second with a burst of 1,250. */
    static final Set<String> LOWER_QUOTA_REGIONS = Set.of("af-south-1", "eu-south-1", "ap-southeast-3", "me-central-1",
            "ap-south-2", "ap-southeast-4", "eu-south-2", "eu-central-2", "il-central-1", "ca-west-1", "ap-southeast-5",
            "ap-southeast-7", "mx-central-1");

    private AccountThrottleQuota() {
    }

    /** Reports {@code throttle} (a stage's, a route's or a usage plan's) when it is above the quota. */
    public static void check(Throttle throttle, String subject, Stack stack, Findings findings) {
        if (throttle == null) {
            return;
        }
        check(throttle.getRateLimit(), throttle.getBurstLimit(), subject, stack, findings);
    }

    /** As {@link #check(Throttle, String, Stack, Findings)}; null limits are not set. */
    public static void check(Double rate, Integer burst, String subject, Stack stack, Findings findings) {
        String region = stack.getRegion();
        boolean known = !Token.isUnresolved(region);
        boolean lower = known && LOWER_QUOTA_REGIONS.contains(region);
        int rateQuota = lower ? 2_500 : 10_000;
        int burstQuota = lower ? 1_250 : 5_000;
        boolean rateAbove = rate != null && rate > rateQuota;
        boolean burstAbove = burst != null && burst > burstQuota;
        if (!rateAbove && !burstAbove) {
            return;
        }
        String where = known ? "in " + region : "in most Regions (2,500 and 1,250 in " + String.join(", ",
                new java.util.TreeSet<>(LOWER_QUOTA_REGIONS)) + ")";
        findings.report(Rules.ACCOUNT_THROTTLE, subject, "its throttle (" + (rateAbove ? "rate " + format(rate) : "")
                        + (rateAbove && burstAbove ? ", " : "") + (burstAbove ? "burst " + burst : "")
                        + ") is above the account's default throttle quota " + where + ", "
                        + String.format(java.util.Locale.ROOT, "%,d", rateQuota) + " requests per second with a burst of "
                        + String.format(java.util.Locale.ROOT, "%,d", burstQuota)
                        + ", which throttles all of the account's APIs first.",
                "lower it to the quota, or raise API Gateway's 'Throttle rate' quota through Service Quotas before "
                        + "relying on it (the burst is set by AWS from the rate).");
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
