package dev.gatehouse.lambda.database.internal;

import dev.gatehouse.database.config.DatabaseRoute;
import dev.gatehouse.database.config.DatabaseRoutes;
import dev.gatehouse.database.config.RouteKey;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the route for a request: by API Gateway's {@code resource} template and method (what the
 * gateway already matched), else by matching the concrete path segment by segment.
 */
public final class RouteTable {
    /** Method, then resource template. */
    private final Map<String, Map<String, CompiledRoute>> byTemplate = new HashMap<>();
    private final List<CompiledRoute> routes = new ArrayList<>();

    /** @param routes a configuration that passed {@link DatabaseRoutes#validate()} */
    public RouteTable(DatabaseRoutes routes) {
        for (DatabaseRoute r : routes.routes()) {
            CompiledRoute compiled = new CompiledRoute(r, routes.engine());
            byTemplate.computeIfAbsent(compiled.key().method(), m -> new HashMap<>()).put(compiled.key().path(), compiled);
            this.routes.add(compiled);
        }
    }

    /** A matched route and its path parameter values. */
    public static final class Match {
        private final CompiledRoute route;
        private final Map<String, String> pathParameters;

        Match(CompiledRoute route, Map<String, String> pathParameters) {
            this.route = route;
            this.pathParameters = pathParameters;
        }

        public CompiledRoute route() {
            return route;
        }

        public Map<String, String> pathParameters() {
            return pathParameters;
        }
    }

    /**
     * @param resource API Gateway's resource template ({@code /orders/{id}}), or null
     * @param pathParameters API Gateway's path parameters, or null
     */
    public Optional<Match> match(String method, String resource, String path, Map<String, String> pathParameters) {
        if (method == null) {
            return Optional.empty();
        }
        if (resource != null) {
            CompiledRoute r = byTemplate.getOrDefault(method, Map.of()).get(resource);
            if (r != null) {
                return Optional.of(new Match(r, pathParameters == null ? Map.of() : pathParameters));
            }
        }
        if (path == null) {
            return Optional.empty();
        }
        String[] segments = path.equals("/") || path.isEmpty() ? new String[0] : path.replaceFirst("^/", "").split("/", -1);
        for (CompiledRoute r : routes) {
            RouteKey key = r.key();
            if (!key.method().equals(method) || key.segments().size() != segments.length) {
                continue;
            }
            Map<String, String> params = new HashMap<>();
            boolean matches = true;
            for (int i = 0; i < segments.length && matches; i++) {
                String template = key.segments().get(i);
                if (RouteKey.isParameterSegment(template)) {
                    String value = percentDecode(segments[i]);
                    matches = value != null && !value.isEmpty();
                    params.put(template.substring(1, template.length() - 1), value);
                } else {
                    matches = template.equals(segments[i]);
                }
            }
            if (matches) {
                return Optional.of(new Match(r, params));
            }
        }
        return Optional.empty();
    }

    /** Decodes %XX escapes (not '+'); null for a malformed escape. */
    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%') {
                if (i + 2 >= bytes.length) {
                    return null;
                }
                int hi = Character.digit(bytes[i + 1], 16);
                int lo = Character.digit(bytes[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
