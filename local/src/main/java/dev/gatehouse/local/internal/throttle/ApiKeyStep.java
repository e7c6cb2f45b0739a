package dev.gatehouse.local.internal.throttle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.local.internal.api.ApiDefinition;
import dev.gatehouse.local.internal.api.Operation;
import dev.gatehouse.local.internal.assembly.LocalValues;
import dev.gatehouse.local.internal.assembly.StackTemplate;
import dev.gatehouse.local.internal.pipeline.Exchange;
import dev.gatehouse.local.internal.pipeline.GatewayError;
import dev.gatehouse.local.internal.pipeline.RequestStep;
import dev.gatehouse.local.internal.pipeline.ResponseType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys and usage plans, for routes that require a key: the key (from {@code x-api-key}, or the
 * authorizer's usageIdentifierKey with key source AUTHORIZER) must be an enabled key of a usage
 * plan of this stage, else 403 Forbidden; then the plan's per-key throttle (the route's own limits
 * within the plan, else the plan's) and quota apply, answering 429 Too Many Requests or Limit
 * Exceeded (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html).
 * Key values that API Gateway would generate get stable local values.
 */
public final class ApiKeyStep implements RequestStep {
    /** An API key of the stack. */
    public record ApiKey(String logicalId, String id, String name, String value, boolean enabled) {
    }

    private record Plan(String logicalId, String name, ThrottleLimits throttle, Map<String, ThrottleLimits> methods,
            JsonNode quota) {
    }

    private final Set<Operation> keyRequired = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, ApiKey> keysByValue = new LinkedHashMap<>();
    private final Map<String, List<Plan>> plansByKeyId = new LinkedHashMap<>();
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Quota> quotas = new ConcurrentHashMap<>();
    private final boolean fromAuthorizer;
    private final Clock clock;

    public ApiKeyStep(ApiDefinition api, StackTemplate stack, LocalValues values, Clock clock) {
        this.clock = clock;
        this.fromAuthorizer = api.apiKeySource().equals("AUTHORIZER");
        for (Operation operation : api.operations()) {
            List<List<String>> security = operation.security() != null ? operation.security() : api.defaultSecurity();
            for (List<String> requirement : security) {
                for (String scheme : requirement) {
                    if (isApiKeyScheme(api.securitySchemes().path(scheme))) {
                        keyRequired.add(operation);
                    }
                }
            }
        }
        for (String id : stack.resourcesOfType("AWS::ApiGateway::ApiKey")) {
            JsonNode properties = values.resolve(stack.resource(id).path("Properties"));
            String value = properties.path("Value").asText("");
            ApiKey key = new ApiKey(id, values.ref(id), properties.path("Name").asText(id),
                    value.isEmpty() ? values.id("api-key/" + id, 40) : value, properties.path("Enabled").asBoolean(false));
            keysByValue.put(key.value(), key);
        }
        Map<String, Plan> plans = new LinkedHashMap<>();
        for (String id : stack.resourcesOfType("AWS::ApiGateway::UsagePlan")) {
            JsonNode properties = stack.resource(id).path("Properties");
            Map<String, ThrottleLimits> methods = new LinkedHashMap<>();
            boolean ofStage = false;
            for (JsonNode apiStage : properties.path("ApiStages")) {
                if (api.logicalId().equals(apiStage.path("ApiId").path("Ref").asText())
                        && api.stageName().equals(values.text(apiStage.get("Stage")))) {
                    ofStage = true;
                    apiStage.path("Throttle").fields().forEachRemaining(m -> methods.put(m.getKey(),
                            ThrottleLimits.read(m.getValue(), "RateLimit", "BurstLimit")));
                }
            }
            if (ofStage) {
                JsonNode resolved = values.resolve(properties);
                plans.put(values.ref(id), new Plan(id, resolved.path("UsagePlanName").asText(id),
                        ThrottleLimits.read(resolved.path("Throttle"), "RateLimit", "BurstLimit"), methods,
                        resolved.get("Quota")));
            }
        }
        for (String id : stack.resourcesOfType("AWS::ApiGateway::UsagePlanKey")) {
            JsonNode properties = stack.resource(id).path("Properties");
            Plan plan = plans.get(values.text(properties.get("UsagePlanId")));
            if (plan != null) {
                plansByKeyId.computeIfAbsent(values.text(properties.get("KeyId")), k -> new ArrayList<>()).add(plan);
            }
        }
    }

    /** A scheme of type apiKey in the header x-api-key that is not an authorizer: API Gateway's API key. */
    static boolean isApiKeyScheme(JsonNode scheme) {
        return scheme.path("type").asText().equals("apiKey") && scheme.path("in").asText().equals("header")
                && scheme.path("name").asText().toLowerCase(Locale.ROOT).equals("x-api-key")
                && !scheme.has("x-amazon-apigateway-authtype") && !scheme.has("x-amazon-apigateway-authorizer");
    }

    /** The stack's API keys, with their local values. */
    public List<ApiKey> keys() {
        return List.copyOf(keysByValue.values());
    }

    /** The usage plans a key belongs to (names), for this stage. */
    public List<String> planNames(ApiKey key) {
        return plansByKeyId.getOrDefault(key.id(), List.of()).stream().map(Plan::name).toList();
    }

    @Override
    public void apply(Exchange exchange) throws GatewayError {
        if (!keyRequired.contains(exchange.operation())) {
            return;
        }
        String value = fromAuthorizer ? exchange.usageIdentifierKey() : exchange.request().headers().last("x-api-key");
        ApiKey key = value == null ? null : keysByValue.get(value);
        List<Plan> plans = key == null ? List.of() : plansByKeyId.getOrDefault(key.id(), List.of());
        if (key == null || !key.enabled() || plans.isEmpty()) {
            throw new GatewayError(ResponseType.INVALID_API_KEY);
        }
        exchange.identity().put("apiKey", key.value());
        exchange.identity().put("apiKeyId", key.id());
        Plan plan = plans.get(0);
        String method = exchange.operation().resourcePath() + "/" + exchange.operation().method();
        ThrottleLimits limits = plan.methods().getOrDefault(method, ThrottleLimits.NONE).over(plan.throttle());
        if (limits.isSet()) {
            ThrottleLimits effective = limits.over(ThrottleStep.ACCOUNT_DEFAULT);
            TokenBucket bucket = buckets.computeIfAbsent(plan.logicalId() + '\n' + key.id() + '\n'
                    + (plan.methods().containsKey(method) ? method : ""), k -> new TokenBucket(effective.rate(),
                    effective.burst(), clock));
            if (!bucket.tryTake()) {
                throw new GatewayError(ResponseType.THROTTLED);
            }
        }
        if (plan.quota() != null && plan.quota().has("Limit")) {
            Quota quota = quotas.computeIfAbsent(plan.logicalId() + '\n' + key.id(), k -> new Quota(
                    plan.quota().path("Limit").asLong(), plan.quota().path("Period").asText("DAY"),
                    plan.quota().path("Offset").asInt(0), clock));
            if (!quota.tryUse()) {
                throw new GatewayError(ResponseType.QUOTA_EXCEEDED);
            }
        }
    }
}
