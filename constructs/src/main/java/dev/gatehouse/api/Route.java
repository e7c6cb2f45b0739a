package dev.gatehouse.api;

import dev.gatehouse.api.internal.RoutePath;
import java.util.List;

/** A declared route: method, path and options. */
public final class Route {
    private final String spec;
    private final HttpMethod method;
    private final RoutePath path;
    private final RouteOptions options;

    Route(String spec, HttpMethod method, RoutePath path, RouteOptions options) {
        this.spec = spec;
        this.method = method;
        this.path = path;
        this.options = options;
    }

    /** The method, or {@code null} when the declaration was not valid (rule GH100). */
    public HttpMethod getMethod() {
        return method;
    }

    /** The path as declared, e.g. {@code /orders/{id}}. */
    public String getPath() {
        return path == null ? null : path.path();
    }

    /** Names of the path variables, in path order ({@code {proxy+}} gives {@code proxy}). */
    public List<String> getPathVariables() {
        return path == null ? List.of() : path.variableNames();
    }

    public RouteOptions getOptions() {
        return options;
    }

    /** e.g. {@code GET /orders/{id}}. */
    @Override
    public String toString() {
        return method == null ? spec : method.name() + " " + path.path();
    }
}
