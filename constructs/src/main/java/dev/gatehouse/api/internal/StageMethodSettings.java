package dev.gatehouse.api.internal;

import dev.gatehouse.api.HttpMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a stage's {@code MethodSettings}: one stage-wide entry ({@code /*}, {@code *}) and one
 * entry per route method that overrides throttling or caching, holding both. A per-method entry
 * does not inherit the stage-wide entry in API Gateway (omitted fields reset to their defaults,
 * e.g. logging OFF), so each override repeats the stage's logging, tracing and metrics settings,
 * and, when the stage has a cache cluster, states its caching in full.
 *
 * <p>API Gateway addresses method settings by the request's HTTP method, never {@code ANY}
 * (docs/stage-and-throttling.md, "ANY routes"): an ANY route's override is written once for each
 * method it serves.
 */
public final class StageMethodSettings {
    private StageMethodSettings() {
    }

    /**
     * Stage-wide settings. {@code rate}/{@code burst} may be null (no stage limit); {@code cache} is
     * null when the stage has no cache cluster.
     */
    public record StageWide(String loggingLevel, boolean dataTrace, boolean metrics, Double rate, Integer burst,
            StageCaching.Behaviour cache) {
    }

    /**
     * One method's override: a null limit falls back to the stage's; {@code cache} is null when the
     * stage has no cache cluster.
     */
    public record RouteOverride(RoutePath path, String httpMethod, Double rate, Integer burst,
            StageCaching.Behaviour cache) {
    }

    /**
     * The methods an ANY route serves on its path, for its method settings: every method except
     * those declared explicitly on the same path (API Gateway serves them) and OPTIONS when a CORS
     * preflight answers it.
     */
    public static List<HttpMethod> servedByAny(Set<HttpMethod> explicitOnPath, boolean preflight) {
        List<HttpMethod> methods = new ArrayList<>();
        for (HttpMethod method : HttpMethod.values()) {
            if (method != HttpMethod.ANY && !explicitOnPath.contains(method) && !(preflight && method == HttpMethod.OPTIONS)) {
                methods.add(method);
            }
        }
        return methods;
    }

    public static List<Map<String, Object>> render(StageWide stage, List<RouteOverride> overrides) {
        List<Map<String, Object>> settings = new ArrayList<>(overrides.size() + 1);
        settings.add(entry(stage, "/*", "*", stage.rate(), stage.burst(), stage.cache()));
        for (RouteOverride route : overrides) {
            settings.add(entry(stage, route.path().methodSettingResourcePath(), route.httpMethod(),
                    route.rate() != null ? route.rate() : stage.rate(),
                    route.burst() != null ? route.burst() : stage.burst(), route.cache()));
        }
        return settings;
    }

    /**
     * The cached methods whose invalidation settings differ from the stage's, grouped by their
     * settings, each named as API Gateway's GetStage keys a method setting
     * ({@code ~1orders~1{id}/GET}): what the stage cache's custom resource applies besides the
     * stage's own settings (CloudFormation's MethodSetting cannot hold them).
     */
    public static List<Map<String, Object>> invalidationOverrides(StageWide stage, List<RouteOverride> overrides) {
        Map<StageCaching.Behaviour, List<String>> keysBySettings = new LinkedHashMap<>();
        for (RouteOverride route : overrides) {
            StageCaching.Behaviour cache = route.cache();
            if (cache == null || !cache.enabled() || stage.cache() != null
                    && cache.requireAuthorization() == stage.cache().requireAuthorization()
                    && cache.unauthorized() == stage.cache().unauthorized()) {
                continue;
            }
            StageCaching.Behaviour settings = new StageCaching.Behaviour(true, 0, false, cache.requireAuthorization(),
                    cache.unauthorized());
            String path = route.path().methodSettingResourcePath();
            keysBySettings.computeIfAbsent(settings, k -> new ArrayList<>())
                    .add((path.equals("/") ? "~1" : path.substring(1)) + "/" + route.httpMethod());
        }
        List<Map<String, Object>> result = new ArrayList<>();
        keysBySettings.forEach((settings, keys) -> {
            Map<String, Object> override = new LinkedHashMap<>();
            override.put("MethodSettingKeys", keys);
            override.put("RequireAuthorizationForCacheControl", Boolean.toString(settings.requireAuthorization()));
            override.put("UnauthorizedCacheControlHeaderStrategy", settings.unauthorized().name());
            result.add(override);
        });
        return result;
    }

    private static Map<String, Object> entry(StageWide stage, String resourcePath, String httpMethod,
            Double rate, Integer burst, StageCaching.Behaviour cache) {
        // Property names as the L1 class takes them (camelCase); CfnStage renders them to
        // CloudFormation's names even when the list comes from a Lazy.
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("resourcePath", resourcePath);
        entry.put("httpMethod", httpMethod);
        entry.put("loggingLevel", stage.loggingLevel());
        entry.put("dataTraceEnabled", stage.dataTrace());
        entry.put("metricsEnabled", stage.metrics());
        if (rate != null) {
            entry.put("throttlingRateLimit", rate);
        }
        if (burst != null) {
            entry.put("throttlingBurstLimit", burst);
        }
        if (cache != null) {
            entry.put("cachingEnabled", cache.enabled());
            entry.put("cacheTtlInSeconds", cache.ttlSeconds());
            entry.put("cacheDataEncrypted", cache.encrypted());
        }
        return entry;
    }
}
