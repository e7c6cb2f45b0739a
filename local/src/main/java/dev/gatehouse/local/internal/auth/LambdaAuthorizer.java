package dev.gatehouse.local.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.local.internal.api.ApiDefinition;
import dev.gatehouse.local.internal.assembly.LocalValues;
import dev.gatehouse.local.internal.integration.ProxyEvents;
import dev.gatehouse.local.internal.lambda.FunctionSpec;
import dev.gatehouse.local.internal.lambda.LambdaFailure;
import dev.gatehouse.local.internal.lambda.LambdaFunctions;
import dev.gatehouse.local.internal.pipeline.Exchange;
import dev.gatehouse.local.internal.pipeline.GatewayError;
import dev.gatehouse.local.internal.pipeline.ResponseType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Lambda authorizer (TOKEN or REQUEST) invoked as API Gateway invokes it: a missing identity
 * source (or a token failing the validation expression) answers 401 without invoking; results are
 * cached per identity source for the TTL; the returned policy is evaluated against the method ARN
 * on every request, cached or not; the context reaches the integration
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-use-lambda-authorizer.html).
 */
final class LambdaAuthorizer implements Authorizer {
    /** How long API Gateway waits for an authorizer. */
    static final long TIMEOUT_MILLIS = 29_000;

    private final String name;
    private final boolean token;
    private final List<String> identitySources;
    private final Pattern validation;
    private final int ttlSeconds;
    private final FunctionSpec function;
    private final LambdaFunctions functions;
    private final AuthorizerCache cache;
    private final ApiDefinition api;

    LambdaAuthorizer(String name, boolean token, List<String> identitySources, Pattern validation, int ttlSeconds,
            FunctionSpec function, LambdaFunctions functions, AuthorizerCache cache, ApiDefinition api) {
        this.name = name;
        this.token = token;
        this.identitySources = identitySources;
        this.validation = validation;
        this.ttlSeconds = ttlSeconds;
        this.function = function;
        this.functions = functions;
        this.cache = cache;
        this.api = api;
    }

    @Override
    public void authorize(Exchange exchange) throws GatewayError {
        List<String> identity = new ArrayList<>();
        for (String source : identitySources) {
            String value = identityValue(source, exchange);
            if (value == null || value.isEmpty()) {
                exchange.authorizerError("missing identity source " + source);
                throw new GatewayError(ResponseType.UNAUTHORIZED);
            }
            identity.add(value);
        }
        String methodArn = methodArn(exchange);
        String key = name + '\n' + String.join("\n", identity);
        // a cached result's token passed the validation expression already: the check runs on a miss
        AuthorizerResult result = ttlSeconds > 0 && !identity.isEmpty() ? cache.get(key) : null;
        if (result == null) {
            if (token && validation != null && !validation.matcher(identity.get(0)).matches()) {
                exchange.authorizerError("the token does not match the identity validation expression");
                throw new GatewayError(ResponseType.UNAUTHORIZED);
            }
            long start = System.nanoTime();
            result = invoke(exchange, identity, methodArn);
            exchange.authorizer().put("integrationLatency", (System.nanoTime() - start) / 1_000_000);
            if (ttlSeconds > 0 && !identity.isEmpty()) {
                cache.put(key, result, ttlSeconds);
            }
        }
        switch (PolicyDecision.evaluate(result.policyDocument(), methodArn)) {
            case EXPLICIT_DENY:
                throw new GatewayError(ResponseType.ACCESS_DENIED,
                        "User is not authorized to access this resource with an explicit deny");
            case IMPLICIT_DENY:
                throw new GatewayError(ResponseType.ACCESS_DENIED);
            default:
                break;
        }
        exchange.authorizer().put("principalId", result.principalId());
        exchange.authorizer().putAll(result.context());
        exchange.usageIdentifierKey(result.usageIdentifierKey());
    }

    /** {@code arn:aws:execute-api:region:account:apiId/stage/METHOD/path}, the path without its leading slash. */
    static String methodArn(Exchange exchange) {
        String path = exchange.request().path();
        return "arn:" + LocalValues.PARTITION + ":execute-api:" + LocalValues.REGION + ":" + exchange.stage().accountId()
                + ":" + exchange.stage().apiId() + "/" + exchange.stage().stageName() + "/" + exchange.request().method()
                + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }

    private String identityValue(String source, Exchange exchange) {
        if (source.startsWith("method.request.header.")) {
            return exchange.request().headers().last(source.substring("method.request.header.".length()));
        }
        if (source.startsWith("method.request.querystring.")) {
            String parameter = source.substring("method.request.querystring.".length());
            String found = null;
            for (Map.Entry<String, String> entry : exchange.request().queryParameters()) {
                if (entry.getKey().equals(parameter)) {
                    found = entry.getValue();
                }
            }
            return found;
        }
        if (source.startsWith("stageVariables.")) {
            return api.stageVariables().path(source.substring("stageVariables.".length())).asText(null);
        }
        if (source.startsWith("context.")) {
            return exchange.contextValue(source.substring("context.".length()));
        }
        return null;
    }

    private AuthorizerResult invoke(Exchange exchange, List<String> identity, String methodArn) throws GatewayError {
        ObjectNode event;
        if (token) {
            event = JsonNodeFactory.instance.objectNode();
            event.put("type", "TOKEN");
            event.put("authorizationToken", identity.get(0));
            event.put("methodArn", methodArn);
        } else {
            event = ProxyEvents.requestParts(exchange, api.stageVariables());
            event.put("type", "REQUEST");
            event.put("methodArn", methodArn);
            event.set("requestContext", ProxyEvents.requestContext(exchange, false));
        }
        JsonNode output;
        try {
            output = functions.invoke(function, event, exchange.requestId(), TIMEOUT_MILLIS);
        } catch (LambdaFailure failure) {
            if (failure.kind() == LambdaFailure.Kind.FUNCTION_ERROR && "Unauthorized".equals(failure.getMessage())) {
                exchange.authorizerError("the authorizer answered Unauthorized");
                throw new GatewayError(ResponseType.UNAUTHORIZED);
            }
            exchange.authorizerError(failure.getMessage());
            throw new GatewayError(ResponseType.AUTHORIZER_FAILURE, 500, null, "authorizer " + name + " failed: "
                    + failure.getMessage());
        }
        return result(output, exchange);
    }

    private AuthorizerResult result(JsonNode output, Exchange exchange) throws GatewayError {
        JsonNode principal = PolicyDecision.field(output, "principalId");
        JsonNode policy = PolicyDecision.field(output, "policyDocument");
        if (!principal.isValueNode() || !policy.isObject()) {
            throw configurationError(exchange, "its output has no principalId or no policyDocument: " + output);
        }
        Map<String, Object> context = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> values = PolicyDecision.field(output, "context").fields();
        while (values.hasNext()) {
            Map.Entry<String, JsonNode> value = values.next();
            JsonNode v = value.getValue();
            if (v.isContainerNode()) {
                throw configurationError(exchange, "context value '" + value.getKey()
                        + "' is an object or array; only strings, numbers and booleans are allowed");
            }
            context.put(value.getKey(), v.isNumber() ? v.numberValue() : v.isBoolean() ? v.booleanValue() : v.asText());
        }
        JsonNode key = PolicyDecision.field(output, "usageIdentifierKey");
        return new AuthorizerResult(principal.asText(), policy, context, key.isTextual() ? key.asText() : null);
    }

    private GatewayError configurationError(Exchange exchange, String why) {
        exchange.authorizerError(why);
        return new GatewayError(ResponseType.AUTHORIZER_CONFIGURATION_ERROR, 500, null, "authorizer " + name + " ("
                + function.describe() + "): " + why);
    }
}
