package dev.gatehouse.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Completes an operation with what its integration's mappings use, as API Gateway's import
 * requires: the query string parameters and headers that request parameters are mapped from
 * (and those the route requires), and, for every integration response, a method response
 * declaring the headers its response parameters set ("Invalid mapping expression" otherwise).
 */
final class MethodDeclarations {
    private MethodDeclarations() {
    }

    /**
     * Declares the route's required parameters, then those the integration's request parameters
     * read (optional), each once, after the path parameters.
     */
    static void declareParameters(ObjectNode operation, List<String> requiredQuery, List<String> requiredHeaders) {
        for (String name : requiredQuery) {
            declare(operation, "query", name, true);
        }
        for (String name : requiredHeaders) {
            declare(operation, "header", name, true);
        }
        JsonNode mappings = operation.path("x-amazon-apigateway-integration").path("requestParameters");
        for (Map.Entry<String, JsonNode> mapping : mappings.properties()) {
            Matcher source = MappingExpressions.methodParameter(mapping.getValue().asText());
            if (source == null) {
                continue;
            }
            switch (source.group(1)) {
                case "querystring", "multivaluequerystring" -> declare(operation, "query", source.group(2), false);
                case "header", "multivalueheader" -> declare(operation, "header", source.group(2), false);
                default -> {
                    // path parameters are declared with the path
                }
            }
        }
    }

    private static void declare(ObjectNode operation, String in, String name, boolean required) {
        ArrayNode parameters = operation.has("parameters") ? (ArrayNode) operation.get("parameters")
                : operation.putArray("parameters");
        for (JsonNode parameter : parameters) {
            String declared = parameter.path("name").asText();
            boolean same = in.equals("header") ? declared.equalsIgnoreCase(name) : declared.equals(name);
            if (in.equals(parameter.path("in").asText()) && same) {
                return;
            }
        }
        ObjectNode parameter = parameters.addObject();
        parameter.put("name", name);
        parameter.put("in", in);
        parameter.put("required", required);
        parameter.putObject("schema").put("type", "string");
    }

    /**
     * Adds a method response for every status code an integration response maps to, and to each
     * the headers its response parameters set.
     */
    static void completeResponses(ObjectNode operation) {
        ObjectNode responses = (ObjectNode) operation.get("responses");
        JsonNode integrationResponses = operation.path("x-amazon-apigateway-integration").path("responses");
        for (Map.Entry<String, JsonNode> r : integrationResponses.properties()) {
            String status = r.getValue().path("statusCode").asText("");
            if (status.isEmpty()) {
                continue;
            }
            ObjectNode methodResponse = responses.has(status) ? (ObjectNode) responses.get(status)
                    : responses.putObject(status).put("description", "Integration response " + status);
            for (Map.Entry<String, JsonNode> p : r.getValue().path("responseParameters").properties()) {
                Matcher target = MappingExpressions.RESPONSE_TARGET.matcher(p.getKey());
                if (target.matches() && !hasHeader(methodResponse, target.group(1))) {
                    ObjectNode headers = methodResponse.has("headers") ? (ObjectNode) methodResponse.get("headers")
                            : methodResponse.putObject("headers");
                    headers.putObject(target.group(1)).putObject("schema").put("type", "string");
                }
            }
        }
    }

    private static boolean hasHeader(JsonNode methodResponse, String header) {
        for (Map.Entry<String, JsonNode> h : methodResponse.path("headers").properties()) {
            if (h.getKey().toLowerCase(Locale.ROOT).equals(header.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
