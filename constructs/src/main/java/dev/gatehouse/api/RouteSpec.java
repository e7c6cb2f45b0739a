package dev.gatehouse.api;

import dev.gatehouse.api.internal.ExecuteApiGrants;
import java.util.Optional;

/**
 * A route named as declared, {@code "GET /orders/{id}"}: a method and a path starting with '/'.
 * How grants, usage-plan throttles and lookups name routes.
 */
record RouteSpec(HttpMethod method, String path) {
    /** The method and path of {@code spec}, or empty when it is not "METHOD /path". */
    static Optional<RouteSpec> parse(String spec) {
        return ExecuteApiGrants.parse(spec).map(named -> new RouteSpec(named.method(), named.path()));
    }
}
