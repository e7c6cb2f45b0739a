package dev.gatehouse.authorizer.policy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The routes that use a JWT authorizer and the scopes each requires (all of them), and the IAM
 * policies derived from them.
 *
 * <h2>Why the policy covers every route</h2>
 * API Gateway caches a TOKEN authorizer's policy by token, and reuses it for every route using the
 * authorizer. A policy for the current method only would wrongly deny the principal's other routes.
 * So {@link #plan(Set)} describes every route at once: Allow patterns for the permitted routes and
 * Deny patterns for the forbidden ones.
 *
 * <h2>Exactness</h2>
 * In execute-api ARNs {@code *} matches any string including {@code /}, so {@code GET/orders/*}
 * (for {@code GET /orders/{id}}) also matches {@code GET/orders/1/lines}. A route's patterns can thus
 * reach requests API Gateway routes to another route. For each pair of routes this class decides,
 * with a language-intersection check ({@link ArnGlob#intersects(Collection, RouteKey, Collection)}),
 * whether the patterns of one reach requests routed to the other (taking API Gateway's precedence
 * into account: literal segments before variables before greedy variables, a method before
 * {@code ANY}). A forbidden route gets a Deny unless its patterns reach a permitted route; a
 * forbidden route without a Deny must not be reached by any Allow. When that fails the plan is not
 * {@link PolicyPlan#exact() exact}. {@link #ambiguities()} lists the route combinations for which
 * that can happen, so a deployment can refuse them when it caches by token.
 *
 * <p>Instances are immutable and thread-safe; analysis happens once, on first use.
 */
public final class RouteScopes {
    /** The pattern covering every route of a stage. */
    public static final String EVERYTHING = "*/*";

    private static final int PLAN_CACHE_LIMIT = 1024;

    private final List<RouteKey> routes;
    private final List<Set<String>> required;
    private final Map<BitSet, PolicyPlan> plans = new ConcurrentHashMap<>();
    private volatile Analysis analysis;

    private RouteScopes(List<RouteKey> routes, List<Set<String>> required) {
        this.routes = routes;
        this.required = required;
    }

    /** A builder; add each route with the scopes it requires. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether {@code scope} is a scope token as RFC 6749 (section 3.3) defines it: one or more of
     * {@code %x21 / %x23-5B / %x5D-7E}, i.e. printable ASCII without space, {@code "} and {@code \}.
     * A token's {@code scope} claim is a space-separated list of such tokens, so a required scope
     * outside this set could never be granted.
     */
    public static boolean isScopeToken(String scope) {
        if (scope == null || scope.isEmpty()) {
            return false;
        }
        for (int i = 0; i < scope.length(); i++) {
            char c = scope.charAt(i);
            if (c < 0x21 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Builds a {@link RouteScopes}, validating routes and scopes. */
    public static final class Builder {
        private final Map<RouteKey, Set<String>> routes = new LinkedHashMap<>();
        private final Map<String, RouteKey> byShape = new HashMap<>();

        private Builder() {}

        /**
         * Adds a route such as {@code "GET /orders/{id}"} requiring all of {@code scopes} (none: any
         * valid token may call it).
         *
         * @throws IllegalArgumentException for a malformed route key or scope, or a duplicate route
         */
        public Builder route(String routeKey, Collection<String> scopes) {
            return route(RouteKey.parse(routeKey), scopes);
        }

        /** Adds a route requiring all of {@code scopes}. */
        public Builder route(String routeKey, String... scopes) {
            return route(routeKey, List.of(scopes));
        }

        /** Adds a route requiring all of {@code scopes}. */
        public Builder route(RouteKey route, Collection<String> scopes) {
            RouteKey existing = byShape.get(route.shapeKey());
            if (existing != null) {
                throw new IllegalArgumentException("route '" + route + "' duplicates route '" + existing
                        + "' (API Gateway has one method per resource path)");
            }
            Set<String> copy = new TreeSet<>();
            for (String scope : scopes) {
                if (!isScopeToken(scope)) {
                    throw new IllegalArgumentException("route '" + route + "' requires the scope '" + scope
                            + "', which is not an RFC 6749 scope token (one or more printable ASCII characters"
                            + " other than space, '\"' and '\\')");
                }
                copy.add(scope);
            }
            routes.put(route, Collections.unmodifiableSet(copy));
            byShape.put(route.shapeKey(), route);
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException when no route was added
         */
        public RouteScopes build() {
            if (routes.isEmpty()) {
                throw new IllegalArgumentException("at least one route is required");
            }
            return new RouteScopes(List.copyOf(routes.keySet()), List.copyOf(routes.values()));
        }
    }

    /** The routes, in the order they were added. */
    public List<RouteKey> routes() {
        return routes;
    }

    /** The scopes {@code route} requires; empty for a route any valid token may call. */
    public Set<String> requiredScopes(RouteKey route) {
        int index = routes.indexOf(route);
        if (index < 0) {
            throw new IllegalArgumentException("unknown route '" + route + "'");
        }
        return required.get(index);
    }

    /**
     * The route of a REQUEST authorizer event: the one whose template is {@code resourcePath} (the
     * event's {@code resource}, variable names ignored) and whose method is {@code method}, else the
     * {@code ANY} route of that resource.
     */
    public Optional<RouteKey> routeForResource(String method, String resourcePath) {
        RouteKey wanted;
        try {
            wanted = RouteKey.of(RouteKey.ANY, resourcePath);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        RouteKey any = null;
        for (RouteKey route : routes) {
            if (route.sameResourceAs(wanted)) {
                if (route.method().equals(method)) {
                    return Optional.of(route);
                }
                if (route.isAnyMethod() && RouteKey.METHODS.contains(method)) {
                    any = route;
                }
            }
        }
        return Optional.ofNullable(any);
    }

    /**
     * The route API Gateway sends a concrete request to, among these routes: the one accepting it
     * that takes precedence over the others (see {@link RouteKey#takesPrecedenceOver(RouteKey)}).
     *
     * @param concretePath e.g. {@code /orders/42}
     */
    public Optional<RouteKey> routeForRequest(String method, String concretePath) {
        RouteKey best = null;
        for (RouteKey route : routes) {
            if (route.accepts(method, concretePath) && (best == null || route.takesPrecedenceOver(best))) {
                best = route;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The patterns standing for {@code route} in policies ({@code GET/orders/*}). */
    public List<String> patterns(RouteKey route) {
        int index = routes.indexOf(route);
        if (index < 0) {
            throw new IllegalArgumentException("unknown route '" + route + "'");
        }
        return analysis().patterns(index);
    }

    /**
     * Whether the patterns of {@code from} match some request API Gateway routes to {@code to}
     * (a request {@code to}'s template accepts and no route taking precedence over {@code to} does).
     */
    public boolean reaches(RouteKey from, RouteKey to) {
        int i = routes.indexOf(from);
        int j = routes.indexOf(to);
        if (i < 0 || j < 0) {
            throw new IllegalArgumentException("unknown route '" + (i < 0 ? from : to) + "'");
        }
        return i == j || analysis().reaches(i, j);
    }

    /**
     * The policy for a principal holding {@code grantedScopes}: Allow patterns for the routes whose
     * scopes it holds, Deny patterns for the others where a Deny cannot refuse a permitted route.
     * When every route is permitted the plan is a single Allow of {@link #EVERYTHING}; when none is,
     * a single Deny of it.
     */
    public PolicyPlan plan(Set<String> grantedScopes) {
        BitSet permitted = new BitSet(routes.size());
        for (int i = 0; i < routes.size(); i++) {
            if (grantedScopes.containsAll(required.get(i))) {
                permitted.set(i);
            }
        }
        PolicyPlan cached = plans.get(permitted);
        if (cached != null) {
            return cached;
        }
        PolicyPlan plan = computePlan(permitted);
        if (plans.size() >= PLAN_CACHE_LIMIT) {
            plans.clear();
        }
        plans.put(permitted, plan);
        return plan;
    }

    private PolicyPlan computePlan(BitSet permitted) {
        Set<RouteKey> permittedRoutes = new LinkedHashSet<>();
        permitted.stream().forEach(i -> permittedRoutes.add(routes.get(i)));
        if (permitted.cardinality() == routes.size()) {
            return new PolicyPlan(List.of(EVERYTHING), List.of(), true, permittedRoutes, List.of());
        }
        if (permitted.isEmpty()) {
            return new PolicyPlan(List.of(), List.of(EVERYTHING), true, permittedRoutes, List.of());
        }
        Analysis a = analysis();
        List<String> allow = new ArrayList<>();
        List<String> deny = new ArrayList<>();
        List<RouteKey> unresolved = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            if (permitted.get(i)) {
                allow.addAll(a.patterns(i));
                continue;
            }
            if (!a.reachesAny(i, permitted)) {
                deny.addAll(a.patterns(i));
                continue;
            }
            for (int p = permitted.nextSetBit(0); p >= 0; p = permitted.nextSetBit(p + 1)) {
                if (a.reaches(p, i)) {
                    unresolved.add(routes.get(i));
                    break;
                }
            }
        }
        return new PolicyPlan(compact(allow), compact(deny), unresolved.isEmpty(), permittedRoutes, unresolved);
    }

    /**
     * Drops duplicate patterns and patterns another pattern of the list obviously covers
     * ({@code GET/orders/*} covers {@code GET/orders/*}{@code /lines}).
     */
    private static List<String> compact(List<String> patterns) {
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(patterns));
        Set<String> starPrefixes = new HashSet<>();
        for (String pattern : unique) {
            if (pattern.endsWith("*")) {
                starPrefixes.add(pattern.substring(0, pattern.length() - 1));
            }
        }
        List<String> out = new ArrayList<>(unique.size());
        for (String pattern : unique) {
            boolean covered = false;
            for (int cut = 0; cut < pattern.length() && !covered; cut++) {
                // another pattern P* with P a proper prefix of this one (P* itself has length cut + 1)
                covered = starPrefixes.contains(pattern.substring(0, cut))
                        && !(pattern.length() == cut + 1 && pattern.endsWith("*"));
            }
            if (!covered) {
                out.add(pattern);
            }
        }
        return out;
    }

    /**
     * Every combination of routes and scopes for which {@link #plan(Set)} cannot be exact; empty when
     * every principal gets an exact policy (and authorizer results may safely be cached by token).
     */
    public List<Ambiguity> ambiguities() {
        Analysis a = analysis();
        List<Ambiguity> out = new ArrayList<>();
        for (int f = 0; f < routes.size(); f++) {
            Set<String> forbiddenNeeds = required.get(f);
            if (forbiddenNeeds.isEmpty()) {
                continue; // never forbidden
            }
            for (int allowed = 0; allowed < routes.size(); allowed++) {
                if (allowed == f || !a.reaches(allowed, f)) {
                    continue;
                }
                for (int blocking = 0; blocking < routes.size(); blocking++) {
                    if (blocking == f || !a.reaches(f, blocking)) {
                        continue;
                    }
                    Set<String> scopes = new TreeSet<>(required.get(allowed));
                    scopes.addAll(required.get(blocking));
                    if (!scopes.containsAll(forbiddenNeeds)) {
                        out.add(new Ambiguity(routes.get(f), routes.get(allowed), routes.get(blocking), scopes));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The ambiguities of a configuration given as route keys and their required scopes, for use at
     * synth time: see {@link #ambiguities()}.
     *
     * @throws IllegalArgumentException for a malformed route key or scope
     */
    public static List<Ambiguity> ambiguities(Map<String, ? extends Collection<String>> routeScopes) {
        Builder builder = builder();
        routeScopes.forEach(builder::route);
        return builder.build().ambiguities();
    }

    /**
     * This configuration in the JSON format the authorizer reads from {@code GATEHOUSE_ROUTE_SCOPES}
     * or its route-scopes file: {@code {"routes": {"GET /orders/{id}": ["orders:read"]}}}.
     */
    public String toJson() {
        StringBuilder out = new StringBuilder("{\"routes\":{");
        for (int i = 0; i < routes.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendString(out, routes.get(i).toString());
            out.append(":[");
            int k = 0;
            for (String scope : required.get(i)) {
                if (k++ > 0) {
                    out.append(',');
                }
                appendString(out, scope);
            }
            out.append(']');
        }
        return out.append("}}").toString();
    }

    private static void appendString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return toJson();
    }

    // ------------------------------------------------------------------ analysis

    private Analysis analysis() {
        Analysis a = analysis;
        if (a == null) {
            synchronized (this) {
                a = analysis;
                if (a == null) {
                    a = new Analysis(routes);
                    analysis = a;
                }
            }
        }
        return a;
    }

    /**
     * Patterns per route and which routes they reach, computed on demand and remembered: a plan
     * needs only the pairs of its permitted and forbidden routes, and stops at the first answer.
     */
    private static final class Analysis {
        private static final byte UNKNOWN = 0;
        private static final byte NO = 1;
        private static final byte YES = 2;

        private final List<RouteKey> routes;
        private final List<List<RouteKey>> precedence;
        private final List<List<String>> patterns;
        private final byte[][] reaches;

        Analysis(List<RouteKey> routes) {
            this.routes = routes;
            int n = routes.size();
            // Only routes whose first segments can match the same text can share requests: bucket
            // by first literal segment, so large APIs do not compare every pair. (Only a shortcut:
            // bucketing differently, e.g. every literal-first route in one bucket, considers more
            // candidates and finds the same winners; such mutants are equivalent.)
            Map<String, List<RouteKey>> byFirstLiteral = new HashMap<>();
            List<RouteKey> variableFirst = new ArrayList<>();
            for (RouteKey route : routes) {
                String first = firstLiteral(route);
                if (first == null) {
                    variableFirst.add(route);
                } else {
                    byFirstLiteral.computeIfAbsent(first, k -> new ArrayList<>()).add(route);
                }
            }
            precedence = new ArrayList<>(n);
            for (RouteKey target : routes) {
                String first = firstLiteral(target);
                List<RouteKey> candidates = new ArrayList<>(variableFirst);
                if (first == null) {
                    candidates = routes;
                } else {
                    candidates.addAll(byFirstLiteral.getOrDefault(first, List.of()));
                }
                List<RouteKey> winners = new ArrayList<>();
                for (RouteKey other : candidates) {
                    if (other != target && other.takesPrecedenceOver(target) && mayShareRequests(other, target)) {
                        winners.add(other);
                    }
                }
                precedence.add(winners);
            }
            patterns = new ArrayList<>(Collections.nCopies(n, null));
            reaches = new byte[n][n];
        }

        /**
         * The patterns of route {@code i}: {@code METHOD/path-glob}; for an ANY route one pattern
         * with a method wildcard if that reaches no more routes than one pattern per method.
         */
        synchronized List<String> patterns(int i) {
            List<String> cached = patterns.get(i);
            if (cached != null) {
                return cached;
            }
            RouteKey route = routes.get(i);
            List<String> methodPatterns = new ArrayList<>();
            for (String method : route.methods()) {
                methodPatterns.add(method + "/" + route.pathGlob());
            }
            List<String> chosen = methodPatterns;
            if (route.isAnyMethod()) {
                // '*' in the method position may also match across '/' into other routes' paths
                List<String> starPattern = List.of("*/" + route.pathGlob());
                boolean same = true;
                for (int j = 0; j < routes.size() && same; j++) {
                    if (j != i) {
                        boolean star = intersects(starPattern, j);
                        boolean perMethod = intersects(methodPatterns, j);
                        reaches[i][j] = perMethod ? YES : NO;
                        same = star == perMethod;
                    }
                }
                if (same) {
                    chosen = starPattern; // the row computed above holds for it too
                }
            }
            chosen = List.copyOf(chosen);
            patterns.set(i, chosen);
            return chosen;
        }

        /** Whether the patterns of route {@code i} match a request API Gateway sends to route {@code j}. */
        synchronized boolean reaches(int i, int j) {
            // (no caller asks with i == j: they skip or answer that case themselves, so mutants of
            // this line are never run: equivalent)
            if (i == j) {
                return true;
            }
            List<String> globs = patterns(i);
            byte known = reaches[i][j];
            if (known == UNKNOWN) {
                known = intersects(globs, j) ? YES : NO;
                reaches[i][j] = known;
            }
            return known == YES;
        }

        /** Whether route {@code i}'s patterns reach any route in {@code targets} (other than itself). */
        boolean reachesAny(int i, BitSet targets) {
            for (int j = targets.nextSetBit(0); j >= 0; j = targets.nextSetBit(j + 1)) {
                if (j != i && reaches(i, j)) {
                    return true;
                }
            }
            return false;
        }

        private boolean intersects(List<String> globs, int j) {
            return ArnGlob.intersects(globs, routes.get(j), precedence.get(j));
        }

        /** The first segment's text if it is a literal; null for a variable first segment or the root. */
        private static String firstLiteral(RouteKey route) {
            List<RouteKey.Segment> segments = route.segments();
            if (segments.isEmpty()) {
                return "";
            }
            RouteKey.Segment first = segments.get(0);
            // (answering "" for every literal puts them all in one bucket: more candidates, same winners, equivalent)
            return first.kind() == RouteKey.Kind.LITERAL ? first.text() : null;
        }

        /**
         * Whether two templates can accept a common request (a quick structural test). Only a
         * shortcut: answering {@code true} where they cannot share a request adds a winner that
         * excludes nothing, so such mutants are equivalent; answering {@code false} where they can
         * is a real error.
         */
        private static boolean mayShareRequests(RouteKey a, RouteKey b) {
            if (Collections.disjoint(a.methods(), b.methods())) {
                return false;
            }
            List<RouteKey.Segment> x = a.segments();
            List<RouteKey.Segment> y = b.segments();
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                RouteKey.Segment s = x.get(i);
                RouteKey.Segment t = y.get(i);
                // ("s.kind() != GREEDY" answers true more often, and differs otherwise only for a
                // greedy first segment of a, which takes precedence over no b with another first kind: equivalent)
                if (s.kind() == RouteKey.Kind.GREEDY || t.kind() == RouteKey.Kind.GREEDY) {
                    return true;
                }
                if (s.kind() == RouteKey.Kind.LITERAL && t.kind() == RouteKey.Kind.LITERAL
                        && !s.text().equals(t.text())) {
                    return false;
                }
            }
            return x.size() == y.size();
        }
    }
}
