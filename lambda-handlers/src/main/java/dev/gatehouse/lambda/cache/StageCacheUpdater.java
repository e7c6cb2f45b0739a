package dev.gatehouse.lambda.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Supplier;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.CacheClusterStatus;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.GetStageResponse;
import software.amazon.awssdk.services.apigateway.model.MethodSetting;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.TooManyRequestsException;

/**
 * The work of the {@code Custom::GatehouseStageCache} resource, for one stage ({@link StageCacheHandler}
 * answers CloudFormation):
 *
 * <ul>
 *   <li>On Create and Update, every method setting of the stage that has caching on gets the
 *       invalidation settings asked for ({@code requireAuthorizationForCacheControl},
 *       {@code unauthorizedCacheControlHeaderStrategy}): the resource's, or an override's for the
 *       method settings it names. Only settings that differ are patched (UpdateStage).</li>
 *   <li>On Update with {@code FlushOnDeploy} "true", when the deployment changed, the stage's
 *       cache is flushed (FlushStageCache), unless it is being created, deleted or flushed
 *       already (then it holds nothing of the old deployment that a flush would remove).</li>
 *   <li>Delete does nothing: the settings go with the stage.</li>
 * </ul>
 *
 * <p>API Gateway answers ConflictException while the stage is being changed (a cache cluster takes
 * minutes to create); those calls are retried with a pause.
 */
public final class StageCacheUpdater {
    /** Patch operations per UpdateStage call. */
    static final int PATCH_BATCH = 50;
    /** Attempts of one call answered ConflictException or TooManyRequestsException. */
    static final int ATTEMPTS = 20;
    static final Duration RETRY_PAUSE = Duration.ofSeconds(15);
    private static final String REQUIRE = "RequireAuthorizationForCacheControl";
    private static final String STRATEGY = "UnauthorizedCacheControlHeaderStrategy";

    /** How the updater waits between attempts (tests pass one that does not). */
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** What was done: the resource's physical id and its attributes. */
    public record Result(String physicalId, Map<String, String> data) {
    }

    /** The invalidation settings one cached method setting should have. */
    record Invalidation(boolean requireAuthorization, String strategy) {
    }

    private final ApiGatewayClient client;
    private final Pause pause;

    public StageCacheUpdater(ApiGatewayClient client) {
        this(client, d -> Thread.sleep(d.toMillis()));
    }

    public StageCacheUpdater(ApiGatewayClient client, Pause pause) {
        this.client = client;
        this.pause = pause;
    }

    /** Handles one custom resource event; returns the physical id and what was done. */
    public Result handle(Map<String, Object> event) {
        Object type = event.get("RequestType");
        Map<String, Object> properties = map(event.get("ResourceProperties"), "ResourceProperties");
        String restApiId = text(properties, "RestApiId");
        String stageName = text(properties, "StageName");
        String physicalId = restApiId + "/" + stageName + "/cache";
        if ("Delete".equals(type)) {
            return new Result(physicalId, Map.of());
        }
        if (!"Create".equals(type) && !"Update".equals(type)) {
            throw new IllegalArgumentException("unknown RequestType " + type + " (expected Create, Update or Delete)");
        }
        Invalidation stageWide = invalidation(properties);
        Map<String, Invalidation> overrides = overrides(properties.get("Overrides"));

        GetStageResponse stage = call(() -> client.getStage(r -> r.restApiId(restApiId).stageName(stageName)));
        List<PatchOperation> patch = patch(stage.methodSettings(), stageWide, overrides);
        for (int i = 0; i < patch.size(); i += PATCH_BATCH) {
            List<PatchOperation> batch = patch.subList(i, Math.min(patch.size(), i + PATCH_BATCH));
            call(() -> client.updateStage(r -> r.restApiId(restApiId).stageName(stageName).patchOperations(batch)));
        }

        String flushed = "false";
        if ("Update".equals(type) && "true".equals(properties.get("FlushOnDeploy"))) {
            Map<String, Object> old = map(event.get("OldResourceProperties"), "OldResourceProperties");
            if (!Objects.equals(old.get("DeploymentId"), properties.get("DeploymentId"))) {
                flushed = flush(restApiId, stageName, stage);
            }
        }
        return new Result(physicalId, Map.of("PatchOperations", Integer.toString(patch.size()), "Flushed", flushed));
    }

    /**
     * The patch operations that give every cached method setting its invalidation settings.
     *
     * @throws IllegalStateException when an override names a method setting the stage does not
     *     have, or one without caching
     */
    static List<PatchOperation> patch(Map<String, MethodSetting> settings, Invalidation stageWide,
            Map<String, Invalidation> overrides) {
        for (String key : overrides.keySet()) {
            MethodSetting setting = settings.get(key);
            if (setting == null || !Boolean.TRUE.equals(setting.cachingEnabled())) {
                throw new IllegalStateException("the stage has no cached method setting '" + key + "' to give its own "
                        + "invalidation settings; its cached method settings are " + cachedKeys(settings) + ".");
            }
        }
        List<PatchOperation> operations = new ArrayList<>();
        for (Map.Entry<String, MethodSetting> entry : new java.util.TreeMap<>(settings).entrySet()) {
            MethodSetting setting = entry.getValue();
            if (!Boolean.TRUE.equals(setting.cachingEnabled())) {
                continue;
            }
            Invalidation wanted = overrides.getOrDefault(entry.getKey(), stageWide);
            String path = "/" + entry.getKey() + "/caching/";
            if (!Objects.equals(setting.requireAuthorizationForCacheControl(), wanted.requireAuthorization())) {
                operations.add(replace(path + "requireAuthorizationForCacheControl",
                        Boolean.toString(wanted.requireAuthorization())));
            }
            if (!wanted.strategy().equals(setting.unauthorizedCacheControlHeaderStrategyAsString())) {
                operations.add(replace(path + "unauthorizedCacheControlHeaderStrategy", wanted.strategy()));
            }
        }
        return operations;
    }

    private String flush(String restApiId, String stageName, GetStageResponse stage) {
        CacheClusterStatus status = stage.cacheClusterStatus();
        if (status != CacheClusterStatus.AVAILABLE) {
            // creating, deleting or flushing: nothing of the old deployment to remove
            return "false (cache cluster " + stage.cacheClusterStatusAsString() + ")";
        }
        call(() -> client.flushStageCache(r -> r.restApiId(restApiId).stageName(stageName)));
        return "true";
    }

    /** Calls API Gateway, retrying while the stage is being changed or calls are throttled. */
    private <T> T call(Supplier<T> request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return request.get();
            } catch (ConflictException | TooManyRequestsException e) {
                if (attempt >= ATTEMPTS) {
                    throw new IllegalStateException("API Gateway still answered " + e.getClass().getSimpleName()
                            + " after " + attempt + " attempts: " + e.awsErrorDetails().errorMessage(), e);
                }
                try {
                    pause.sleep(RETRY_PAUSE);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            } catch (ApiGatewayException e) {
                throw new IllegalStateException("API Gateway refused the request (" + e.statusCode() + " "
                        + e.awsErrorDetails().errorCode() + "): " + e.awsErrorDetails().errorMessage(), e);
            }
        }
    }

    private static PatchOperation replace(String path, String value) {
        return PatchOperation.builder().op(Op.REPLACE).path(path).value(value).build();
    }

    private static List<String> cachedKeys(Map<String, MethodSetting> settings) {
        List<String> keys = new ArrayList<>();
        new TreeSet<>(settings.keySet()).forEach(key -> {
            if (Boolean.TRUE.equals(settings.get(key).cachingEnabled())) {
                keys.add(key);
            }
        });
        return keys;
    }

    // ---- The resource's properties -------------------------------------------------------------

    private static Invalidation invalidation(Map<String, Object> properties) {
        String require = text(properties, REQUIRE);
        if (!require.equals("true") && !require.equals("false")) {
            throw new IllegalArgumentException(REQUIRE + " must be \"true\" or \"false\", not \"" + require + "\"");
        }
        String strategy = text(properties, STRATEGY);
        if (!List.of("FAIL_WITH_403", "SUCCEED_WITH_RESPONSE_HEADER", "SUCCEED_WITHOUT_RESPONSE_HEADER").contains(strategy)) {
            throw new IllegalArgumentException(STRATEGY + " must be FAIL_WITH_403, SUCCEED_WITH_RESPONSE_HEADER or "
                    + "SUCCEED_WITHOUT_RESPONSE_HEADER, not \"" + strategy + "\"");
        }
        return new Invalidation(Boolean.parseBoolean(require), strategy);
    }

    /** Method setting key to its own invalidation settings. */
    private static Map<String, Invalidation> overrides(Object value) {
        Map<String, Invalidation> overrides = new HashMap<>();
        if (value == null) {
            return overrides;
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("Overrides must be a list, not " + value);
        }
        for (Object item : list) {
            Map<String, Object> override = map(item, "an item of Overrides");
            Invalidation invalidation = invalidation(override);
            if (!(override.get("MethodSettingKeys") instanceof List<?> keys)) {
                throw new IllegalArgumentException("an item of Overrides has no MethodSettingKeys list");
            }
            keys.forEach(key -> overrides.put(String.valueOf(key), invalidation));
        }
        return overrides;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String name) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(name + " must be an object, not " + value);
        }
        return (Map<String, Object>) value;
    }

    private static String text(Map<String, Object> properties, String name) {
        Object value = properties.get(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException("ResourceProperties." + name + " is missing or blank");
        }
        return text;
    }
}
