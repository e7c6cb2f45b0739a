package dev.gatehouse.database.config;

import dev.gatehouse.path.PathGrammar;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A parsed route such as {@code GET /orders/{id}}: an HTTP method, then a path whose segments are
 * literals or {@code {name}} parameters, written in Gatehouse's one path grammar
 * ({@link PathGrammar}, the API's). Greedy {@code {proxy+}} parameters are not supported by the
 * database proxy, and a parameter's name is also its SQL parameter's ({@code :name}).
 */
public final class RouteKey {
    /** The methods a database route may use. */
    public static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /** The names of SQL parameters, and so of a database route's path variables. */
    private static final Pattern SQL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

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
     * @throws IllegalArgumentException naming the first problem {@link #problems(String)} finds,
     *     and how to write the route instead
     */
    public static RouteKey parse(String route) {
        Objects.requireNonNull(route, "route");
        List<PathGrammar.Problem> problems = problems(route);
        if (!problems.isEmpty()) {
            PathGrammar.Problem first = problems.get(0);
            throw new IllegalArgumentException(first.message() + "; " + first.fix());
        }
        PathGrammar.ParsedRoute parsed = PathGrammar.parseRoute(route);
        List<String> segments = new ArrayList<>();
        for (PathGrammar.Segment segment : parsed.path().segments()) {
            segments.add(segment.text());
        }
        return new RouteKey(parsed.method(), parsed.path().path(), Collections.unmodifiableList(segments),
                List.copyOf(parsed.path().variableNames()));
    }

    /**
     * Every problem of {@code route} as a database route: those of Gatehouse's one path grammar
     * ({@link PathGrammar}, the same as the API's routes), then the database proxy's own limits: a
     * method from {@link #METHODS}, no greedy {@code {name+}} variable, and variable names that
     * can be SQL parameters ({@code :name}: letters, digits and '_', not starting with a digit).
     */
    public static List<PathGrammar.Problem> problems(String route) {
        PathGrammar.ParsedRoute parsed = PathGrammar.parseRoute(route);
        List<PathGrammar.Problem> problems = new ArrayList<>(parsed.allProblems());
        if (parsed.method() != null && !METHODS.contains(parsed.method())) {
            problems.add(0, new PathGrammar.Problem(PathGrammar.Topic.ROUTE, "method '" + parsed.method()
                    + "' is not one of GET, POST, PUT, PATCH, DELETE (upper case)",
                    "write one of them, in upper case, before the path"));
        }
        if (parsed.path() != null) {
            for (PathGrammar.Segment segment : parsed.path().segments()) {
                if (segment.kind() == PathGrammar.Kind.GREEDY) {
                    problems.add(new PathGrammar.Problem(PathGrammar.Topic.VARIABLE, "the greedy variable '"
                            + segment.text() + "' is not supported by database routes",
                            "match one segment with '{" + segment.name() + "}' (a route per path depth)"));
                } else if (segment.isVariable() && PathGrammar.isName(segment.name())
                        && !SQL_NAME.matcher(segment.name()).matches()) {
                    String sqlName = segment.name().replaceAll("[^A-Za-z0-9_]", "_");
                    sqlName = Character.isDigit(sqlName.charAt(0)) ? "_" + sqlName : sqlName;
                    problems.add(new PathGrammar.Problem(PathGrammar.Topic.VARIABLE, "the path variable '"
                            + segment.text() + "' is a valid path variable, but its value is bound to the SQL "
                            + "parameter :" + segment.name() + ", and SQL parameter names are letters, digits and "
                            + "'_', not starting with a digit",
                            "rename it in the path and in params, e.g. '{" + sqlName + "}' and :" + sqlName));
                }
            }
        }
        return List.copyOf(problems);
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
