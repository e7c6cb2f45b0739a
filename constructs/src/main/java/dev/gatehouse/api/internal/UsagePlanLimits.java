package dev.gatehouse.api.internal;

import dev.gatehouse.api.Throttle;
import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rules;
import java.util.Map;
import software.amazon.awscdk.Stack;

/**
 * A usage plan's limits: API Gateway's default quota of 20 method throttles per stage in a plan
 * (rule GH726), and its throttles against the account's throttle quota (rule GH718).
 */
public final class UsagePlanLimits {
    static final int MAX_ROUTE_THROTTLES = 20;
    static final int MAX_PLANS_PER_KEY = 10;

    private UsagePlanLimits() {
    }

    public static void check(String subject, Throttle planThrottle, Map<String, Throttle> routeThrottles, Stack stack,
            Findings findings) {
        if (routeThrottles.size() > MAX_ROUTE_THROTTLES) {
            findings.report(Rules.USAGE_PLAN_ROUTE_THROTTLES, subject, "it throttles " + routeThrottles.size()
                            + " routes of the stage, more than the 20 of API Gateway's default quota 'Method-level "
                            + "throttling settings for a stage in a usage plan'.",
                    "throttle fewer routes one by one (the plan's own throttle covers the others), or raise the quota "
                            + "through Service Quotas before deploying.");
        }
        AccountThrottleQuota.check(planThrottle, subject, stack, findings);
        routeThrottles.forEach((route, throttle) ->
                AccountThrottleQuota.check(throttle, subject + " route '" + route + "'", stack, findings));
    }

    /** Reports an API key in more usage plans than API Gateway's default quota allows (rule GH725). */
    public static void checkKey(String subject, long plans, Findings findings) {
        if (plans > MAX_PLANS_PER_KEY) {
            findings.report(Rules.USAGE_PLANS_PER_KEY, subject, "it is in " + plans + " usage plans, more than the 10 "
                            + "of API Gateway's default quota 'Usage plans per API key'.",
                    "give clients a key per plan, or raise the quota through Service Quotas before deploying.");
        }
    }
}
