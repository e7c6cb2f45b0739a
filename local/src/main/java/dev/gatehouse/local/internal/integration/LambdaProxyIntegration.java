package dev.gatehouse.local.internal.integration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.local.internal.api.Operation;
import dev.gatehouse.local.internal.http.GatewayResult;
import dev.gatehouse.local.internal.http.Headers;
import dev.gatehouse.local.internal.lambda.FunctionSpec;
import dev.gatehouse.local.internal.lambda.LambdaFailure;
import dev.gatehouse.local.internal.pipeline.Exchange;
import dev.gatehouse.local.internal.pipeline.GatewayError;
import dev.gatehouse.local.internal.pipeline.ResponseType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code type: aws_proxy} to a Lambda function of the stack: the function receives the request as
 * the proxy event and its result is the response
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html).
 * A function error or a malformed result answers 502, a throttled invocation 500, and the
 * integration timeout (29 s by default) 504, as API Gateway does.
 */
final class LambdaProxyIntegration implements Integration {
    /** API Gateway's default integration timeout. */
    static final long DEFAULT_TIMEOUT_MILLIS = 29_000;

    private final Operation operation;
    private final FunctionSpec function;
    private final IntegrationSetup setup;
    private final long timeoutMillis;
    private final List<String> binaryMediaTypes;

    private LambdaProxyIntegration(Operation operation, FunctionSpec function, IntegrationSetup setup) {
        this.operation = operation;
        this.function = function;
        this.setup = setup;
        this.timeoutMillis = operation.integration().path("timeoutInMillis").asLong(DEFAULT_TIMEOUT_MILLIS);
        this.binaryMediaTypes = setup.api().binaryMediaTypes();
    }

    static final class Kind implements IntegrationKind {
        @Override
        public Optional<Integration> create(Operation operation, IntegrationSetup setup) {
            JsonNode integration = operation.integration();
            String uri = integration.path("uri").asText("");
            if (!"aws_proxy".equalsIgnoreCase(integration.path("type").asText()) || !uri.contains(":lambda:path/")) {
                return Optional.empty();
            }
            Optional<FunctionSpec> function = setup.functions().byInvocationUri(uri);
            if (function.isEmpty()) {
                return Optional.of(NotImplementedIntegration.of(operation, "its Lambda function " + uri
                        + " is not in this stack's template, so its code is not in the assembly"));
            }
            return Optional.of(new LambdaProxyIntegration(operation, function.get(), setup));
        }
    }

    @Override
    public GatewayResult invoke(Exchange exchange) throws GatewayError {
        JsonNode event = ProxyEvents.event(exchange, setup.api().stageVariables(), binaryMediaTypes);
        JsonNode result;
        try {
            result = setup.functions().invoke(function, event, exchange.requestId(), timeoutMillis);
        } catch (LambdaFailure failure) {
            exchange.integrationDone(failure.kind() == LambdaFailure.Kind.THROTTLED ? 429 : 200, failure.getMessage());
            throw error(failure);
        }
        GatewayResult response = response(result, exchange);
        exchange.integrationDone(response.status(), null);
        return response;
    }

    private GatewayError error(LambdaFailure failure) {
        String log = operation.routeKey() + ": " + failure.getMessage();
        switch (failure.kind()) {
            case UNSUPPORTED:
                return new GatewayError(ResponseType.DEFAULT_5XX, 501, "Not implemented locally: " + operation.routeKey()
                        + ": " + failure.getMessage(), log);
            case THROTTLED:
                return new GatewayError(ResponseType.DEFAULT_5XX, 500, "Internal server error", log);
            case TIMEOUT:
                if (timeoutMillis < function.timeoutSeconds() * 1000L) {
                    return new GatewayError(ResponseType.INTEGRATION_TIMEOUT, 504, "Endpoint request timed out", log);
                }
                return new GatewayError(ResponseType.DEFAULT_5XX, 502, "Internal server error", log);
            default:
                return new GatewayError(ResponseType.DEFAULT_5XX, 502, "Internal server error", log);
        }
    }

    /** The method response from the function's result; 502 when it is not a proxy response. */
    private GatewayResult response(JsonNode result, Exchange exchange) throws GatewayError {
        if (result == null || !result.isObject() || !result.path("statusCode").canConvertToInt()
                && !result.path("statusCode").asText().matches("\\d{3}")) {
            throw malformed("statusCode is missing or not a number: " + abbreviate(result));
        }
        int status = result.path("statusCode").asInt();
        Headers headers = new Headers();
        Iterator<Map.Entry<String, JsonNode>> single = result.path("headers").fields();
        while (single.hasNext()) {
            Map.Entry<String, JsonNode> header = single.next();
            if (header.getValue().isContainerNode()) {
                throw malformed("header " + header.getKey() + " is not a string");
            }
            if (!header.getValue().isNull()) {
                headers.set(header.getKey(), header.getValue().asText());
            }
        }
        Iterator<Map.Entry<String, JsonNode>> multi = result.path("multiValueHeaders").fields();
        while (multi.hasNext()) {
            Map.Entry<String, JsonNode> header = multi.next();
            if (!header.getValue().isArray()) {
                if (header.getValue().isNull()) {
                    continue;
                }
                throw malformed("multiValueHeaders." + header.getKey() + " is not a list");
            }
            headers.remove(header.getKey());
            header.getValue().forEach(v -> headers.add(header.getKey(), v.asText()));
        }
        JsonNode bodyNode = result.path("body");
        if (bodyNode.isContainerNode()) {
            throw malformed("body is not a string");
        }
        String body = bodyNode.isMissingNode() || bodyNode.isNull() ? "" : bodyNode.asText();
        byte[] bytes;
        if (result.path("isBase64Encoded").asBoolean(false)
                && ProxyEvents.isBinary(exchange.request().headers().first("Accept"), binaryMediaTypes)) {
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new GatewayError(ResponseType.API_CONFIGURATION_ERROR, 500, "Internal server error",
                        operation.routeKey() + ": isBase64Encoded is true but the body is not base64");
            }
        } else {
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        if (!headers.contains("Content-Type")) {
            headers.set("Content-Type", "application/json");
        }
        return new GatewayResult(status, headers, bytes);
    }

    private GatewayError malformed(String why) {
        return new GatewayError(ResponseType.DEFAULT_5XX, 502, "Internal server error", operation.routeKey()
                + ": Malformed Lambda proxy response from " + function.describe() + ": " + why);
    }

    private static String abbreviate(JsonNode node) {
        String text = String.valueOf(node);
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
