package dev.gatehouse.local.internal.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.local.internal.http.Headers;
import dev.gatehouse.local.internal.mapping.InputVariable;
import dev.gatehouse.local.internal.pipeline.Exchange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The value expressions of request and response parameter mappings
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-parameter-mapping-sources.html):
 * {@code 'literal'}, {@code method.request.path|querystring|header|multivaluequerystring|multivalueheader.NAME},
 * {@code method.request.body} and {@code method.request.body.JSONPATH},
 * {@code integration.response.header|multivalueheader.NAME}, {@code integration.response.body} and
 * {@code integration.response.body.JSONPATH}, {@code context.NAME}, {@code stageVariables.NAME}.
 * Multiple values are joined with commas; a JSONPath selecting a string gives the string, anything
 * else its JSON text.
 */
final class ParameterValues {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The integration's response, for response parameter mappings. */
    record IntegrationResponse(Headers headers, String body) {
    }

    private ParameterValues() {
    }

    /**
     * The value of an expression, or null when it names nothing present.
     *
     * @param response the integration's response (response mappings), or null (request mappings)
     */
    static String value(String expression, Exchange exchange, Map<String, String> stageVariables,
            IntegrationResponse response) {
        if (expression.length() >= 2 && expression.startsWith("'") && expression.endsWith("'")) {
            return expression.substring(1, expression.length() - 1);
        }
        if (expression.startsWith("method.request.path.")) {
            return exchange.pathParameters().get(expression.substring("method.request.path.".length()));
        }
        if (expression.startsWith("method.request.querystring.")) {
            List<String> all = query(exchange, expression.substring("method.request.querystring.".length()));
            return all.isEmpty() ? null : all.get(all.size() - 1);
        }
        if (expression.startsWith("method.request.multivaluequerystring.")) {
            return joined(query(exchange, expression.substring("method.request.multivaluequerystring.".length())));
        }
        if (expression.startsWith("method.request.header.")) {
            return exchange.request().headers().last(expression.substring("method.request.header.".length()));
        }
        if (expression.startsWith("method.request.multivalueheader.")) {
            return joined(exchange.request().headers().all(expression.substring("method.request.multivalueheader.".length())));
        }
        if (expression.equals("method.request.body") || expression.startsWith("method.request.body.")) {
            return body(new String(exchange.request().body(), StandardCharsets.UTF_8),
                    expression.substring("method.request.body".length()));
        }
        if (response != null && expression.startsWith("integration.response.header.")) {
            return response.headers() == null ? null
                    : response.headers().last(expression.substring("integration.response.header.".length()));
        }
        if (response != null && expression.startsWith("integration.response.multivalueheader.")) {
            return response.headers() == null ? null
                    : joined(response.headers().all(expression.substring("integration.response.multivalueheader.".length())));
        }
        if (response != null && (expression.equals("integration.response.body")
                || expression.startsWith("integration.response.body."))) {
            return body(response.body(), expression.substring("integration.response.body".length()));
        }
        if (expression.startsWith("context.")) {
            return exchange.contextValue(expression.substring("context.".length()));
        }
        if (expression.startsWith("stageVariables.")) {
            return stageVariables.get(expression.substring("stageVariables.".length()));
        }
        return null;
    }

    /** The whole body (path ""), or the value at a JSONPath after "body" (".a.b"). */
    private static String body(String body, String path) {
        if (path.isEmpty()) {
            return body;
        }
        String json = new InputVariable(body, Map.of()).json("$" + path);
        if (json.equals("null")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(json);
            return node.isTextual() ? node.textValue() : json;
        } catch (JsonProcessingException e) {
            return json;
        }
    }

    private static List<String> query(Exchange exchange, String name) {
        return exchange.request().queryParameters().stream().filter(p -> p.getKey().equals(name))
                .map(Map.Entry::getValue).toList();
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }
}
