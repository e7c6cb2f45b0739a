package dev.gatehouse.api.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.CacheKey;
import dev.gatehouse.api.CacheSettings;
import dev.gatehouse.api.HttpMethod;
import dev.gatehouse.api.Route;
import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One route's caching: its settings over the stage's, its cache key (path variables, the parts it
 * lists, the caller's identity) and the checks that keep one caller's cached response from being
 * served to another (rules GH603 to GH606). What it resolves goes into the route's operation
 * ({@link #decorate}: {@code cacheKeyParameters}, {@code cacheNamespace} and the request
 * parameters they need) and into the stage's method settings.
 */
public final class RouteCaching {
    /** A query string parameter's name in a method request parameter ({@code method.request.querystring.<name>}). */
    private static final Pattern QUERY_NAME = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final Set<HttpMethod> WRITE_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    /**
     * What a route's caching needs from the document and the stage.
     *
     * @param behaviour the route's effective settings (for an ANY route: those of its GET requests),
     *     or null when the stage has no cache cluster
     * @param ownSettings whether the route gave caching settings of its own (it then gets its own
     *     MethodSettings entry)
     * @param keyParameters the cache key, as method request parameters; empty when not cached
     */
    public record RouteCache(StageCaching.Behaviour behaviour, boolean ownSettings, List<String> keyParameters) {
        /** A route of a stage without a cache cluster. */
        public static final RouteCache NONE = new RouteCache(null, false, List.of());

        public boolean cached() {
            return behaviour != null && behaviour.enabled();
        }
    }

    private RouteCaching() {
    }

    /**
     * Resolves and checks the caching of {@code route}.
     *
     * @param security the route's security requirement: scheme name to scopes
     */
    static RouteCache resolve(StageCaching stage, Route route, RoutePath path, CacheSettings settings,
            Map<String, List<String>> security, SecuritySchemes schemes, String subject, Findings findings) {
        HttpMethod method = route.getMethod();
        boolean cachedByStage = stage.stageWide().enabled() && (method == HttpMethod.GET || method == HttpMethod.ANY);
        StageCaching.Behaviour behaviour = stage.resolve(settings, cachedByStage, subject);
        if (!stage.hasCluster() && settings == null) {
            return RouteCache.NONE;
        }
        if (!behaviour.enabled()) {
            return new RouteCache(behaviour, settings != null, List.of());
        }
        if (settings != null && Boolean.TRUE.equals(settings.getEnabled()) && WRITE_METHODS.contains(method)) {
            findings.report(Rules.CACHE_WRITE_METHOD, subject, "caching is on for a " + method + " route: repeated "
                            + "requests with the same key are answered from the cache without reaching the backend.",
                    "cache only reads (GET routes), or keep it if the responses really are reusable.");
        }
        List<CallerIdentity.Parameter> key = new ArrayList<>();
        path.variableNames().forEach(name -> key.add(new CallerIdentity.Parameter("path", name)));
        List<CacheKey> listed = settings != null && settings.getKey() != null ? settings.getKey() : List.of();
        boolean byCaller = false;
        for (CacheKey part : listed) {
            if (part.getSource() == CacheKey.Source.CALLER) {
                byCaller = true;
            } else {
                CallerIdentity.Parameter parameter = parameter(part, path, subject, findings);
                if (parameter != null) {
                    add(key, parameter);
                }
            }
        }
        boolean shared = settings != null && Boolean.TRUE.equals(settings.getSharedAcrossCallers());
        keyByCaller(key, CallerIdentity.of(security, schemes), byCaller, shared, subject, findings);
        return new RouteCache(behaviour, settings != null,
                key.stream().map(CallerIdentity.Parameter::expression).toList());
    }

    /**
     * Adds the caller's identity to {@code key} when the route asked for it, and reports a cached
     * route behind an authorization that identifies callers without it (GH605), a caller key on a
     * public route (GH603) and a key by SigV4 signature (GH606).
     *
     * @param identity the route's caller identity, null for a public route
     */
    private static void keyByCaller(List<CallerIdentity.Parameter> key, CallerIdentity identity, boolean byCaller,
            boolean shared, String subject, Findings findings) {
        if (byCaller) {
            if (identity == null) {
                findings.report(Rules.CACHE_KEY, subject, "its cache key holds CacheKey.caller(), but the route is "
                        + "public: there is no caller identity to key on.", "remove CacheKey.caller() from the key.");
            } else if (identity.parts().isEmpty()) {
                findings.report(Rules.CACHE_IDENTITY, subject, "its cache key holds CacheKey.caller(), but "
                                + identity.description() + " identifies callers only by context or stage variables, "
                                + "which cannot be part of a cache key.",
                        "give the authorizer a header or query string identity source, or declare the responses "
                                + "sharedAcrossCallers(true) if they are the same for every caller.");
            } else {
                identity.parts().forEach(part -> add(key, part));
            }
        } else if (identity != null && !shared
                && (identity.parts().isEmpty() || !identity.parts().stream().allMatch(p -> contains(key, p)))) {
            findings.report(Rules.CACHE_IDENTITY, subject, "it is cached behind " + identity.description()
                            + ", but its cache key does not hold the caller's identity"
                            + (identity.parts().isEmpty() ? "" : " (" + expressions(identity.parts()) + ")")
                            + ": caller B would be served the response cached for caller A.",
                    "key the cache by the caller (CacheSettings.builder().key(CacheKey.caller())), or declare the "
                            + "responses the same for every caller (sharedAcrossCallers(true)), or turn caching off "
                            + "for the route (enabled(false)).");
        }
        CallerIdentity.Parameter signature = new CallerIdentity.Parameter("header", "Authorization");
        if (identity != null && identity.sigV4() && !shared && contains(key, signature)) {
            findings.report(Rules.CACHE_SIGV4_KEY, subject, "its cache is keyed by the SigV4 Authorization header, "
                            + "which changes with every request: nothing will be served from the cache.",
                    "cache only responses that are the same for every caller (sharedAcrossCallers(true)), or turn "
                            + "caching off for the route.");
        }
    }

    /**
     * Writes the cache key into {@code operation}: {@code cacheKeyParameters} and {@code cacheNamespace}
     * (the route, so that two routes never share entries) in its integration, and the query string
     * and header parameters of the key as optional request parameters, as API Gateway requires of
     * cache key parameters.
     */
    static void decorate(ObjectNode operation, RouteCache cache, String namespace) {
        if (!cache.cached()) {
            return;
        }
        ArrayNode parameters = operation.has("parameters") ? (ArrayNode) operation.get("parameters")
                : JsonNodeFactory.instance.arrayNode();
        for (String expression : cache.keyParameters()) {
            String[] parts = expression.split("\\.", 4); // method, request, in, name
            if (!parts[2].equals("path")) {
                ObjectNode parameter = parameters.addObject();
                parameter.put("name", parts[3]);
                parameter.put("in", parts[2].equals("querystring") ? "query" : "header");
                parameter.put("required", false);
                parameter.putObject("schema").put("type", "string");
            }
        }
        if (!parameters.isEmpty() && !operation.has("parameters")) {
            // where OpenApiDocument puts them: before the responses
            ObjectNode fields = operation.deepCopy();
            operation.removeAll();
            fields.properties().forEach(field -> {
                if (field.getKey().equals("responses")) {
                    operation.set("parameters", parameters);
                }
                operation.set(field.getKey(), field.getValue());
            });
        }
        ObjectNode integration = (ObjectNode) operation.get("x-amazon-apigateway-integration");
        ArrayNode keys = integration.putArray("cacheKeyParameters");
        cache.keyParameters().forEach(keys::add);
        integration.put("cacheNamespace", namespace);
    }

    /** A listed key part as a method request parameter, or null (reported, GH603) when the route cannot have it. */
    private static CallerIdentity.Parameter parameter(CacheKey part, RoutePath path, String subject, Findings findings) {
        String name = part.getName();
        switch (part.getSource()) {
            case PATH -> {
                if (path.variableNames().contains(name)) {
                    return new CallerIdentity.Parameter("path", name);
                }
                findings.report(Rules.CACHE_KEY, subject, "its cache key names the path variable '" + name
                                + "', which " + path.path() + " does not have.",
                        path.variableNames().isEmpty() ? "remove CacheKey.path(\"" + name + "\") from the key."
                                : "name one of " + path.variableNames() + " (they are in the key anyway), or remove it.");
                return null;
            }
            case QUERY -> {
                if (QUERY_NAME.matcher(name).matches()) {
                    return new CallerIdentity.Parameter("querystring", name);
                }
                findings.report(Rules.CACHE_KEY, subject, "its cache key names the query string parameter '" + name
                        + "', which is not a parameter name.", "use letters, digits, '.', '_', '~' and '-', e.g. "
                        + "CacheKey.query(\"page\").");
                return null;
            }
            default -> {
                if (HttpTokens.HEADER_NAME.matcher(name).matches()) {
                    return new CallerIdentity.Parameter("header", name);
                }
                findings.report(Rules.CACHE_KEY, subject, "its cache key names the header '" + name
                        + "', which is not an HTTP header name.", "name the header as clients send it, e.g. "
                        + "CacheKey.header(\"Accept-Language\").");
                return null;
            }
        }
    }

    private static void add(List<CallerIdentity.Parameter> key, CallerIdentity.Parameter parameter) {
        if (!contains(key, parameter)) {
            key.add(parameter);
        }
    }

    private static boolean contains(List<CallerIdentity.Parameter> key, CallerIdentity.Parameter parameter) {
        return key.stream().anyMatch(parameter::sameAs);
    }

    private static String expressions(List<CallerIdentity.Parameter> parts) {
        return String.join(", ", parts.stream().map(CallerIdentity.Parameter::expression).toList());
    }
}
