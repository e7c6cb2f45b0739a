package dev.gatehouse.authorizer.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RouteScopesTest {
    /** A realistic API: literal-vs-variable siblings, nested paths, a greedy ANY route, the root. */
    static RouteScopes shop() {
        return RouteScopes.builder()
                .route("GET /", List.of())
                .route("GET /orders", "orders:read")
                .route("POST /orders", "orders:write")
                .route("GET /orders/{id}", "orders:read")
                .route("DELETE /orders/{id}", "orders:admin")
                .route("GET /orders/{id}/lines", "orders:read")
                .route("GET /orders/export", "orders:admin")
                .route("ANY /files/{path+}", "files")
                .route("GET /users/me", List.of())
                .route("GET /users/{id}", "users:read")
                .build();
    }

    /** Concrete requests and the route each is sent to. */
    static final Map<String, String> SHOP_REQUESTS = new LinkedHashMap<>();

    static {
        SHOP_REQUESTS.put("GET/", "GET /");
        SHOP_REQUESTS.put("GET/orders", "GET /orders");
        SHOP_REQUESTS.put("POST/orders", "POST /orders");
        SHOP_REQUESTS.put("GET/orders/1", "GET /orders/{id}");
        SHOP_REQUESTS.put("GET/orders/exports", "GET /orders/{id}");
        SHOP_REQUESTS.put("DELETE/orders/1", "DELETE /orders/{id}");
        SHOP_REQUESTS.put("DELETE/orders/export", "DELETE /orders/{id}");
        SHOP_REQUESTS.put("GET/orders/1/lines", "GET /orders/{id}/lines");
        SHOP_REQUESTS.put("GET/orders/export", "GET /orders/export");
        SHOP_REQUESTS.put("GET/files/a", "ANY /files/{path+}");
        SHOP_REQUESTS.put("PUT/files/a/b/c", "ANY /files/{path+}");
        SHOP_REQUESTS.put("DELETE/files/orders/1", "ANY /files/{path+}");
        SHOP_REQUESTS.put("GET/users/me", "GET /users/me");
        SHOP_REQUESTS.put("GET/users/42", "GET /users/{id}");
    }

    @Test
    void everyPrincipalGetsAnExactPolicyForTheShop() {
        RouteScopes routes = shop();
        assertEquals(List.of(), routes.ambiguities());
        for (Set<String> scopes : subsets(List.of("orders:read", "orders:write", "orders:admin", "files", "users:read"))) {
            PolicyPlan plan = routes.plan(scopes);
            assertTrue(plan.exact(), "not exact for " + scopes + ": " + plan);
            assertDecisions(routes, plan, scopes, SHOP_REQUESTS);
        }
    }

    @Test
    void readerPolicyAllowsReadsAndExplicitlyDeniesTheRest() {
        // Given a principal with orders:read only
        PolicyPlan plan = shop().plan(Set.of("orders:read"));

        // Then the policy is exact, reads are allowed and forbidden routes get explicit Denies
        assertTrue(plan.exact());
        assertTrue(plan.allow().containsAll(List.of("GET/", "GET/orders", "GET/orders/*", "GET/users/me")), plan.toString());
        assertTrue(plan.deny().containsAll(List.of("POST/orders", "DELETE/orders/*", "GET/orders/export")), plan.toString());
        // GET/orders/* covers GET/orders/*/lines: compacted away
        assertFalse(plan.allow().contains("GET/orders/*/lines"), plan.toString());
        // the Deny of GET /users/{id} (GET/users/*) would also refuse GET/users/me: left out, and
        // no Allow reaches GET /users/{id}, so the policy is still exact
        assertFalse(plan.deny().contains("GET/users/*"), plan.toString());
        // evaluated like API Gateway: GET /users/me is allowed, any other user is not
        assertTrue(evaluate(plan, "GET/users/me"), plan.toString());
        assertFalse(evaluate(plan, "GET/users/42"), plan.toString());
    }

    @Test
    void allPermittedIsOneAllowForEverything() {
        PolicyPlan plan = shop().plan(Set.of("orders:read", "orders:write", "orders:admin", "files", "users:read"));
        assertEquals(List.of("*/*"), plan.allow());
        assertEquals(List.of(), plan.deny());
    }

    @Test
    void nothingPermittedIsOneDenyForEverything() {
        RouteScopes routes = RouteScopes.builder().route("GET /a", "x").route("POST /a", "y").build();
        PolicyPlan plan = routes.plan(Set.of());
        assertEquals(List.of(), plan.allow());
        assertEquals(List.of("*/*"), plan.deny());
        assertTrue(plan.exact());
    }

    @Test
    void anyRouteUsesMethodWildcardOnlyWhenItReachesNothingMore() {
        RouteScopes routes = RouteScopes.builder()
                .route("ANY /files/{p+}", "files")
                .route("GET /a/files/{id}", "admin")
                .route("ANY /b", "b")
                .build();
        // '*/files/*' would also match GET/a/files/1: the ANY route is written per method
        assertEquals(7, routes.patterns(RouteKey.parse("ANY /files/{p+}")).size());
        // '*/b' would also match GET/files/b
        assertEquals(7, routes.patterns(RouteKey.parse("ANY /b")).size());
        assertEquals(List.of(), routes.ambiguities());

        // Where '*/b' reaches nothing else, one pattern does
        RouteScopes small = RouteScopes.builder().route("ANY /b", "b").route("GET /c", "c")
                .route("POST /d/{id}/e", "d").build();
        assertEquals(List.of("*/b"), small.patterns(RouteKey.parse("ANY /b")));
        assertEquals(List.of("*/b"), small.plan(Set.of("b")).allow());
    }

    @Test
    void greedyCatchAllOverlappingAForbiddenRouteIsAnAmbiguity() {
        // Given a public catch-all and an admin route below it
        RouteScopes routes = RouteScopes.builder()
                .route("ANY /{proxy+}", List.of())
                .route("GET /admin/{id}", "admin")
                .build();

        // Then: the catch-all's Allow (GET/*) matches GET/admin/1, and a Deny of GET/admin/*
        // would also refuse GET/admin/1/x, which the catch-all serves
        List<Ambiguity> ambiguities = routes.ambiguities();
        assertEquals(1, ambiguities.size());
        Ambiguity ambiguity = ambiguities.get(0);
        assertEquals(RouteKey.parse("GET /admin/{id}"), ambiguity.forbiddenRoute());
        assertEquals(RouteKey.parse("ANY /{proxy+}"), ambiguity.allowedRoute());
        assertEquals(RouteKey.parse("ANY /{proxy+}"), ambiguity.blockingRoute());
        assertTrue(ambiguity.describe().contains("GET /admin/{id}"), ambiguity.describe());
        PolicyPlan plan = routes.plan(Set.of());
        assertFalse(plan.exact());
        assertEquals(List.of(RouteKey.parse("GET /admin/{id}")), plan.unresolved());
        assertTrue(routes.plan(Set.of("admin")).exact());

        // And the static form used at synth time agrees
        assertEquals(1, RouteScopes.ambiguities(Map.of("ANY /{proxy+}", List.of(), "GET /admin/{id}", List.of("admin"))).size());
    }

    @Test
    void greedyAdminSubtreeIsNotAnAmbiguity() {
        RouteScopes routes = RouteScopes.builder()
                .route("ANY /{proxy+}", List.of())
                .route("ANY /admin/{rest+}", "admin")
                .build();
        assertEquals(List.of(), routes.ambiguities());
        PolicyPlan plan = routes.plan(Set.of());
        assertTrue(plan.exact(), plan.toString());
        Map<String, String> requests = Map.of(
                "GET/admin/1", "ANY /admin/{rest+}",
                "POST/admin/1/2", "ANY /admin/{rest+}",
                "GET/admin", "ANY /{proxy+}",
                "GET/adminx/1", "ANY /{proxy+}",
                "GET/x/admin/1", "ANY /{proxy+}");
        assertDecisions(routes, plan, Set.of(), requests);
    }

    @Test
    void routesForEvents() {
        RouteScopes routes = shop();
        assertEquals(Optional.of(RouteKey.parse("GET /orders/export")), routes.routeForRequest("GET", "/orders/export"));
        assertEquals(Optional.of(RouteKey.parse("GET /orders/{id}")), routes.routeForRequest("GET", "/orders/7"));
        assertEquals(Optional.of(RouteKey.parse("ANY /files/{path+}")), routes.routeForRequest("PATCH", "/files/a/b"));
        assertEquals(Optional.empty(), routes.routeForRequest("POST", "/orders/7"));
        assertEquals(Optional.of(RouteKey.parse("GET /orders/{id}")), routes.routeForResource("GET", "/orders/{orderId}"));
        assertEquals(Optional.of(RouteKey.parse("ANY /files/{path+}")), routes.routeForResource("POST", "/files/{path+}"));
        assertEquals(Optional.empty(), routes.routeForResource("GET", "/nope"));
        assertEquals(Optional.empty(), routes.routeForResource("GET", "not a path"));
    }

    @Test
    void rejectsBadConfigurations() {
        assertRejected("at least one route is required", () -> RouteScopes.builder().build());
        assertRejected("route 'GET /a/{other}' duplicates route 'GET /a/{id}'",
                () -> RouteScopes.builder().route("GET /a/{id}", "x").route("GET /a/{other}", "y"));
        assertRejected("route 'GET /a' requires the scope 'two words', which is not an RFC 6749 scope token (one or"
                + " more printable ASCII characters other than space, '\"' and '\\')",
                () -> RouteScopes.builder().route("GET /a", "two words"));
        assertRejected("requires the scope '', which is not", () -> RouteScopes.builder().route("GET /a", ""));
        assertRejected("requires the scope 'a\u007f', which is not", () -> RouteScopes.builder().route("GET /a", "a\u007f"));
        assertRejected("requires the scope 'a\u0000', which is not", () -> RouteScopes.builder().route("GET /a", "a\u0000"));
        assertRejected("requires the scope 'a\"b', which is not", () -> RouteScopes.builder().route("GET /a", "a\"b"));
        assertRejected("requires the scope 'a\\b', which is not", () -> RouteScopes.builder().route("GET /a", "a\\b"));
        assertRejected("requires the scope 'null', which is not",
                () -> RouteScopes.builder().route("GET /a", java.util.Arrays.asList("x", null)));
        // '!' (0x21) is the first printable character: a valid scope
        assertEquals(Set.of("!"), RouteScopes.builder().route("GET /a", "!").build().requiredScopes(RouteKey.parse("GET /a")));
        assertRejected("must be one of", () -> RouteScopes.builder().route("get /a", "x"));
    }

    private static void assertRejected(String message, org.junit.jupiter.api.function.Executable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
        assertTrue(e.getMessage().contains(message), "expected <" + message + "> in <" + e.getMessage() + ">");
    }

    /**
     * The security-relevant precedence case: both routes end in a greedy variable at the same depth,
     * so the specific method must win over ANY. Were ANY chosen, a GET would reach the open route
     * and be allowed without the admin scope.
     */
    @Test
    void specificMethodBeatsAnyOnTheSameGreedyResource() {
        // Given an open ANY catch-all and an admin-only GET on the same greedy resource
        RouteScopes routes = RouteScopes.builder()
                .route("ANY /a/{p+}", List.of())
                .route("GET /a/{p+}", "admin")
                .build();

        // Then a GET goes to the GET route, any other method to the ANY route
        assertEquals(Optional.of(RouteKey.parse("GET /a/{p+}")), routes.routeForRequest("GET", "/a/x"));
        assertEquals(Optional.of(RouteKey.parse("ANY /a/{p+}")), routes.routeForRequest("POST", "/a/x/y"));

        // And a principal without admin is refused GET /a/x but may POST
        PolicyPlan plan = routes.plan(Set.of());
        assertTrue(plan.exact(), plan.toString());
        assertFalse(plan.allows("GET/a/x"), plan.toString());
        assertFalse(evaluate(plan, "GET/a/x/y"), plan.toString());
        assertTrue(plan.allows("POST/a/x"), plan.toString());
        assertTrue(routes.plan(Set.of("admin")).allows("GET/a/x"));
        assertEquals(List.of(), routes.ambiguities());
    }

    @Test
    void resourceLookupPrefersTheExactMethodOverAny() {
        RouteScopes routes = RouteScopes.builder()
                .route("ANY /a/{id}", "any")
                .route("GET /a/{id}", "get")
                .route("POST /b", "b")
                .build();
        assertEquals(Optional.of(RouteKey.parse("GET /a/{id}")), routes.routeForResource("GET", "/a/{x}"));
        assertEquals(Optional.of(RouteKey.parse("ANY /a/{id}")), routes.routeForResource("PUT", "/a/{x}"));
        assertEquals(Optional.empty(), routes.routeForResource("FETCH", "/a/{x}"), "not a method ANY stands for");
        assertEquals(Optional.of(RouteKey.parse("POST /b")), routes.routeForResource("POST", "/b"));
        assertEquals(Optional.empty(), routes.routeForResource("GET", "/b"));
        assertEquals(Optional.empty(), routes.routeForResource("GET", "/a/{x+}"));
    }

    @Test
    void lookupsOfUnknownRoutesNameThem() {
        RouteScopes routes = shop();
        RouteKey unknown = RouteKey.parse("GET /nope");
        RouteKey first = RouteKey.parse("GET /");
        assertRejected("unknown route 'GET /nope'", () -> routes.requiredScopes(unknown));
        assertRejected("unknown route 'GET /nope'", () -> routes.patterns(unknown));
        assertRejected("unknown route 'GET /nope'", () -> routes.reaches(unknown, first));
        assertRejected("unknown route 'GET /nope'", () -> routes.reaches(first, unknown));
        // the first route is a route like any other
        assertEquals(Set.of(), routes.requiredScopes(first));
        assertEquals(List.of("GET/"), routes.patterns(first));
        assertEquals(Set.of("orders:read"), routes.requiredScopes(RouteKey.parse("GET /orders")));
    }

    @Test
    void routesStartingWithDifferentlyNamedVariablesStillTakePrecedence() {
        // Given two routes whose first segments are variables of different names, where
        // GET /{x}/c takes every request GET /{y}/{z} would get with 'c' as its second segment
        RouteScopes routes = RouteScopes.builder()
                .route("GET /{x}/c", "c")
                .route("GET /{y}/{z}", "any")
                .build();
        RouteKey literalSecond = RouteKey.parse("GET /{x}/c");
        RouteKey variableSecond = RouteKey.parse("GET /{y}/{z}");

        // When / Then: GET/*/c reaches only requests routed to GET /{x}/c, never GET /{y}/{z}
        assertFalse(routes.reaches(literalSecond, variableSecond), "GET/a/c is routed to GET /{x}/c");
        assertTrue(routes.reaches(variableSecond, literalSecond), "GET/*/* matches GET/a/c");
    }

    @Test
    void reachesFollowsThePatternsAndPrecedence() {
        RouteScopes routes = shop();
        RouteKey byId = RouteKey.parse("GET /orders/{id}");
        RouteKey lines = RouteKey.parse("GET /orders/{id}/lines");
        RouteKey export = RouteKey.parse("GET /orders/export");
        RouteKey me = RouteKey.parse("GET /users/me");
        RouteKey user = RouteKey.parse("GET /users/{id}");
        assertTrue(routes.reaches(byId, byId));
        assertTrue(routes.reaches(byId, lines), "GET/orders/* matches GET/orders/1/lines");
        assertFalse(routes.reaches(lines, byId));
        assertTrue(routes.reaches(byId, export), "GET/orders/* matches GET/orders/export");
        assertFalse(routes.reaches(export, byId), "GET/orders/export is routed to the export route");
        assertFalse(routes.reaches(user, me) && routes.reaches(me, user));
        assertTrue(routes.reaches(user, me));
        assertFalse(routes.reaches(me, user));
        assertFalse(routes.reaches(RouteKey.parse("GET /"), RouteKey.parse("GET /orders")));
        assertTrue(routes.reaches(RouteKey.parse("GET /"), RouteKey.parse("GET /")));
        assertFalse(routes.reaches(RouteKey.parse("GET /orders"), RouteKey.parse("GET /")));
    }

    @Test
    void aRouteWinningOnAnEarlierSegmentKeepsItsRequestsFromTheLoser() {
        // GET/a/b is routed to GET /a/{v} (literal 'a' beats {x}), so the patterns of GET /a/{v}
        // reach no request of GET /{x}/b, though the later segment 'b' is literal in the loser
        RouteScopes routes = RouteScopes.builder().route("GET /a/{v}", "a").route("GET /{x}/b", "b").build();
        assertFalse(routes.reaches(RouteKey.parse("GET /a/{v}"), RouteKey.parse("GET /{x}/b")));
        assertTrue(routes.reaches(RouteKey.parse("GET /{x}/b"), RouteKey.parse("GET /a/{v}")), "GET/*/b matches GET/a/b");
        assertEquals(Optional.of(RouteKey.parse("GET /a/{v}")), routes.routeForRequest("GET", "/a/b"));
    }

    @Test
    void plansAreCachedPerSetOfPermittedRoutes() {
        RouteScopes routes = shop();
        PolicyPlan reader = routes.plan(Set.of("orders:read"));
        PolicyPlan writer = routes.plan(Set.of("orders:write"));
        // the same permitted routes give the same plan object, whatever the extra scopes
        assertSame(reader, routes.plan(Set.of("orders:read")));
        assertSame(reader, routes.plan(Set.of("orders:read", "unrelated")));
        assertSame(writer, routes.plan(Set.of("orders:write")));
        assertNotSame(reader, writer);
    }

    @Test
    void planCacheIsBoundedAndStartsOverWhenFull() {
        // Given 11 routes with one scope each: 2048 possible sets of permitted routes
        RouteScopes.Builder builder = RouteScopes.builder();
        List<String> scopes = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            builder.route("GET /r" + i, "s" + i);
            scopes.add("s" + i);
        }
        RouteScopes routes = builder.build();
        List<Set<String>> all = subsets(scopes);
        PolicyPlan first = routes.plan(all.get(1));

        // When 1023 more distinct sets fill the cache to its limit of 1024
        for (int i = 2; i <= 1024; i++) {
            routes.plan(all.get(i));
        }
        // Then the first plan is still cached
        assertSame(first, routes.plan(all.get(1)));

        // When one more distinct set comes: the cache starts over and the old plans are recomputed
        routes.plan(all.get(1025));
        PolicyPlan again = routes.plan(all.get(1));
        assertNotSame(first, again);
        assertEquals(first.allow(), again.allow());
        assertEquals(first.deny(), again.deny());
    }

    @Test
    void compactsPatternsCoveredByAWildcardPattern() {
        RouteScopes routes = RouteScopes.builder()
                .route("GET /", "r")
                .route("GET /{x}", "r")
                .route("GET /{x}/y", "r")
                .route("GET /a/{x}/y", "r")
                .route("POST /z", "w")
                .build();

        PolicyPlan plan = routes.plan(Set.of("r"));

        // GET/* covers GET/*/y and GET/a/*/y; GET/ is kept: the root is not below GET/*
        assertEquals(List.of("GET/", "GET/*"), plan.allow());
        assertEquals(List.of("POST/z"), plan.deny());
        assertTrue(plan.exact());
        assertEquals(Set.of(RouteKey.parse("GET /"), RouteKey.parse("GET /{x}"), RouteKey.parse("GET /{x}/y"),
                RouteKey.parse("GET /a/{x}/y")), plan.permitted());
        assertEquals(List.of(), plan.unresolved());
        assertEquals("PolicyPlan{allow=[GET/, GET/*], deny=[POST/z], exact=true}", plan.toString());
        assertEquals(List.of("arn:x/prod/GET/", "arn:x/prod/GET/*"), plan.allowResources("arn:x/prod/"));
        assertEquals(List.of("arn:x/prod/POST/z"), plan.denyResources("arn:x/prod/"));
    }

    @Test
    void listsEachAmbiguityWithTheScopesProducingIt() {
        // Given an open catch-all, a route for 'a' below it, and an admin route below that
        RouteScopes routes = RouteScopes.builder()
                .route("ANY /{proxy+}", List.of())
                .route("GET /admin/{id}", "admin")
                .route("GET /admin/{id}/x", "a")
                .build();

        List<Ambiguity> ambiguities = routes.ambiguities();

        // Then: whoever lacks admin has GET /admin/{id} reached by the catch-all's Allow, and its
        // Deny would refuse the catch-all's own requests (and those of GET /admin/{id}/x)
        List<String> described = ambiguities.stream()
                .map(a -> a.forbiddenRoute() + " | " + a.allowedRoute() + " | " + a.blockingRoute() + " | " + a.scopes())
                .sorted().toList();
        assertEquals(List.of(
                "GET /admin/{id} | ANY /{proxy+} | ANY /{proxy+} | []",
                "GET /admin/{id} | ANY /{proxy+} | GET /admin/{id}/x | [a]",
                "GET /admin/{id}/x | ANY /{proxy+} | ANY /{proxy+} | []",
                "GET /admin/{id}/x | GET /admin/{id} | ANY /{proxy+} | [admin]"), described);
        Map<String, List<String>> config = new LinkedHashMap<>();
        config.put("ANY /{proxy+}", List.of());
        config.put("GET /admin/{id}", List.of("admin"));
        config.put("GET /admin/{id}/x", List.of("a"));
        assertEquals(ambiguities, RouteScopes.ambiguities(config));
        Ambiguity viaBlocking = ambiguities.stream().filter(a -> a.scopes().equals(Set.of("a"))).findFirst().orElseThrow();
        assertEquals("a principal with scopes [a] may call ANY /{proxy+} but not GET /admin/{id}: the resource pattern"
                + " allowing ANY /{proxy+} also matches requests routed to GET /admin/{id}, and a Deny for"
                + " GET /admin/{id} would also refuse requests routed to GET /admin/{id}/x", viaBlocking.describe());
    }

    @Test
    void writesTheJsonFormatEscapingQuotesAndBackslashes() {
        RouteScopes routes = RouteScopes.builder().route("GET /a", "s1", "s2", "s3").route("GET /b", List.of())
                .route("GET /q\"x\\y", "s4").build();
        assertEquals("{\"routes\":{\"GET /a\":[\"s1\",\"s2\",\"s3\"],\"GET /b\":[],"
                + "\"GET /q\\\"x\\\\y\":[\"s4\"]}}", routes.toJson());
        assertEquals(routes.toJson(), routes.toString());
    }

    /**
     * The central property, on random configurations: whenever {@link RouteScopes#ambiguities()} is
     * empty every principal's plan is exact; and every exact plan, evaluated like API Gateway
     * evaluates policies, allows a request exactly when the route API Gateway sends it to is
     * permitted. Non-exact plans are always explained by a listed ambiguity.
     */
    @Test
    void randomConfigurationsYieldExactPoliciesOrListedAmbiguities() {
        Random random = new Random(2024);
        List<String> scopeNames = List.of("s1", "s2", "s3");
        int exactConfigs = 0;
        int ambiguousConfigs = 0;
        for (int round = 0; round < 150; round++) {
            RouteScopes routes = randomConfig(random, scopeNames);
            List<Ambiguity> ambiguities = routes.ambiguities();
            Map<String, String> requests = requestsWithRoutes(routes);
            boolean anyInexact = false;
            for (Set<String> scopes : subsets(scopeNames)) {
                PolicyPlan plan = routes.plan(scopes);
                if (plan.exact()) {
                    assertDecisions(routes, plan, scopes, requests);
                } else {
                    anyInexact = true;
                    assertTrue(ambiguities.stream().anyMatch(a -> explains(a, plan, routes, scopes)),
                            "unexplained inexact plan for " + scopes + " in " + routes.toJson());
                }
            }
            assertEquals(!ambiguities.isEmpty(), anyInexact, routes.toJson() + " " + ambiguities);
            if (anyInexact) {
                ambiguousConfigs++;
            } else {
                exactConfigs++;
            }
        }
        assertTrue(exactConfigs > 20 && ambiguousConfigs > 5, exactConfigs + " exact, " + ambiguousConfigs + " ambiguous");
    }

    private static boolean explains(Ambiguity a, PolicyPlan plan, RouteScopes routes, Set<String> scopes) {
        return !plan.permits(a.forbiddenRoute()) && plan.permits(a.allowedRoute()) && plan.permits(a.blockingRoute())
                && scopes.containsAll(routes.requiredScopes(a.allowedRoute()))
                && plan.unresolved().contains(a.forbiddenRoute());
    }

    private static RouteScopes randomConfig(Random random, List<String> scopeNames) {
        String[] methods = {"GET", "GET", "POST", "ANY"};
        String[] segments = {"a", "b", "me", "{v}", "{v}"};
        RouteScopes.Builder builder = RouteScopes.builder();
        List<RouteKey> added = new ArrayList<>();
        int count = 2 + random.nextInt(5);
        while (added.size() < count) {
            StringBuilder path = new StringBuilder();
            int depth = random.nextInt(4);
            for (int i = 0; i < depth; i++) {
                path.append('/').append(segments[random.nextInt(segments.length)]);
            }
            if (random.nextInt(5) == 0) {
                path.append("/{rest+}");
            }
            RouteKey key = RouteKey.of(methods[random.nextInt(methods.length)], path.length() == 0 ? "/" : path.toString());
            if (added.stream().anyMatch(k -> k.sameRouteAs(key))) {
                continue;
            }
            List<String> scopes = new ArrayList<>();
            for (String scope : scopeNames) {
                if (random.nextInt(3) == 0) {
                    scopes.add(scope);
                }
            }
            builder.route(key, scopes);
            added.add(key);
        }
        return builder.build();
    }

    /** Concrete requests built from each route's template, with the route a test oracle sends them to. */
    private static Map<String, String> requestsWithRoutes(RouteScopes routes) {
        Set<String> values = new TreeSet<>(List.of("1", "me", "zz"));
        for (RouteKey route : routes.routes()) {
            for (RouteKey.Segment segment : route.segments()) {
                if (segment.kind() == RouteKey.Kind.LITERAL) {
                    values.add(segment.text());
                }
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (RouteKey route : routes.routes()) {
            for (String path : instances(route.segments(), 0, values)) {
                for (String method : route.methods()) {
                    String routed = oracleRoute(routes.routes(), method, path);
                    out.put(method + path, routed);
                }
            }
        }
        return out;
    }

    private static List<String> instances(List<RouteKey.Segment> segments, int from, Set<String> values) {
        if (from == segments.size()) {
            return List.of("/");
        }
        List<String> tails = instances(segments, from + 1, values);
        List<String> out = new ArrayList<>();
        RouteKey.Segment segment = segments.get(from);
        List<String> heads = segment.kind() == RouteKey.Kind.LITERAL ? List.of(segment.text()) : new ArrayList<>(values);
        if (segment.kind() == RouteKey.Kind.GREEDY) {
            for (String v : values) {
                heads.add(v + "/" + v);
            }
        }
        for (String head : heads) {
            for (String tail : tails) {
                out.add("/" + head + (tail.equals("/") ? "" : tail));
            }
        }
        return out;
    }

    /**
     * The route API Gateway sends a request to, written independently of the production code: the
     * most specific template accepting it (compare segment kinds left to right: literal over
     * variable over greedy), then a specific method over ANY. Null when no route accepts it.
     */
    static String oracleRoute(List<RouteKey> routes, String method, String path) {
        RouteKey best = null;
        int[] bestRank = null;
        for (RouteKey route : routes) {
            if (!route.accepts(method, path)) {
                continue;
            }
            List<RouteKey.Segment> segments = route.segments();
            int[] rank = new int[segments.size() + 1];
            for (int i = 0; i < segments.size(); i++) {
                rank[i] = switch (segments.get(i).kind()) {
                    case LITERAL -> 3;
                    case VARIABLE -> 2;
                    case GREEDY -> 1;
                };
            }
            rank[segments.size()] = route.isAnyMethod() ? 0 : 1;
            if (bestRank == null || compare(rank, bestRank) > 0) {
                best = route;
                bestRank = rank;
            }
        }
        return best == null ? null : best.toString();
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return Integer.compare(a.length, b.length);
    }

    /** Evaluates the plan like API Gateway (regex oracle) for each request. */
    private static void assertDecisions(RouteScopes routes, PolicyPlan plan, Set<String> scopes, Map<String, String> requests) {
        for (Map.Entry<String, String> request : requests.entrySet()) {
            String concrete = request.getKey();
            if (request.getValue() == null) {
                continue;
            }
            RouteKey route = RouteKey.parse(request.getValue());
            boolean permitted = scopes.containsAll(routes.requiredScopes(route));
            boolean allowed = evaluate(plan, concrete);
            assertEquals(permitted, allowed, "scopes " + scopes + ", request " + concrete + " (routed to " + route
                    + ") under " + plan);
        }
    }

    private static boolean evaluate(PolicyPlan plan, String request) {
        for (String deny : plan.deny()) {
            if (GlobOracle.matches(deny, request)) {
                return false;
            }
        }
        for (String allow : plan.allow()) {
            if (GlobOracle.matches(allow, request)) {
                return true;
            }
        }
        return false;
    }

    static List<Set<String>> subsets(List<String> items) {
        List<Set<String>> out = new ArrayList<>();
        for (int mask = 0; mask < (1 << items.size()); mask++) {
            Set<String> subset = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    subset.add(items.get(i));
                }
            }
            out.add(subset);
        }
        return out;
    }
}
