package dev.gatehouse.authorizer.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The IAM statements a principal gets for every route of a {@link RouteScopes} configuration.
 *
 * <p>Patterns are relative to {@code arn:...:execute-api:{region}:{account}:{apiId}/{stage}/}; see
 * {@link #allowResources(String)}. When {@link #exact()} is false, no pair of Allow/Deny lists
 * describes this principal's permissions exactly, and the caller must fall back to a policy for the
 * current request only.
 */
public final class PolicyPlan {
    private final List<String> allow;
    private final List<String> deny;
    private final boolean exact;
    private final Set<RouteKey> permitted;
    private final List<RouteKey> unresolved;

    PolicyPlan(List<String> allow, List<String> deny, boolean exact, Set<RouteKey> permitted, List<RouteKey> unresolved) {
        this.allow = List.copyOf(allow);
        this.deny = List.copyOf(deny);
        this.exact = exact;
        this.permitted = Set.copyOf(permitted);
        this.unresolved = List.copyOf(unresolved);
    }

    /** The Allow patterns ({@code GET/orders/*}); empty when nothing is permitted. */
    public List<String> allow() {
        return allow;
    }

    /** The Deny patterns; empty when everything is permitted. */
    public List<String> deny() {
        return deny;
    }

    /** Whether the patterns allow exactly the permitted routes and no forbidden one. */
    public boolean exact() {
        return exact;
    }

    /** The routes whose required scopes the principal holds. */
    public Set<RouteKey> permitted() {
        return permitted;
    }

    /** Whether the principal holds the scopes {@code route} requires. */
    public boolean permits(RouteKey route) {
        return permitted.contains(route);
    }

    /** The forbidden routes that keep the plan from being exact (empty when it is). */
    public List<RouteKey> unresolved() {
        return unresolved;
    }

    /** The Allow resources for an ARN prefix ending in {@code {apiId}/{stage}/}. */
    public List<String> allowResources(String prefix) {
        return prefixed(prefix, allow);
    }

    /** The Deny resources for an ARN prefix ending in {@code {apiId}/{stage}/}. */
    public List<String> denyResources(String prefix) {
        return prefixed(prefix, deny);
    }

    /**
     * How API Gateway decides a request under these patterns: allowed when an Allow pattern matches
     * and no Deny pattern does.
     *
     * @param suffix the request's {@code METHOD/path} (the methodArn after the stage)
     */
    public boolean allows(String suffix) {
        for (String pattern : deny) {
            if (ArnGlob.matches(pattern, suffix)) {
                return false;
            }
        }
        for (String pattern : allow) {
            if (ArnGlob.matches(pattern, suffix)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> prefixed(String prefix, List<String> patterns) {
        List<String> out = new ArrayList<>(patterns.size());
        for (String pattern : patterns) {
            out.add(prefix + pattern);
        }
        return out;
    }

    @Override
    public String toString() {
        return "PolicyPlan{allow=" + allow + ", deny=" + deny + ", exact=" + exact + "}";
    }
}
