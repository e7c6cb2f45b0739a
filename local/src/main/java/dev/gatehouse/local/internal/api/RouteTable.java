package dev.gatehouse.local.internal.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the resource and method of a request as API Gateway does for REST APIs: at each path
 * segment a static resource wins over a path variable, which wins over a greedy variable
 * ({@code {proxy+}}, one or more segments); then the request's method, else {@code ANY}.
 */
public final class RouteTable {
    private final Node root = new Node();

    public RouteTable(List<Operation> operations) {
        for (Operation operation : operations) {
            Node node = root;
            for (String segment : segments(operation.resourcePath())) {
                if (segment.startsWith("{") && segment.endsWith("+}")) {
                    node = node.greedy(segment.substring(1, segment.length() - 2));
                } else if (segment.startsWith("{") && segment.endsWith("}")) {
                    node = node.variable(segment.substring(1, segment.length() - 1));
                } else {
                    node = node.statics.computeIfAbsent(segment, s -> new Node());
                }
            }
            node.resourcePath = operation.resourcePath();
            node.methods.put(operation.method(), operation);
        }
    }

    /**
     * The operation for a request; empty when no resource matches the path or the resource has
     * neither the method nor ANY.
     *
     * @param rawPath the request path as sent, percent-encoded, without the query string
     */
    public RouteMatch match(String method, String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : segments(rawPath)) {
            segments.add(decode(segment));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        Node node = find(root, segments, 0, parameters);
        if (node == null) {
            return RouteMatch.NONE;
        }
        Operation operation = node.methods.get(method);
        if (operation == null) {
            operation = node.methods.get("ANY");
        }
        return operation == null ? RouteMatch.NONE : new RouteMatch(operation, Collections.unmodifiableMap(parameters));
    }

    private static Node find(Node node, List<String> segments, int index, Map<String, String> parameters) {
        if (index == segments.size()) {
            return node.resourcePath != null ? node : null;
        }
        String segment = segments.get(index);
        Node child = node.statics.get(segment);
        if (child != null) {
            Node found = find(child, segments, index + 1, parameters);
            if (found != null) {
                return found;
            }
        }
        if (node.variable != null && !segment.isEmpty()) {
            parameters.put(node.variableName, segment);
            Node found = find(node.variable, segments, index + 1, parameters);
            if (found != null) {
                return found;
            }
            parameters.remove(node.variableName);
        }
        if (node.greedy != null && node.greedy.resourcePath != null) {
            parameters.put(node.greedyName, String.join("/", segments.subList(index, segments.size())));
            return node.greedy;
        }
        return null;
    }

    /** The segments of a path: "/" has none; one trailing slash is ignored. */
    static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return segments;
        }
        int start = 0;
        for (int i = 0; i <= trimmed.length(); i++) {
            if (i == trimmed.length() || trimmed.charAt(i) == '/') {
                segments.add(trimmed.substring(start, i));
                start = i + 1;
            }
        }
        return segments;
    }

    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment; // a malformed escape is matched as written
        }
    }

    private static final class Node {
        final Map<String, Node> statics = new HashMap<>();
        final Map<String, Operation> methods = new HashMap<>();
        String resourcePath;
        Node variable;
        String variableName;
        Node greedy;
        String greedyName;

        Node variable(String name) {
            if (variable == null) {
                variable = new Node();
                variableName = name;
            }
            return variable;
        }

        Node greedy(String name) {
            if (greedy == null) {
                greedy = new Node();
                greedyName = name;
            }
            return greedy;
        }
    }
}
