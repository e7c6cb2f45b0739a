package dev.gatehouse.api.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CORS in the OpenAPI document: a mock {@code OPTIONS} operation per path answering preflights,
 * and {@code x-amazon-apigateway-gateway-responses} adding the headers to API Gateway's errors.
 */
public final class CorsRendering {
    /** {@code scheme://host[:port]}, no path. */
    public static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:\\d{1,5})?");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The resolved CORS settings. */
    public record Settings(List<String> origins, List<String> allowHeaders, List<String> exposeHeaders,
            boolean credentials, long maxAgeSeconds) {
        boolean anyOrigin() {
            return origins.contains("*");
        }

        boolean singleOrigin() {
            return anyOrigin() || origins.size() == 1;
        }
    }

    private CorsRendering() {
    }

    /** The preflight operation of a path whose allowed methods are {@code methods}. */
    public static ObjectNode preflight(Settings cors, RoutePath path, List<String> methods) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (cors.singleOrigin()) {
            headers.put("Access-Control-Allow-Origin", quote(cors.anyOrigin() ? "*" : cors.origins().get(0)));
        }
        if (!cors.anyOrigin()) {
            headers.put("Vary", quote("Origin"));
        }
        headers.put("Access-Control-Allow-Methods", quote(String.join(",", methods)));
        headers.put("Access-Control-Allow-Headers", quote(String.join(",", cors.allowHeaders())));
        headers.put("Access-Control-Max-Age", quote(Long.toString(cors.maxAgeSeconds())));
        if (cors.credentials()) {
            headers.put("Access-Control-Allow-Credentials", quote("true"));
        }

        ObjectNode integration = JSON.objectNode();
        integration.put("type", "mock");
        integration.putObject("requestTemplates").put("application/json", "{\"statusCode\": 204}");
        integration.put("passthroughBehavior", "when_no_match");
        ObjectNode response = integration.putObject("responses").putObject("default");
        response.put("statusCode", "204");
        ObjectNode parameters = response.putObject("responseParameters");
        headers.forEach((name, value) -> parameters.put("method.response.header." + name, value));
        response.putObject("responseTemplates").put("application/json", cors.singleOrigin() ? "" : originTemplate(cors));

        ObjectNode responses = JSON.objectNode();
        ObjectNode noContent = responses.putObject("204");
        noContent.put("description", "CORS preflight");
        ObjectNode declared = noContent.putObject("headers");
        List<String> names = new java.util.ArrayList<>(headers.keySet());
        if (!cors.singleOrigin()) {
            names.add(0, "Access-Control-Allow-Origin");
        }
        names.forEach(name -> declared.putObject(name).putObject("schema").put("type", "string"));
        return OpenApiDocument.operation(path, null, "CORS preflight", Map.of(), responses, integration);
    }

    /**
     * Answers with the request's Origin only when it is one of the allowed origins (a static
     * header cannot name several).
     */
    private static String originTemplate(Settings cors) {
        StringBuilder condition = new StringBuilder();
        for (String origin : cors.origins()) {
            condition.append(condition.length() == 0 ? "" : " || ").append("$origin == \"").append(origin).append('"');
        }
        return "#set($origin = $input.params().header.get(\"Origin\"))\n"
                + "#if(\"$!origin\" == \"\")#set($origin = $input.params().header.get(\"origin\"))#end\n"
                + "#if(" + condition + ")\n"
                + "#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)\n"
                + "#end";
    }

    /** DEFAULT_4XX and DEFAULT_5XX with the CORS headers (authorizer 401/403 inherit DEFAULT_4XX). */
    public static ObjectNode gatewayResponses(Settings cors) {
        ObjectNode parameters = JSON.objectNode();
        if (cors.singleOrigin()) {
            parameters.put("gatewayresponse.header.Access-Control-Allow-Origin",
                    quote(cors.anyOrigin() ? "*" : cors.origins().get(0)));
        } else if (!cors.credentials()) {
            // Several origins: echo the caller's. Without credentials this exposes no more than '*'.
            parameters.put("gatewayresponse.header.Access-Control-Allow-Origin", "method.request.header.Origin");
        }
        if (!cors.anyOrigin()) {
            parameters.put("gatewayresponse.header.Vary", quote("Origin"));
        }
        if (cors.credentials() && cors.singleOrigin()) {
            parameters.put("gatewayresponse.header.Access-Control-Allow-Credentials", quote("true"));
        }
        if (!cors.exposeHeaders().isEmpty()) {
            parameters.put("gatewayresponse.header.Access-Control-Expose-Headers", quote(String.join(",", cors.exposeHeaders())));
        }
        ObjectNode responses = JSON.objectNode();
        responses.putObject("DEFAULT_4XX").set("responseParameters", parameters.deepCopy());
        responses.putObject("DEFAULT_5XX").set("responseParameters", parameters.deepCopy());
        return responses;
    }

    private static String quote(String value) {
        return "'" + value + "'";
    }
}
