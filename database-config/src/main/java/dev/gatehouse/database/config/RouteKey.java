package dev.gatehouse.database.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A parsed route such as {@code GET /orders/{id}}: an HTTP method, then a path whose segments are
 * literals or {@code {name}} parameters. Greedy {@code {proxy+}} parameters are not supported by the
 * database proxy.
 */
public final class RouteKey {
    /** The methods a database route may use. */
    public static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~\\-]+");
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final String method;
    private final String path;
    private final List<String> segments;
    private final List<String> pathParameters;

    private RouteKey(String method, String path, List<String> segments, List<String> pathParameters) {
        this.method = method;
        this.path = path;
        this.segments = segments;
        this.pathParameters = pathParameters;
    }

    /**
     * Parses {@code "METHOD /path"}.
     *
     * @throws IllegalArgumentException naming what is wrong and how to write it instead
     */
    public static RouteKey parse(String route) {
        Objects.requireNonNull(route, "route");
        String[] parts = route.trim().split(" +");
        if (parts.length != 2) {
            throw new IllegalArgumentException(
                    "a route is an HTTP method, one space and a path, such as \"GET /orders/{id}\"");
        }
        String method = parts[0];
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("method '" + method + "' is not one of "
                    + String.join(", ", List.of("GET", "POST", "PUT", "PATCH", "DELETE"))
                    + " (upper case)");
        }
        String path = parts[1];
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("the path must start with '/'");
        }
        List<String> segments = new ArrayList<>();
        List<String> params = new ArrayList<>();
        if (!path.equals("/")) {
            if (path.endsWith("/")) {
                throw new IllegalArgumentException("the path must not end with '/'");
            }
            for (String segment : path.substring(1).split("/", -1)) {
                if (segment.isEmpty()) {
                    throw new IllegalArgumentException("the path has an empty segment ('//')");
                }
                var m = PARAMETER.matcher(segment);
                if (m.matches()) {
                    if (params.contains(m.group(1))) {
                        throw new IllegalArgumentException(
                                "path parameter {" + m.group(1) + "} appears twice");
                    }
                    params.add(m.group(1));
                } else if (!LITERAL.matcher(segment).matches()) {
                    throw new IllegalArgumentException("segment '" + segment
                            + "' must be a literal of letters, digits, '.', '_', '~', '-', or a whole"
                            + " {name} parameter (greedy {name+} parameters are not supported)");
                }
                segments.add(segment);
            }
        }
        return new RouteKey(method, path, Collections.unmodifiableList(segments),
                Collections.unmodifiableList(params));
    }

    public String method() {
        return method;
    }

    /** The path as written, such as {@code /orders/{id}}. */
    public String path() {
        return path;
    }

    /** The path's segments, {@code {name}} for parameters. */
    public List<String> segments() {
        return segments;
    }

    /** The names of the {@code {name}} segments, in order. */
    public List<String> pathParameters() {
        return pathParameters;
    }

    /** Whether a segment is a {@code {name}} parameter. */
    public static boolean isParameterSegment(String segment) {
        return segment.startsWith("{");
    }

    /**
     * The route with parameter names erased ({@code GET /orders/{}}): two routes with the same
     * shape would receive the same requests.
     */
    public String shape() {
        StringBuilder sb = new StringBuilder(method).append(' ');
        if (segments.isEmpty()) {
            sb.append('/');
        }
        for (String s : segments) {
            sb.append('/').append(isParameterSegment(s) ? "{}" : s);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return method + " " + path;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RouteKey && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
