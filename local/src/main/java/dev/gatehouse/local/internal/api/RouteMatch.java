package dev.gatehouse.local.internal.api;

import java.util.Map;

/** A request's operation and path parameters; {@link #NONE} when nothing matches. */
public record RouteMatch(Operation operation, Map<String, String> pathParameters) {
    public static final RouteMatch NONE = new RouteMatch(null, Map.of());

    public boolean found() {
        return operation != null;
    }
}
