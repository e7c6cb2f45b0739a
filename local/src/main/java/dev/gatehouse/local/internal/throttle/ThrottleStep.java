package dev.gatehouse.local.internal.throttle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.local.internal.api.ApiDefinition;
import dev.gatehouse.local.internal.api.Operation;
import dev.gatehouse.local.internal.pipeline.Exchange;
import dev.gatehouse.local.internal.pipeline.GatewayError;
import dev.gatehouse.local.internal.pipeline.RequestStep;
import dev.gatehouse.local.internal.pipeline.ResponseType;
import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Stage throttling: each method has its own token bucket with the limits of the stage's method
 * settings (a route's own entry over the stage-wide {@code /*}/{@code *} entry), and all requests
 * share the account's bucket (10,000 requests per second, burst 5,000, unless set otherwise).
 * A request refused by any answers 429 Too Many Requests.
 */
public final class ThrottleStep implements RequestStep {
    /** API Gateway's default account limits per Region. */
    public static final ThrottleLimits ACCOUNT_DEFAULT = new ThrottleLimits(10_000.0, 5_000);

    private final TokenBucket account;
    private final Map<Operation, TokenBucket> methods = new IdentityHashMap<>();

    public ThrottleStep(ApiDefinition api, ThrottleLimits accountLimits, Clock clock) {
        this.account = new TokenBucket(accountLimits.rate(), accountLimits.burst(), clock);
        ThrottleLimits stage = ThrottleLimits.NONE;
        JsonNode settings = api.stage().path("MethodSettings");
        for (JsonNode setting : settings) {
            if (setting.path("ResourcePath").asText().equals("/*") && setting.path("HttpMethod").asText().equals("*")) {
                stage = ThrottleLimits.read(setting, "ThrottlingRateLimit", "ThrottlingBurstLimit");
            }
        }
        for (Operation operation : api.operations()) {
            ThrottleLimits limits = stage;
            for (JsonNode setting : settings) {
                String path = ApiDefinition.methodSettingPath(setting.path("ResourcePath").asText());
                String method = setting.path("HttpMethod").asText();
                if (path.equals(operation.resourcePath()) && (method.equals(operation.method()) || method.equals("*"))) {
                    limits = ThrottleLimits.read(setting, "ThrottlingRateLimit", "ThrottlingBurstLimit").over(limits);
                }
            }
            if (limits.isSet()) {
                ThrottleLimits effective = limits.over(accountLimits);
                methods.put(operation, new TokenBucket(effective.rate(), effective.burst(), clock));
            }
        }
    }

    @Override
    public void apply(Exchange exchange) throws GatewayError {
        TokenBucket method = methods.get(exchange.operation());
        if (method != null && !method.tryTake()) {
            throw new GatewayError(ResponseType.THROTTLED);
        }
        if (!account.tryTake()) {
            throw new GatewayError(ResponseType.THROTTLED);
        }
    }
}
