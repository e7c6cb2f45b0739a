package dev.gatehouse.api.internal;

import dev.gatehouse.api.Throttle;
import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rules;

/** Checks throttle values of a stage, a route or a usage plan (rule GH301). */
public final class ThrottleCheck {
    private ThrottleCheck() {
    }

    /** Reports invalid throttle values of {@code subject}; a null throttle is fine. */
    public static void check(Throttle throttle, String subject, Findings findings) {
        if (throttle == null) {
            return;
        }
        Double rate = throttle.getRateLimit();
        Integer burst = throttle.getBurstLimit();
        if (rate != null && (rate < 0 || rate.isNaN() || rate.isInfinite())) {
            findings.report(Rules.THROTTLE_VALUES, subject, "the throttle rate " + rate + " is not a non-negative number.",
                    "give the steady-state rate in requests per second, e.g. Throttle.of(100, 200).");
        }
        if (burst != null && burst < 0) {
            findings.report(Rules.THROTTLE_VALUES, subject, "the throttle burst " + burst + " is negative.",
                    "give the bucket size as a whole number of requests, 0 or more.");
        }
    }
}
