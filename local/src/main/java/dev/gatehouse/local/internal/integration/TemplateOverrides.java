package dev.gatehouse.local.internal.integration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one mapping template set in {@code $context.requestOverride} (header, querystring, path)
 * or {@code $context.responseOverride} (header, status): values that replace the integration
 * request's parameters after the parameter mappings, or the method response's status and headers
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-override-request-response-parameters.html).
 */
final class TemplateOverrides {
    /** No overrides (a payload that passed without template). */
    static final TemplateOverrides NONE = new TemplateOverrides();

    private final Map<String, Object> requestHeader = new LinkedHashMap<>();
    private final Map<String, Object> requestQuery = new LinkedHashMap<>();
    private final Map<String, Object> requestPath = new LinkedHashMap<>();
    private final Map<String, Object> responseHeader = new LinkedHashMap<>();
    private final Map<String, Object> response = new LinkedHashMap<>();

    /** Adds the override maps a template sets to its {@code $context}. */
    Map<String, Object> into(Map<String, Object> context) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("header", requestHeader);
        request.put("querystring", requestQuery);
        request.put("path", requestPath);
        context.put("requestOverride", request);
        response.put("header", responseHeader);
        context.put("responseOverride", response);
        return context;
    }

    Map<String, String> requestHeaders() {
        return texts(requestHeader);
    }

    Map<String, String> requestQuery() {
        return texts(requestQuery);
    }

    Map<String, String> requestPath() {
        return texts(requestPath);
    }

    Map<String, String> responseHeaders() {
        return texts(responseHeader);
    }

    /**
     * The status the template set, or {@code otherwise} when it set none or one that is not a
     * number.
     */
    int status(int otherwise) {
        Object status = response.get("status");
        if (status == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(status.toString().trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static Map<String, String> texts(Map<String, Object> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value != null) {
                out.put(name, value.toString());
            }
        });
        return out;
    }
}
