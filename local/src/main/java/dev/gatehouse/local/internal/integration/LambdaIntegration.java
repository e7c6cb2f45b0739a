package dev.gatehouse.local.internal.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gatehouse.local.internal.api.Operation;
import dev.gatehouse.local.internal.http.GatewayResult;
import dev.gatehouse.local.internal.lambda.FunctionSpec;
import dev.gatehouse.local.internal.lambda.LambdaFailure;
import dev.gatehouse.local.internal.pipeline.Exchange;
import dev.gatehouse.local.internal.pipeline.GatewayError;
import dev.gatehouse.local.internal.pipeline.ResponseType;
import java.util.Optional;

/**
 * {@code type: aws} to a Lambda function of the stack (a custom, non-proxy Lambda integration):
 * the request template makes the function's event; its result is the integration response
 * payload ({@code $input} of the response template); a function error's message is matched
 * against the selection patterns, its payload {@code {"errorMessage", "errorType"}}
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-custom-integrations.html,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/handle-errors-in-lambda-integration.html).
 */
final class LambdaIntegration implements Integration {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Operation operation;
    private final FunctionSpec function;
    private final IntegrationSetup setup;
    private final TemplateMapping mapping;
    private final long timeoutMillis;

    private LambdaIntegration(Operation operation, FunctionSpec function, IntegrationSetup setup) {
        this.operation = operation;
        this.function = function;
        this.setup = setup;
        this.mapping = new TemplateMapping(operation, setup);
        this.timeoutMillis = operation.integration().path("timeoutInMillis").asLong(LambdaProxyIntegration.DEFAULT_TIMEOUT_MILLIS);
    }

    static final class Kind implements IntegrationKind {
        @Override
        public Optional<Integration> create(Operation operation, IntegrationSetup setup) {
            JsonNode integration = operation.integration();
            String uri = integration.path("uri").asText("");
            if (!"aws".equalsIgnoreCase(integration.path("type").asText()) || !uri.contains(":lambda:path/")) {
                return Optional.empty();
            }
            return setup.functions().byInvocationUri(uri)
                    .map(function -> (Integration) new LambdaIntegration(operation, function, setup));
        }
    }

    @Override
    public GatewayResult invoke(Exchange exchange) throws GatewayError {
        String request = mapping.requestBody(exchange);
        JsonNode event;
        try {
            event = request.isBlank() ? JSON.createObjectNode() : JSON.readTree(request);
        } catch (JsonProcessingException e) {
            event = TextNode.valueOf(request);
        }
        try {
            JsonNode result = setup.functions().invoke(function, event, exchange.requestId(), timeoutMillis);
            exchange.integrationDone(200, null);
            // a success has no error message: selection patterns are matched against "" (".*" selects it too)
            return mapping.response(exchange, "", 200, null, result == null ? "null" : result.toString());
        } catch (LambdaFailure failure) {
            switch (failure.kind()) {
                case FUNCTION_ERROR: {
                    exchange.integrationDone(200, failure.getMessage());
                    String payload = JSON.createObjectNode().put("errorMessage", failure.getMessage())
                            .put("errorType", failure.errorType()).toString();
                    return mapping.response(exchange, failure.getMessage(), 200, null, payload);
                }
                case UNSUPPORTED:
                    throw new GatewayError(ResponseType.DEFAULT_5XX, 501, "Not implemented locally: "
                            + operation.routeKey() + ": " + failure.getMessage(), null);
                case TIMEOUT:
                    throw new GatewayError(ResponseType.INTEGRATION_TIMEOUT, 504, "Endpoint request timed out",
                            operation.routeKey() + ": " + failure.getMessage());
                default:
                    throw new GatewayError(ResponseType.DEFAULT_5XX, 500, "Internal server error",
                            operation.routeKey() + ": " + failure.getMessage());
            }
        }
    }
}
