package dev.gatehouse.api;

import java.util.Optional;

/**
 * A route named as declared, {@code "GET /orders/{id}"}: a method and a path starting with '/'.
 * How grants, usage-plan throttles and lookups name routes.
 */
record RouteSpec(HttpMethod method, String path) {
    /** The method and path of {@code spec}, or empty when it is not "METHOD /path". */
    static Optional<RouteSpec> parse(String spec) {
        String[] parts = spec == null ? new String[0] : spec.trim().split("\\s+");
        if (parts.length != 2 || !parts[1].startsWith("/")) {
            return Optional.empty();
        }
        return HttpMethod.parse(parts[0]).map(method -> new RouteSpec(method, parts[1]));
    }
}
