package dev.gatehouse.local.internal.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.local.internal.api.ApiDefinition;
import dev.gatehouse.local.internal.api.Operation;
import dev.gatehouse.local.internal.pipeline.Exchange;
import dev.gatehouse.local.internal.pipeline.GatewayError;
import dev.gatehouse.local.internal.pipeline.RequestStep;
import dev.gatehouse.local.internal.pipeline.ResponseType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Request validation by the method's request validator: required query string parameters and
 * headers must be present ({@code 400 "Missing required request parameters: [a, b]"}), and a JSON
 * body must match the request body's schema ({@code 400 "Invalid request body"})
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html).
 */
public final class ValidationStep implements RequestStep {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiDefinition api;
    private final SchemaCheck schemas;

    public ValidationStep(ApiDefinition api) {
        this.api = api;
        this.schemas = new SchemaCheck(api.document());
    }

    @Override
    public void apply(Exchange exchange) throws GatewayError {
        Operation operation = exchange.operation();
        JsonNode validator = validator(operation);
        if (validator.path("validateRequestParameters").asBoolean(false)) {
            List<String> missing = missingParameters(operation, exchange);
            if (!missing.isEmpty()) {
                throw new GatewayError(ResponseType.BAD_REQUEST_PARAMETERS,
                        "Missing required request parameters: [" + String.join(", ", missing) + "]");
            }
        }
        if (validator.path("validateRequestBody").asBoolean(false)) {
            checkBody(operation, exchange);
        }
    }

    private JsonNode validator(Operation operation) {
        String name = operation.definition().path("x-amazon-apigateway-request-validator").asText(
                api.document().path("x-amazon-apigateway-request-validator").asText(""));
        return api.document().path("x-amazon-apigateway-request-validators").path(name);
    }

    private static List<String> missingParameters(Operation operation, Exchange exchange) {
        List<String> missing = new ArrayList<>();
        for (JsonNode parameter : operation.parameters()) {
            if (!parameter.path("required").asBoolean(false)) {
                continue;
            }
            String name = parameter.path("name").asText();
            switch (parameter.path("in").asText()) {
                case "query" -> {
                    boolean present = false;
                    for (Map.Entry<String, String> query : exchange.request().queryParameters()) {
                        present |= query.getKey().equals(name);
                    }
                    if (!present) {
                        missing.add(name);
                    }
                }
                case "header" -> {
                    if (!exchange.request().headers().contains(name)) {
                        missing.add(name);
                    }
                }
                default -> {
                    // path parameters are always there once the route matched
                }
            }
        }
        return missing;
    }

    private void checkBody(Operation operation, Exchange exchange) throws GatewayError {
        JsonNode content = operation.definition().path("requestBody").path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return;
        }
        String type = exchange.request().headers().first("Content-Type");
        String mediaType = type == null ? "application/json" : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
        JsonNode media = content.get(mediaType);
        if (media == null) {
            media = content.get("application/json");
        }
        JsonNode schema = media == null ? null : media.get("schema");
        if (schema == null) {
            return;
        }
        JsonNode body;
        try {
            byte[] bytes = exchange.request().body();
            body = bytes.length == 0 ? JSON.nullNode() : JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new GatewayError(ResponseType.BAD_REQUEST_BODY);
        } catch (java.io.IOException e) {
            throw new GatewayError(ResponseType.BAD_REQUEST_BODY);
        }
        if (!schemas.valid(schema, body)) {
            throw new GatewayError(ResponseType.BAD_REQUEST_BODY);
        }
    }
}
