package dev.gatehouse.api.internal;

import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rules;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that need the whole route table: duplicates, sibling variables, operation ids, the
 * resource quota, and that there is a route at all.
 */
public final class RouteTableCheck {
    /** API Gateway's default "resources per REST API" quota (adjustable). */
    public static final int DEFAULT_RESOURCE_QUOTA = 300;

    private RouteTableCheck() {
    }

    /** A route as the checks see it: its display name, method key, path and operation id. */
    public record Entry(String name, String method, RoutePath path, String operationId) {
    }

    public static void check(String apiSubject, List<Entry> routes, Findings findings) {
        if (routes.isEmpty()) {
            findings.report(Rules.NO_ROUTES, apiSubject, "the API has no routes.",
                    "add at least one route, e.g. api.route(\"GET /health\", Integrations.mock(...), "
                            + "RouteOptions.of(Authorization.none())).");
            return;
        }
        checkDuplicates(routes, findings);
        checkOperationIds(routes, findings);
        checkSiblingVariables(routes, findings);
        checkResourceQuota(apiSubject, routes, findings);
    }

    private static void checkDuplicates(List<Entry> routes, Findings findings) {
        Set<String> seen = new HashSet<>();
        Set<String> reported = new LinkedHashSet<>();
        for (Entry route : routes) {
            if (!route.path().isValid()) {
                continue;
            }
            String key = route.method() + " " + route.path().path();
            if (!seen.add(key) && reported.add(key)) {
                findings.report(Rules.DUPLICATE_ROUTE, "route '" + key + "'", "it is declared more than once.",
                        "keep one declaration of '" + key + "'.");
            }
        }
    }

    private static void checkOperationIds(List<Entry> routes, Findings findings) {
        Map<String, String> owners = new HashMap<>();
        for (Entry route : routes) {
            if (route.operationId() == null) {
                continue;
            }
            String previous = owners.putIfAbsent(route.operationId(), route.name());
            if (previous != null) {
                findings.report(Rules.OPERATION_ID, "route '" + route.name() + "'",
                        "its operationId '" + route.operationId() + "' is already used by route '" + previous + "'.",
                        "give each route its own operationId.");
            }
        }
    }

    private static void checkSiblingVariables(List<Entry> routes, Findings findings) {
        // parent resource path -> variable segment as written -> first route that uses it
        Map<String, Map<String, String>> variablesByParent = new LinkedHashMap<>();
        for (Entry route : routes) {
            List<RoutePath.Segment> segments = route.path().segments();
            StringBuilder parent = new StringBuilder();
            for (RoutePath.Segment segment : segments) {
                String parentPath = parent.length() == 0 ? "/" : parent.toString();
                if (segment.isVariable()) {
                    variablesByParent.computeIfAbsent(parentPath, p -> new LinkedHashMap<>())
                            .putIfAbsent(segment.text(), route.name());
                }
                parent.append('/').append(segment.text());
            }
        }
        variablesByParent.forEach((parent, variables) -> {
            if (variables.size() > 1) {
                StringBuilder listing = new StringBuilder();
                variables.forEach((variable, route) -> listing.append(listing.length() == 0 ? "" : ", ")
                        .append(variable).append(" (route '").append(route).append("')"));
                findings.report(Rules.SIBLING_VARIABLES, "resource '" + parent + "'",
                        "it has " + variables.size() + " different path variables below it: " + listing + ".",
                        "use one variable name for every route under '" + parent + "', e.g. "
                                + variables.keySet().iterator().next() + ".");
            }
        });
    }

    private static void checkResourceQuota(String apiSubject, List<Entry> routes, Findings findings) {
        Set<String> resources = new HashSet<>();
        for (Entry route : routes) {
            resources.addAll(route.path().resourcePaths());
        }
        if (resources.size() > DEFAULT_RESOURCE_QUOTA) {
            findings.report(Rules.RESOURCE_QUOTA, apiSubject,
                    "the API has " + resources.size() + " resources; API Gateway's default quota is "
                            + DEFAULT_RESOURCE_QUOTA + " resources per REST API.",
                    "request a higher 'Resources per API' quota in Service Quotas for this account and "
                            + "Region before deploying.");
        }
    }
}
