package dev.gatehouse.local.internal.integration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.local.internal.api.Operation;
import dev.gatehouse.local.internal.http.GatewayResult;
import dev.gatehouse.local.internal.http.Headers;
import dev.gatehouse.local.internal.mapping.InputVariable;
import dev.gatehouse.local.internal.mapping.MappingTemplates;
import dev.gatehouse.local.internal.pipeline.Exchange;
import dev.gatehouse.local.internal.pipeline.GatewayError;
import dev.gatehouse.local.internal.pipeline.ResponseType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The request and response mapping of non-proxy integrations (mock, and AWS/HTTP without proxy):
 * text/binary conversion ({@code contentHandling}), request templates chosen by Content-Type with
 * the passthrough behaviour, integration responses chosen by selection pattern, response
 * parameters and templates
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/integration-passthrough-behaviors.html).
 */
final class TemplateMapping {
    private static final String JSON_TYPE = "application/json";
    private static final String CONVERT_TO_TEXT = "CONVERT_TO_TEXT";
    private static final String CONVERT_TO_BINARY = "CONVERT_TO_BINARY";

    private final Operation operation;
    private final JsonNode integration;
    private final MappingTemplates templates;
    private final Map<String, String> stageVariables = new LinkedHashMap<>();
    private final List<String> binaryMediaTypes;

    TemplateMapping(Operation operation, IntegrationSetup setup) {
        this.operation = operation;
        this.integration = operation.integration();
        this.templates = setup.templates();
        this.binaryMediaTypes = setup.api().binaryMediaTypes();
        setup.api().stageVariables().fields().forEachRemaining(f -> stageVariables.put(f.getKey(), f.getValue().asText()));
    }

    /**
     * The integration request body as text (for mock and Lambda integrations); see
     * {@link #request}.
     */
    String requestBody(Exchange exchange) throws GatewayError {
        return new String(request(exchange).body(), StandardCharsets.UTF_8);
    }

    /** The integration request's payload, and what its template set in {@code $context.requestOverride}. */
    record MappedRequest(byte[] body, TemplateOverrides overrides) {
    }

    /**
     * The integration request payload: converted as the integration's {@code contentHandling}
     * says (a binary request is one whose Content-Type is a binary media type), then, if text, the
     * request template for the request's Content-Type, or the body itself as the passthrough
     * behaviour allows. A binary payload left binary, and a text one converted to binary, pass
     * without template (and without overrides)
     * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings-workflow.html).
     *
     * @throws GatewayError 415 when no template matches and passthrough is not allowed; 500 when
     *     text to convert to binary is not Base64
     */
    MappedRequest request(Exchange exchange) throws GatewayError {
        JsonNode requestTemplates = integration.path("requestTemplates");
        String contentType = mediaType(exchange.request().headers().first("Content-Type"));
        JsonNode template = requestTemplates.get(contentType == null ? JSON_TYPE : contentType);
        String handling = integration.path("contentHandling").asText("");
        byte[] raw = exchange.request().body();
        boolean binary = ProxyEvents.isBinary(contentType, binaryMediaTypes);
        if (binary && !handling.equals(CONVERT_TO_TEXT)) {
            checkPassthrough(requestTemplates);
            return new MappedRequest(raw, TemplateOverrides.NONE);
        }
        String body = binary ? Base64.getEncoder().encodeToString(raw) : new String(raw, StandardCharsets.UTF_8);
        if (handling.equals(CONVERT_TO_BINARY)) {
            return new MappedRequest(decode(body, "the request body"), TemplateOverrides.NONE);
        }
        if (template == null) {
            checkPassthrough(requestTemplates);
            return new MappedRequest(body.getBytes(StandardCharsets.UTF_8), TemplateOverrides.NONE);
        }
        TemplateOverrides overrides = new TemplateOverrides();
        return new MappedRequest(render(template.asText(), exchange, body, overrides).getBytes(StandardCharsets.UTF_8),
                overrides);
    }

    private void checkPassthrough(JsonNode requestTemplates) throws GatewayError {
        String behaviour = integration.path("passthroughBehavior").asText("when_no_match").toLowerCase(Locale.ROOT);
        boolean passThrough = behaviour.equals("when_no_match")
                || (behaviour.equals("when_no_templates") && requestTemplates.isEmpty());
        if (!passThrough) {
            throw new GatewayError(ResponseType.UNSUPPORTED_MEDIA_TYPE);
        }
    }

    private byte[] decode(String text, String what) throws GatewayError {
        try {
            return Base64.getMimeDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw new GatewayError(ResponseType.API_CONFIGURATION_ERROR, 500, "Internal server error",
                    operation.routeKey() + ": CONVERT_TO_BINARY: " + what + " is not Base64");
        }
    }

    /**
     * The method response for an integration's result: the integration response whose selection
     * pattern matches {@code selector} (the status code, or a Lambda error message), else default.
     */
    GatewayResult response(Exchange exchange, int integrationStatus, Headers integrationHeaders, String integrationBody)
            throws GatewayError {
        return response(exchange, Integer.toString(integrationStatus), integrationStatus, integrationHeaders, integrationBody);
    }

    /**
     * The method response for an integration's result, the integration response chosen by matching
     * {@code selector} against the selection patterns (a Lambda function's error message, or a
     * status code), else the default one.
     */
    GatewayResult response(Exchange exchange, String selector, int integrationStatus, Headers integrationHeaders,
            String integrationBody) throws GatewayError {
        return response(exchange, selector, integrationStatus, integrationHeaders,
                integrationBody.getBytes(StandardCharsets.UTF_8), false);
    }

    /**
     * The method response for an integration's payload, text or binary: the integration response
     * chosen by {@code selector}; its {@code contentHandling} and whether the request's first
     * Accept type is a binary media type decide whether the payload goes out binary (as it is, or
     * Base64-decoded from text, without template) or as text (as it is, or Base64-encoded from
     * binary, through the response template)
     * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings-workflow.html).
     */
    GatewayResult response(Exchange exchange, String selector, int integrationStatus, Headers integrationHeaders,
            byte[] payload, boolean payloadBinary) throws GatewayError {
        JsonNode chosen = null;
        JsonNode fallback = null;
        Iterator<Map.Entry<String, JsonNode>> responses = integration.path("responses").fields();
        while (responses.hasNext()) {
            Map.Entry<String, JsonNode> response = responses.next();
            if (response.getKey().equals("default")) {
                fallback = response.getValue();
            } else if (chosen == null && selector != null && matches(response.getKey(), selector)) {
                chosen = response.getValue();
            }
        }
        if (chosen == null) {
            chosen = fallback;
        }
        if (chosen == null) {
            throw new GatewayError(ResponseType.API_CONFIGURATION_ERROR, 500, "Internal server error",
                    operation.routeKey() + ": no integration response matches status " + selector + " and none is default");
        }
        int status = chosen.path("statusCode").asInt(integrationStatus);
        Headers headers = new Headers();
        ParameterValues.IntegrationResponse integrationResponse = new ParameterValues.IntegrationResponse(
                integrationHeaders, payloadBinary ? "" : new String(payload, StandardCharsets.UTF_8));
        Iterator<Map.Entry<String, JsonNode>> parameters = chosen.path("responseParameters").fields();
        while (parameters.hasNext()) {
            Map.Entry<String, JsonNode> parameter = parameters.next();
            String name = parameter.getKey();
            if (name.startsWith("method.response.header.")) {
                String value = ParameterValues.value(parameter.getValue().asText(), exchange, stageVariables,
                        integrationResponse);
                if (value != null) {
                    headers.set(name.substring("method.response.header.".length()), value);
                }
            }
        }
        String handling = chosen.path("contentHandling").asText("");
        String accept = mediaType(exchange.request().headers().first("Accept"));
        boolean acceptBinary = ProxyEvents.isBinary(accept, binaryMediaTypes);
        boolean binaryOut = payloadBinary ? !(handling.equals(CONVERT_TO_TEXT) || handling.isEmpty() && !acceptBinary)
                : handling.equals(CONVERT_TO_BINARY) || handling.isEmpty() && acceptBinary;
        if (binaryOut) {
            byte[] bytes = payloadBinary ? payload : decode(new String(payload, StandardCharsets.UTF_8), "the response");
            if (!headers.contains("Content-Type")) {
                String type = integrationHeaders == null ? null : integrationHeaders.last("Content-Type");
                headers.set("Content-Type", type != null ? type : acceptBinary ? accept : JSON_TYPE);
            }
            return new GatewayResult(status, headers, bytes);
        }
        String integrationBody = payloadBinary ? Base64.getEncoder().encodeToString(payload)
                : new String(payload, StandardCharsets.UTF_8);
        JsonNode responseTemplates = chosen.path("responseTemplates");
        String contentType = responseContentType(exchange, responseTemplates);
        String body = integrationBody;
        if (contentType != null) {
            TemplateOverrides overrides = new TemplateOverrides();
            body = render(responseTemplates.path(contentType).asText(), exchange, integrationBody, overrides);
            status = overrides.status(status);
            overrides.responseHeaders().forEach(headers::set);
        }
        if (!headers.contains("Content-Type")) {
            headers.set("Content-Type", contentType != null ? contentType : JSON_TYPE);
        }
        return new GatewayResult(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private String render(String template, Exchange exchange, String body, TemplateOverrides overrides)
            throws GatewayError {
        Map<String, String> query = new LinkedHashMap<>();
        exchange.request().queryParameters().forEach(e -> query.put(e.getKey(), e.getValue()));
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.request().headers().names().forEach(name -> headers.put(name, exchange.request().headers().last(name)));
        InputVariable input = new InputVariable(body, InputVariable.params(exchange.pathParameters(), query, headers));
        try {
            return templates.render(template, new MappingTemplates.Variables(input, overrides.into(exchange.contextMap()),
                    stageVariables));
        } catch (RuntimeException e) {
            // Velocity reports template errors as several runtime exception types; each is the route's configuration
            throw new GatewayError(ResponseType.API_CONFIGURATION_ERROR, 500, "Internal server error",
                    operation.routeKey() + ": mapping template failed: " + e.getMessage());
        }
    }

    /** The response template's content type: the Accept header's if present, else JSON, else the first. */
    private static String responseContentType(Exchange exchange, JsonNode responseTemplates) {
        if (responseTemplates.isEmpty()) {
            return null;
        }
        String accept = mediaType(exchange.request().headers().first("Accept"));
        if (accept != null && responseTemplates.has(accept)) {
            return accept;
        }
        if (responseTemplates.has(JSON_TYPE)) {
            return JSON_TYPE;
        }
        return responseTemplates.fieldNames().next();
    }

    /**
     * A selection pattern matched as API Gateway matches it, a Java regular expression ("API Gateway
     * uses Java pattern-style regexes for response mapping",
     * https://docs.aws.amazon.com/apigateway/latest/developerguide/handle-errors-in-lambda-integration.html)
     * against the whole value, with no flags: '.' does not match a line break, so a multi-line
     * Lambda error message needs a pattern such as "(\\n|.)+".
     */
    private static boolean matches(String pattern, String value) {
        try {
            return Pattern.compile(pattern).matcher(value).matches();
        } catch (java.util.regex.PatternSyntaxException e) {
            return false;
        }
    }

    /** "application/json; charset=utf-8" → "application/json"; null stays null. */
    static String mediaType(String header) {
        if (header == null) {
            return null;
        }
        int semicolon = header.indexOf(';');
        int comma = header.indexOf(',');
        int end = semicolon < 0 ? comma : comma < 0 ? semicolon : Math.min(semicolon, comma);
        return (end < 0 ? header : header.substring(0, end)).trim().toLowerCase(Locale.ROOT);
    }
}
