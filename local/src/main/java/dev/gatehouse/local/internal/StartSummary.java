package dev.gatehouse.local.internal;

import dev.gatehouse.local.internal.api.ApiDefinition;
import dev.gatehouse.local.internal.api.Operation;
import dev.gatehouse.local.internal.assembly.LocalValues;
import dev.gatehouse.local.internal.cache.StageCacheSettings;
import dev.gatehouse.local.internal.lambda.FunctionSpec;
import dev.gatehouse.local.internal.lambda.LambdaFunctions;
import dev.gatehouse.local.internal.throttle.ApiKeyStep;

/**
 * What the gateway prints at start: the API and stage, each route and what serves it, the
 * stage cache's cached methods, the functions with their local ARNs, the database, the API keys' values and the development issuer.
 */
public final class StartSummary {
    private StartSummary() {
    }

    /**
     * @param database a line about the database routes, or null
     * @param issuer lines about the development issuer, or null
     */
    public static String text(ApiDefinition api, LambdaFunctions functions, ApiKeyStep apiKeys, StageCacheSettings cache,
            String database, String issuer) {
        StringBuilder text = new StringBuilder();
        text.append("REST API ").append(api.name()).append(" (").append(api.logicalId()).append(", local id ")
                .append(api.apiId()).append("), stage ").append(api.stageName()).append(", account ")
                .append(LocalValues.ACCOUNT).append(", region ").append(LocalValues.REGION).append('\n');
        text.append("Routes:\n");
        for (Operation operation : api.operations()) {
            text.append("  ").append(operation.routeKey()).append("  ->  ")
                    .append(describeIntegration(operation, functions)).append('\n');
        }
        if (cache.clusterEnabled()) {
            text.append("Stage cache (").append(cache.clusterSize()).append(" GB cluster), cached methods:")
                    .append(cache.cachedMethods().isEmpty() ? " none" : "").append('\n');
            cache.cachedMethods().forEach((method, caching) -> text.append("  ").append(method).append("  TTL ")
                    .append(caching.ttlSeconds()).append(" s, key ").append(caching.keyParameters()).append('\n'));
        }
        text.append("Functions:\n");
        for (FunctionSpec function : functions.all()) {
            text.append("  ").append(function.logicalId()).append(" ").append(function.runtime().isEmpty() ? "(no runtime)"
                    : function.runtime()).append("  ").append(function.arn()).append(function.isJava() ? ""
                    : "  (not run locally: not a Java runtime)").append('\n');
        }
        if (database != null) {
            text.append(database).append('\n');
        }
        if (!apiKeys.keys().isEmpty()) {
            text.append("API keys (send as x-api-key):\n");
            for (ApiKeyStep.ApiKey key : apiKeys.keys()) {
                text.append("  ").append(key.name()).append("  id ").append(key.id()).append("  value ").append(key.value())
                        .append(key.enabled() ? "" : "  (disabled)").append("  usage plans ").append(apiKeys.planNames(key))
                        .append('\n');
            }
        }
        if (issuer != null) {
            text.append(issuer).append('\n');
        }
        return text.toString();
    }

    private static String describeIntegration(Operation operation, LambdaFunctions functions) {
        String type = operation.integration().path("type").asText("none");
        String uri = operation.integration().path("uri").asText("");
        if (uri.contains("/functions/")) {
            return type + " " + functions.byInvocationUri(uri).map(FunctionSpec::describe).orElse(uri);
        }
        String link = operation.integration().path("connectionType").asText("").equalsIgnoreCase("VPC_LINK")
                ? " via VPC link " + operation.integration().path("connectionId").asText() : "";
        return (uri.isEmpty() ? type : type + " " + uri) + link;
    }
}
