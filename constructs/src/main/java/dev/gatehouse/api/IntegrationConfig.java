package dev.gatehouse.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The result of binding an {@link Integration} to a route: the operation's
 * {@code x-amazon-apigateway-integration} object and its OpenAPI {@code responses}.
 */
public final class IntegrationConfig {
    private final ObjectNode integration;
    private final ObjectNode responses;

    /**
     * @param integration the {@code x-amazon-apigateway-integration} object
     * @param responses the operation's {@code responses}; at least one status code
     */
    public IntegrationConfig(ObjectNode integration, ObjectNode responses) {
        this.integration = Objects.requireNonNull(integration, "integration").deepCopy();
        this.responses = Objects.requireNonNull(responses, "responses").deepCopy();
        if (this.responses.isEmpty()) {
            throw new IllegalArgumentException("an operation needs at least one response");
        }
    }

    /** A copy of the {@code x-amazon-apigateway-integration} object. */
    public ObjectNode getIntegration() {
        return integration.deepCopy();
    }

    /** A copy of the operation's {@code responses}. */
    public ObjectNode getResponses() {
        return responses.deepCopy();
    }

    /** A {@code responses} object with one status code and a description. */
    public static ObjectNode responses(String statusCode, String description) {
        ObjectNode responses = JsonNodeFactory.instance.objectNode();
        responses.putObject(statusCode).put("description", description);
        return responses;
    }

    /** The integration object without copying, for the renderer. */
    ObjectNode integrationNode() {
        return integration;
    }

    /** The responses object without copying, for the renderer. */
    ObjectNode responsesNode() {
        return responses;
    }
}
