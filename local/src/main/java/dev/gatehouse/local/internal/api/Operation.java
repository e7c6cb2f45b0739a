package dev.gatehouse.local.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One method of one resource in the OpenAPI document: {@code method} is GET, POST, ... or ANY
 * ({@code x-amazon-apigateway-any-method}); {@code resourcePath} as written ({@code /orders/{id}}).
 *
 * @param definition the operation object
 * @param pathParameters the parameters declared on the path item (the operation's own come first)
 */
public record Operation(String method, String resourcePath, JsonNode definition, JsonNode pathParameters) {

    /** "GET /orders/{id}": how routes are named in messages. */
    public String routeKey() {
        return method + " " + resourcePath;
    }

    /** {@code x-amazon-apigateway-integration}, or a missing node. */
    public JsonNode integration() {
        JsonNode integration = definition.get("x-amazon-apigateway-integration");
        return integration == null ? MissingNode.getInstance() : integration;
    }

    /**
     * The security requirements: each a list of scheme names that must all pass; empty when the
     * method is open. Null when the operation does not say (the document's default applies).
     */
    public List<List<String>> security() {
        JsonNode security = definition.get("security");
        if (security == null || !security.isArray()) {
            return null;
        }
        List<List<String>> requirements = new ArrayList<>();
        for (JsonNode requirement : security) {
            List<String> names = new ArrayList<>();
            requirement.fieldNames().forEachRemaining(names::add);
            if (!names.isEmpty()) {
                requirements.add(names);
            }
        }
        return requirements;
    }

    /** The declared parameters: the operation's, then the path item's not overridden. */
    public List<JsonNode> parameters() {
        List<JsonNode> all = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (JsonNode parameter : definition.path("parameters")) {
            all.add(parameter);
            seen.add(parameter.path("in").asText() + ":" + parameter.path("name").asText());
        }
        for (JsonNode parameter : pathParameters) {
            if (!seen.contains(parameter.path("in").asText() + ":" + parameter.path("name").asText())) {
                all.add(parameter);
            }
        }
        return all;
    }
}
