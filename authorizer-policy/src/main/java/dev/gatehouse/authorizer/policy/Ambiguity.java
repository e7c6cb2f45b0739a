package dev.gatehouse.authorizer.policy;

import java.util.Set;

/**
 * A way the routes of a {@link RouteScopes} configuration keep a single IAM policy from being exact
 * for some principal: a principal holding {@code scopes} may call {@code allowedRoute} and
 * {@code blockingRoute} but not {@code forbiddenRoute}; the Allow patterns of {@code allowedRoute}
 * also match requests API Gateway routes to {@code forbiddenRoute}, and a Deny of
 * {@code forbiddenRoute} would also refuse requests routed to {@code blockingRoute}.
 *
 * <p>For such a principal the authorizer falls back to a policy for the current request only, which
 * must not be cached by token (see {@link RouteScopes#ambiguities()}).
 *
 * @param forbiddenRoute the route the principal may not call
 * @param allowedRoute a permitted route whose Allow patterns reach {@code forbiddenRoute}
 * @param blockingRoute a permitted route whose requests a Deny of {@code forbiddenRoute} would refuse
 * @param scopes a set of granted scopes that produces the situation
 */
public record Ambiguity(RouteKey forbiddenRoute, RouteKey allowedRoute, RouteKey blockingRoute, Set<String> scopes) {
    public Ambiguity {
        scopes = Set.copyOf(scopes);
    }

    /** The problem, as a clause without a final period (callers add how to remove it). */
    public String describe() {
        String blocking = blockingRoute.equals(allowedRoute)
                ? "a Deny for " + forbiddenRoute + " would also refuse requests routed to " + allowedRoute
                : "a Deny for " + forbiddenRoute + " would also refuse requests routed to " + blockingRoute;
        return "a principal with scopes " + new java.util.TreeSet<>(scopes) + " may call " + allowedRoute
                + " but not " + forbiddenRoute + ": the resource pattern allowing " + allowedRoute
                + " also matches requests routed to " + forbiddenRoute + ", and " + blocking;
    }
}
