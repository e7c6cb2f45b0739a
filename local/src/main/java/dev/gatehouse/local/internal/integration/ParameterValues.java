package dev.gatehouse.local.internal.integration;

import dev.gatehouse.local.internal.http.Headers;
import dev.gatehouse.local.internal.pipeline.Exchange;
import java.util.Map;

/**
 * The value expressions of request and response parameter mappings: {@code 'literal'},
 * {@code method.request.path|querystring|header.NAME}, {@code integration.response.header.NAME},
 * {@code context.NAME}, {@code stageVariables.NAME}.
 */
final class ParameterValues {
    private ParameterValues() {
    }

    /** The value of an expression, or null when it names nothing present. */
    static String value(String expression, Exchange exchange, Map<String, String> stageVariables,
            Headers integrationHeaders) {
        if (expression.length() >= 2 && expression.startsWith("'") && expression.endsWith("'")) {
            return expression.substring(1, expression.length() - 1);
        }
        if (expression.startsWith("method.request.path.")) {
            return exchange.pathParameters().get(expression.substring("method.request.path.".length()));
        }
        if (expression.startsWith("method.request.querystring.")) {
            String name = expression.substring("method.request.querystring.".length());
            String found = null;
            for (Map.Entry<String, String> parameter : exchange.request().queryParameters()) {
                if (parameter.getKey().equals(name)) {
                    found = parameter.getValue();
                }
            }
            return found;
        }
        if (expression.startsWith("method.request.header.")) {
            return exchange.request().headers().last(expression.substring("method.request.header.".length()));
        }
        if (expression.startsWith("integration.response.header.") && integrationHeaders != null) {
            return integrationHeaders.last(expression.substring("integration.response.header.".length()));
        }
        if (expression.startsWith("context.")) {
            return exchange.contextValue(expression.substring("context.".length()));
        }
        if (expression.startsWith("stageVariables.")) {
            return stageVariables.get(expression.substring("stageVariables.".length()));
        }
        return null;
    }
}
