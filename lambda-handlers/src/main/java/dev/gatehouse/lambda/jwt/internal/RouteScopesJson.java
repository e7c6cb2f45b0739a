package dev.gatehouse.lambda.jwt.internal;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.gatehouse.authorizer.policy.RouteScopes;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the route-scopes JSON: {@code {"routes": {"GET /orders/{id}": ["orders:read"], ...}}}.
 * Parsed with nimbus-jose-jwt's bundled JSON support, so the handler needs no other JSON library.
 */
public final class RouteScopesJson {
    private RouteScopesJson() {}

    /**
     * Parses and validates a route-scopes document.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static RouteScopes parse(String json) {
        String expected = "is not a JSON object (expected {\"routes\": {\"GET /path\": [\"scope\"]}})";
        if (!json.strip().startsWith("{")) {
            throw new IllegalArgumentException(expected);
        }
        Map<String, Object> document;
        try {
            document = JSONObjectUtils.parse(json);
        } catch (ParseException e) {
            throw new IllegalArgumentException(expected);
        }
        for (String key : document.keySet()) {
            if (!key.equals("routes")) {
                throw new IllegalArgumentException("unknown member '" + key + "' (only \"routes\" is allowed)");
            }
        }
        Object routes = document.get("routes");
        if (routes == null) {
            throw new IllegalArgumentException("\"routes\" is missing (expected {\"routes\": {\"GET /path\": [\"scope\"]}})");
        }
        if (!(routes instanceof Map<?, ?> routeMap)) {
            throw new IllegalArgumentException("\"routes\" must be an object mapping route keys to scope arrays");
        }
        RouteScopes.Builder builder = RouteScopes.builder();
        for (Map.Entry<?, ?> entry : routeMap.entrySet()) {
            String route = String.valueOf(entry.getKey());
            if (!(entry.getValue() instanceof List<?> list)) {
                throw new IllegalArgumentException("route '" + route + "' must map to an array of scope strings");
            }
            List<String> scopes = new ArrayList<>(list.size());
            for (Object scope : list) {
                if (!(scope instanceof String s)) {
                    throw new IllegalArgumentException("route '" + route + "' has a scope that is not a string");
                }
                scopes.add(s);
            }
            builder.route(route, scopes);
        }
        return builder.build();
    }
}
