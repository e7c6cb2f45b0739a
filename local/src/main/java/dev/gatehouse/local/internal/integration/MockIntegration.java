package dev.gatehouse.local.internal.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.local.internal.api.Operation;
import dev.gatehouse.local.internal.http.GatewayResult;
import dev.gatehouse.local.internal.pipeline.Exchange;
import dev.gatehouse.local.internal.pipeline.GatewayError;
import dev.gatehouse.local.internal.pipeline.ResponseType;
import java.util.Optional;

/**
 * {@code type: mock}: API Gateway answers itself. The request template yields
 * {@code {"statusCode": N}}; N selects the integration response, whose parameters and template
 * make the method response
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-mock-integration.html).
 */
final class MockIntegration implements Integration {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Operation operation;
    private final TemplateMapping mapping;

    private MockIntegration(Operation operation, TemplateMapping mapping) {
        this.operation = operation;
        this.mapping = mapping;
    }

    static final class Kind implements IntegrationKind {
        @Override
        public Optional<Integration> create(Operation operation, IntegrationSetup setup) {
            if (!"mock".equalsIgnoreCase(operation.integration().path("type").asText())) {
                return Optional.empty();
            }
            return Optional.of(new MockIntegration(operation, new TemplateMapping(operation, setup)));
        }
    }

    @Override
    public GatewayResult invoke(Exchange exchange) throws GatewayError {
        String request = mapping.requestBody(exchange);
        int status = 200;
        if (!request.isBlank()) {
            try {
                JsonNode statusCode = JSON.readTree(request).path("statusCode");
                if (statusCode.canConvertToInt() || statusCode.isTextual()) {
                    status = Integer.parseInt(statusCode.asText().trim());
                }
            } catch (JsonProcessingException | NumberFormatException e) {
                throw new GatewayError(ResponseType.API_CONFIGURATION_ERROR, 500, "Internal server error",
                        operation.routeKey() + ": the mock's request template did not yield {\"statusCode\": N}: "
                                + request);
            }
        }
        exchange.integrationDone(status, null);
        return mapping.response(exchange, status, null, "");
    }
}
