package dev.gatehouse.local.internal.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.gatehouse.local.internal.api.ApiDefinition;
import dev.gatehouse.local.internal.api.Operation;
import dev.gatehouse.local.internal.assembly.LocalValues;
import dev.gatehouse.local.internal.assembly.StackTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the template says about a stage's cache: the cluster ({@code CacheClusterEnabled},
 * {@code CacheClusterSize}), each method's caching and TTL (the stage's {@code MethodSettings}:
 * a method's own entry over its resource's {@code *} entry over the stage-wide {@code /*}
 * entries), each cached method's key (its integration's {@code cacheNamespace} and
 * {@code cacheKeyParameters}), and who may invalidate (the {@code Custom::GatehouseStageCache}
 * resource's properties, as CloudFormation's MethodSetting cannot hold them; without one, API
 * Gateway's defaults for a stage CloudFormation created: authorization required, unauthorized
 * requests served with a warning header).
 */
public final class StageCacheSettings {
    /** The methods an ANY method serves. */
    static final List<String> ANY_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    /** API Gateway's default TTL. */
    static final int DEFAULT_TTL_SECONDS = 300;
    private static final String STAGE_CACHE_TYPE = "Custom::GatehouseStageCache";

    private final boolean clusterEnabled;
    private final String clusterSize;
    private final Map<Operation, Map<String, MethodCaching>> methods = new IdentityHashMap<>();

    private record Invalidation(boolean requireAuthorization, UnauthorizedStrategy unauthorized) {
    }

    private StageCacheSettings(ApiDefinition api, StackTemplate stack, LocalValues values) {
        JsonNode stage = api.stage();
        this.clusterEnabled = stage.path("CacheClusterEnabled").asBoolean(false);
        this.clusterSize = stage.path("CacheClusterSize").asText("0.5");
        if (!clusterEnabled) {
            return;
        }
        JsonNode stageCache = stageCacheResource(api, stack, values);
        Invalidation stageWide = new Invalidation(
                stageCache.path("RequireAuthorizationForCacheControl").asBoolean(true),
                UnauthorizedStrategy.of(stageCache.path("UnauthorizedCacheControlHeaderStrategy").asText(null)));
        Map<String, Invalidation> overrides = new HashMap<>();
        for (JsonNode override : stageCache.path("Overrides")) {
            Invalidation invalidation = new Invalidation(
                    override.path("RequireAuthorizationForCacheControl").asBoolean(stageWide.requireAuthorization()),
                    override.has("UnauthorizedCacheControlHeaderStrategy")
                            ? UnauthorizedStrategy.of(override.path("UnauthorizedCacheControlHeaderStrategy").asText())
                            : stageWide.unauthorized());
            override.path("MethodSettingKeys").forEach(key -> overrides.put(key.asText(), invalidation));
        }
        Map<String, JsonNode> settings = methodSettings(stage);
        for (Operation operation : api.operations()) {
            List<String> served = operation.method().equals("ANY") ? ANY_METHODS : List.of(operation.method());
            for (String method : served) {
                JsonNode enabled = setting(settings, operation.resourcePath(), method, "CachingEnabled");
                if (!enabled.asBoolean(false)) {
                    continue;
                }
                int ttl = setting(settings, operation.resourcePath(), method, "CacheTtlInSeconds").asInt(DEFAULT_TTL_SECONDS);
                JsonNode integration = operation.integration();
                List<String> key = new ArrayList<>();
                integration.path("cacheKeyParameters").forEach(p -> key.add(p.asText()));
                Invalidation invalidation = overrides.getOrDefault(methodSettingKey(operation.resourcePath(), method),
                        stageWide);
                methods.computeIfAbsent(operation, o -> new HashMap<>()).put(method, new MethodCaching(ttl,
                        integration.path("cacheNamespace").asText(operation.resourcePath()), List.copyOf(key),
                        invalidation.requireAuthorization(), invalidation.unauthorized()));
            }
        }
    }

    /** Reads the cache settings of the API's stage. */
    public static StageCacheSettings read(ApiDefinition api, StackTemplate stack, LocalValues values) {
        return new StageCacheSettings(api, stack, values);
    }

    /** Whether the stage has a cache cluster. */
    public boolean clusterEnabled() {
        return clusterEnabled;
    }

    /** The cluster's size in GB, as the template writes it ("0.5"). */
    public String clusterSize() {
        return clusterSize;
    }

    /** How a request of this method to this operation is cached, or null when it is not. */
    public MethodCaching of(Operation operation, String requestMethod) {
        Map<String, MethodCaching> byMethod = methods.get(operation);
        return byMethod == null ? null : byMethod.get(requestMethod);
    }

    /** The cached methods, as "GET /catalog/{proxy+}" to their caching. */
    public Map<String, MethodCaching> cachedMethods() {
        Map<String, MethodCaching> out = new TreeMap<>();
        methods.forEach((operation, byMethod) -> byMethod.forEach((method, caching) ->
                out.put(method + " " + operation.resourcePath(), caching)));
        return out;
    }

    /**
     * A method setting's value for a method: the method's own entry, else its resource's
     * {@code *} entry, else the stage-wide entries ({@code /*} with the method, then {@code *});
     * caching from an entry for every method ({@code *}) applies to GET only, as API Gateway's
     * stage-wide setting does, so for other methods the search goes on past it.
     */
    static JsonNode setting(Map<String, JsonNode> entries, String resourcePath, String method, String name) {
        String[][] order = {{resourcePath, method}, {resourcePath, "*"}, {"*", method}, {"*", "*"}};
        for (String[] candidate : order) {
            JsonNode entry = entries.get(candidate[0] + " " + candidate[1]);
            if (entry != null && entry.has(name)) {
                if (name.equals("CachingEnabled") && candidate[1].equals("*") && !method.equals("GET")) {
                    continue; // not for this method: a broader entry for the method itself may still say
                }
                return entry.get(name);
            }
        }
        return MissingNode.getInstance();
    }

    /** The stage's method settings by "resource-path method" ("/orders/{id} GET", "* *"). */
    private static Map<String, JsonNode> methodSettings(JsonNode stage) {
        Map<String, JsonNode> entries = new HashMap<>();
        for (JsonNode entry : stage.path("MethodSettings")) {
            entries.put(ApiDefinition.methodSettingPath(entry.path("ResourcePath").asText()) + " "
                    + entry.path("HttpMethod").asText(), entry);
        }
        return entries;
    }

    /** How GetStage names a method's settings: "~1orders~1{id}/GET". */
    static String methodSettingKey(String resourcePath, String method) {
        return resourcePath.replace("~", "~0").replace("/", "~1") + "/" + method;
    }

    private static JsonNode stageCacheResource(ApiDefinition api, StackTemplate stack, LocalValues values) {
        for (String id : stack.resourcesOfType(STAGE_CACHE_TYPE)) {
            JsonNode properties = values.resolve(stack.resource(id).path("Properties"));
            if (api.stageName().equals(properties.path("StageName").asText())
                    && api.apiId().equals(properties.path("RestApiId").asText())) {
                return properties;
            }
        }
        return MissingNode.getInstance();
    }
}
