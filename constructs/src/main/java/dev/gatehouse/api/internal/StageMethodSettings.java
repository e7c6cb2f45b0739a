package dev.gatehouse.api.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a stage's {@code MethodSettings}: one stage-wide entry ({@code /*}, {@code *}) and one
 * entry per route that overrides throttling. A per-method entry does not inherit the stage-wide
 * entry in API Gateway (omitted fields reset to their defaults, e.g. logging OFF), so each
 * override repeats the stage's logging, tracing and metrics settings.
 */
public final class StageMethodSettings {
    private StageMethodSettings() {
    }

    /** Stage-wide settings. {@code rate}/{@code burst} may be null (no stage limit). */
    public record StageWide(String loggingLevel, boolean dataTrace, boolean metrics, Double rate, Integer burst) {
    }

    /** A route's throttling override; a null limit falls back to the stage's. */
    public record RouteOverride(RoutePath path, String httpMethod, Double rate, Integer burst) {
    }

    public static List<Map<String, Object>> render(StageWide stage, List<RouteOverride> overrides) {
        List<Map<String, Object>> settings = new ArrayList<>(overrides.size() + 1);
        settings.add(entry(stage, "/*", "*", stage.rate(), stage.burst()));
        for (RouteOverride route : overrides) {
            settings.add(entry(stage, route.path().methodSettingResourcePath(), route.httpMethod(),
                    route.rate() != null ? route.rate() : stage.rate(),
                    route.burst() != null ? route.burst() : stage.burst()));
        }
        return settings;
    }

    private static Map<String, Object> entry(StageWide stage, String resourcePath, String httpMethod,
            Double rate, Integer burst) {
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
        return entry;
    }
}
