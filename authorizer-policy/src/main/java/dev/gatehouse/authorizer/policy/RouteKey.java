package dev.gatehouse.authorizer.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One API Gateway REST API route: an HTTP method (or {@code ANY}) and a resource path template
 * such as {@code /orders/{id}} or {@code /files/{path+}}.
 *
 * <p>Written as {@code "GET /orders/{id}"}. In a template, {@code {name}} stands for exactly one
 * non-empty path segment and {@code {name+}} (only as the last segment) for one or more segments.
 * Literal segments may not contain the IAM wildcards {@code *} and {@code ?}, braces, whitespace or
 * control characters.
 */
public final class RouteKey {
    /** The methods API Gateway lets a REST API define; {@code ANY} stands for all of them. */
    public static final List<String> METHODS =
            List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

    /** The method name meaning every method in {@link #METHODS}. */
    public static final String ANY = "ANY";


    /** The kind of one segment of a path template. */
    enum Kind {
        /** Greedy variable {@code {name+}}: one or more segments. */
        GREEDY,
        /** Variable {@code {name}}: exactly one non-empty segment. */
        VARIABLE,
        /** Literal text. */
        LITERAL
    }

    /** One segment of a template: for a variable, {@code text} is its name. */
    record Segment(Kind kind, String text) {}

    private final String method;
    private final String path;
    private final List<Segment> segments;
    private final Set<String> methods;
    private final String literalPrefix;
    private final List<String> requestPrefixes;
    private final String requestSuffix;

    private RouteKey(String method, String path, List<Segment> segments) {
        this.method = method;
        this.path = path;
        this.segments = segments;
        this.methods = ANY.equals(method) ? Collections.unmodifiableSet(new TreeSet<>(METHODS)) : Set.of(method);
        this.literalPrefix = computeLiteralPrefix(segments);
        List<String> prefixes = new ArrayList<>(methods.size());
        for (String m : methods) {
            prefixes.add(m + literalPrefix);
        }
        this.requestPrefixes = List.copyOf(prefixes);
        this.requestSuffix = computeRequestSuffix(method, segments);
    }

    /**
     * Parses a route key such as {@code "GET /orders/{id}"}.
     *
     * @throws IllegalArgumentException with a message naming the problem when the key is malformed
     */
    public static RouteKey parse(String routeKey) {
        if (routeKey == null) {
            throw new IllegalArgumentException("route key is missing");
        }
        int space = routeKey.indexOf(' ');
        // (A second space is at index 2 or more, so "> 0" there would be the same: equivalent.)
        if (space <= 0 || routeKey.indexOf(' ', space + 1) >= 0) {
            throw new IllegalArgumentException("route key '" + routeKey
                    + "' must be a method and a path separated by one space, e.g. 'GET /orders/{id}'");
        }
        return of(routeKey.substring(0, space), routeKey.substring(space + 1));
    }

    /**
     * Builds a route key from a method ({@code GET}, ..., or {@code ANY}; upper case) and a path
     * template starting with {@code /}.
     *
     * @throws IllegalArgumentException when either is malformed
     */
    public static RouteKey of(String method, String pathTemplate) {
        if (method == null || !(METHODS.contains(method) || ANY.equals(method))) {
            throw new IllegalArgumentException("route method '" + method + "' must be one of "
                    + METHODS + " or ANY (upper case)");
        }
        return new RouteKey(method, pathTemplate, parseTemplate(pathTemplate));
    }

    private static List<Segment> parseTemplate(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("route path '" + path + "' must start with '/'");
        }
        if (path.equals("/")) {
            return List.of();
        }
        if (path.endsWith("/")) {
            throw new IllegalArgumentException("route path '" + path + "' must not end with '/'");
        }
        String[] parts = path.substring(1).split("/", -1);
        List<Segment> segments = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                throw new IllegalArgumentException("route path '" + path + "' has an empty segment");
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                boolean greedy = part.endsWith("+}");
                String name = part.substring(1, part.length() - (greedy ? 2 : 1));
                if (!isVariableName(name)) {
                    throw new IllegalArgumentException("route path '" + path + "' has a malformed variable '"
                            + part + "' (names use letters, digits, '.', '_' and '-')");
                }
                if (greedy && i != parts.length - 1) {
                    throw new IllegalArgumentException("route path '" + path + "': the greedy variable '"
                            + part + "' must be the last segment");
                }
                segments.add(new Segment(greedy ? Kind.GREEDY : Kind.VARIABLE, name));
            } else {
                for (int c = 0; c < part.length(); c++) {
                    char ch = part.charAt(c);
                    if (ch == '*' || ch == '?' || ch == '{' || ch == '}' || Character.isWhitespace(ch)
                            || Character.isISOControl(ch)) {
                        throw new IllegalArgumentException("route path '" + path + "' has a segment '" + part
                                + "' with a character not allowed in a literal segment");
                    }
                }
                segments.add(new Segment(Kind.LITERAL, part));
            }
        }
        return Collections.unmodifiableList(segments);
    }

    private static boolean isVariableName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
                    || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The method as written: one of {@link #METHODS} or {@code ANY}. */
    public String method() {
        return method;
    }

    /** The path template as written, e.g. {@code /orders/{id}}. */
    public String path() {
        return path;
    }

    /** Whether this route answers every method ({@code ANY}). */
    public boolean isAnyMethod() {
        return ANY.equals(method);
    }

    /** The concrete methods this route answers: one, or all of {@link #METHODS} for {@code ANY}. */
    public Set<String> methods() {
        return methods;
    }

    List<Segment> segments() {
        return segments;
    }

    /**
     * The path part of this route's ARN pattern: the template with each variable replaced by
     * {@code *}, without the leading slash ({@code orders/*} for {@code /orders/{id}}; empty for
     * {@code /}).
     */
    public String pathGlob() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            if (i > 0) {
                out.append('/');
            }
            Segment segment = segments.get(i);
            out.append(segment.kind() == Kind.LITERAL ? segment.text() : "*");
        }
        return out.toString();
    }

    /**
     * Whether this route's template accepts a concrete request, ignoring precedence between routes.
     *
     * @param concreteMethod an HTTP method such as {@code GET}
     * @param concretePath a request path starting with {@code /}, e.g. {@code /orders/42}
     */
    public boolean accepts(String concreteMethod, String concretePath) {
        if (!(isAnyMethod() ? METHODS.contains(concreteMethod) : method.equals(concreteMethod))) {
            return false;
        }
        if (concretePath == null || !concretePath.startsWith("/")) {
            return false;
        }
        if (concretePath.equals("/")) {
            return segments.isEmpty();
        }
        String[] parts = concretePath.substring(1).split("/", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                return false;
            }
        }
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (segment.kind() == Kind.GREEDY) {
                return parts.length > i;
            }
            if (i >= parts.length) {
                return false;
            }
            if (segment.kind() == Kind.LITERAL && !segment.text().equals(parts[i])) {
                return false;
            }
        }
        return parts.length == segments.size();
    }

    /**
     * Whether this route and {@code other} are the same API Gateway resource (same segments, with
     * variable names ignored) and method: API Gateway cannot have both.
     */
    public boolean sameRouteAs(RouteKey other) {
        return method.equals(other.method) && sameShape(other);
    }

    /** Method and resource with variable names erased, e.g. {@code GET /orders/{}/{+}}. */
    public String shapeKey() {
        StringBuilder out = new StringBuilder(method).append(' ');
        for (Segment segment : segments) {
            out.append('/').append(switch (segment.kind()) {
                case LITERAL -> segment.text();
                case VARIABLE -> "{}";
                case GREEDY -> "{+}";
            });
        }
        return out.toString();
    }

    /** Same resource: the same segment kinds, the same literals; variable names may differ. */
    public boolean sameResourceAs(RouteKey other) {
        return sameShape(other);
    }

    private boolean sameShape(RouteKey other) {
        if (segments.size() != other.segments.size()) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            Segment a = segments.get(i);
            Segment b = other.segments.get(i);
            if (a.kind() != b.kind() || (a.kind() == Kind.LITERAL && !a.text().equals(b.text()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether API Gateway routes a request that both routes' templates accept to this route rather
     * than to {@code other}: comparing segment by segment, a literal beats a variable and a variable
     * beats a greedy variable; on the same resource, a specific method beats {@code ANY}.
     *
     * <p>Only meaningful for requests both templates accept; for routes that share no request the
     * answer carries no information.
     */
    public boolean takesPrecedenceOver(RouteKey other) {
        int n = Math.min(segments.size(), other.segments.size());
        for (int i = 0; i < n; i++) {
            Segment a = segments.get(i);
            Segment b = other.segments.get(i);
            if (a.kind() != b.kind()) {
                // (the kinds differ, so ">=" would be the same: an equivalent mutant)
                return a.kind().ordinal() > b.kind().ordinal();
            }
            if (a.kind() == Kind.LITERAL && !a.text().equals(b.text())) {
                return false;
            }
            if (a.kind() == Kind.GREEDY) {
                return !isAnyMethod() && other.isAnyMethod();
            }
        }
        if (segments.size() != other.segments.size()) {
            return false;
        }
        return !isAnyMethod() && other.isAnyMethod();
    }

    /** The literal text before the first variable, e.g. {@code /orders/} for {@code /orders/{id}}. */
    String literalPrefix() {
        return literalPrefix;
    }

    /** What every request of this route starts with, per method: {@code GET/orders/}. */
    List<String> requestPrefixes() {
        return requestPrefixes;
    }

    /** What every request of this route ends with: the literal text after its last variable. */
    String requestSuffix() {
        return requestSuffix;
    }

    private static String computeLiteralPrefix(List<Segment> segments) {
        StringBuilder out = new StringBuilder("/");
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (segment.kind() != Kind.LITERAL) {
                return out.toString();
            }
            out.append(segment.text());
            if (i < segments.size() - 1) {
                out.append('/');
            }
        }
        return out.toString();
    }

    private static String computeRequestSuffix(String method, List<Segment> segments) {
        boolean any = ANY.equals(method);
        if (segments.isEmpty()) {
            return any ? "/" : method + "/";
        }
        StringBuilder out = new StringBuilder();
        for (int i = segments.size() - 1; i >= 0; i--) {
            Segment segment = segments.get(i);
            if (segment.kind() != Kind.LITERAL) {
                return out.toString();
            }
            out.insert(0, "/" + segment.text());
        }
        // the whole path is literal: the method is part of the suffix too
        return any ? out.toString() : method + out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RouteKey other && method.equals(other.method) && path.equals(other.path);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path);
    }

    /** The route key as written: {@code "GET /orders/{id}"}. */
    @Override
    public String toString() {
        return method + " " + path;
    }
}
