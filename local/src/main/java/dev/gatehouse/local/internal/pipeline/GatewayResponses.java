package dev.gatehouse.local.internal.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.gatehouse.local.internal.http.GatewayResult;
import dev.gatehouse.local.internal.http.Headers;
import dev.gatehouse.local.internal.mapping.InputVariable;
import dev.gatehouse.local.internal.mapping.MappingTemplates;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The responses the gateway answers itself, with the API's customizations
 * ({@code x-amazon-apigateway-gateway-responses}): a type's own status, headers and template,
 * else those of DEFAULT_4XX/DEFAULT_5XX, else API Gateway's defaults
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-gatewayResponse-definition.html).
 */
public final class GatewayResponses {
    private final JsonNode customizations;
    private final MappingTemplates templates;
    private final Map<String, String> stageVariables;

    public GatewayResponses(JsonNode customizations, MappingTemplates templates, Map<String, String> stageVariables) {
        this.customizations = customizations;
        this.templates = templates;
        this.stageVariables = stageVariables;
    }

    public GatewayResult render(GatewayError error, Exchange exchange) {
        exchange.error(error.type(), error.clientMessage());
        JsonNode own = customization(error.type().name());
        JsonNode fallback = customization(ResponseType.fallback(error.status()).name());
        int status = error.status();
        if (own.has("statusCode")) {
            status = own.path("statusCode").asInt(status);
        } else if (fallback.has("statusCode")) {
            status = fallback.path("statusCode").asInt(status);
        }
        Headers headers = new Headers().add("Content-Type", "application/json");
        addHeaders(fallback, headers, exchange);
        addHeaders(own, headers, exchange);
        headers.set("x-amzn-ErrorType", error.type().errorType());
        String template = own.path("responseTemplates").path("application/json").asText(null);
        if (template == null) {
            template = fallback.path("responseTemplates").path("application/json").asText(null);
        }
        String body = template == null ? defaultBody(error.clientMessage()) : render(template, exchange);
        return new GatewayResult(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private String render(String template, Exchange exchange) {
        InputVariable input = new InputVariable("", InputVariable.params(exchange.pathParameters(), Map.of(), Map.of()));
        try {
            return templates.render(template, new MappingTemplates.Variables(input, exchange.contextMap(), stageVariables));
        } catch (RuntimeException e) {
            // a broken customization template: fall back to API Gateway's own body
            return defaultBody(exchange.contextValue("error.message"));
        }
    }

    /** API Gateway's own body: {"message":"..."} ({"message":null} for authorizer errors). */
    static String defaultBody(String message) {
        if (message == null) {
            return "{\"message\":null}";
        }
        return "{\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }

    private void addHeaders(JsonNode customization, Headers headers, Exchange exchange) {
        Iterator<Map.Entry<String, JsonNode>> parameters = customization.path("responseParameters").fields();
        while (parameters.hasNext()) {
            Map.Entry<String, JsonNode> parameter = parameters.next();
            if (!parameter.getKey().startsWith("gatewayresponse.header.")) {
                continue;
            }
            String value = headerValue(parameter.getValue().asText(), exchange);
            if (value != null) {
                headers.set(parameter.getKey().substring("gatewayresponse.header.".length()), value);
            }
        }
    }

    private String headerValue(String expression, Exchange exchange) {
        if (expression.length() >= 2 && expression.startsWith("'") && expression.endsWith("'")) {
            return expression.substring(1, expression.length() - 1);
        }
        if (expression.startsWith("method.request.header.")) {
            return exchange.request().headers().last(expression.substring("method.request.header.".length()));
        }
        if (expression.startsWith("method.request.path.")) {
            return exchange.pathParameters().get(expression.substring("method.request.path.".length()));
        }
        if (expression.startsWith("context.")) {
            return exchange.contextValue(expression.substring("context.".length()));
        }
        if (expression.startsWith("stageVariables.")) {
            return stageVariables.get(expression.substring("stageVariables.".length()));
        }
        return null;
    }

    private JsonNode customization(String type) {
        JsonNode node = customizations.get(type);
        return node == null ? MissingNode.getInstance() : node;
    }

    /** Stage variables as text. */
    public static Map<String, String> texts(JsonNode variables) {
        Map<String, String> out = new LinkedHashMap<>();
        variables.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText()));
        return out;
    }
}
