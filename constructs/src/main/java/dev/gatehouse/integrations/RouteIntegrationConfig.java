package dev.gatehouse.integrations;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.integrations.internal.RouteIntegrationConfigNodes;
import java.util.Objects;

/**
 * The result of binding an {@link RouteIntegration} to a route: the operation's
 * {@code x-amazon-apigateway-integration} object and its OpenAPI {@code responses}.
 */
public final class RouteIntegrationConfig {
    static {
        RouteIntegrationConfigNodes.register(new RouteIntegrationConfigNodes.Reader() {
            @Override
            public ObjectNode integration(RouteIntegrationConfig config) {
                return config.integrationNode();
            }

            @Override
            public ObjectNode responses(RouteIntegrationConfig config) {
                return config.responsesNode();
            }
        });
    }

    private final ObjectNode integration;
    private final ObjectNode responses;

    /**
     * @param integration the {@code x-amazon-apigateway-integration} object
     * @param responses the operation's {@code responses}; at least one status code
     */
    public RouteIntegrationConfig(ObjectNode integration, ObjectNode responses) {
        this(integration, responses, true);
    }

    private RouteIntegrationConfig(ObjectNode integration, ObjectNode responses, boolean copy) {
        Objects.requireNonNull(integration, "integration");
        Objects.requireNonNull(responses, "responses");
        this.integration = copy ? integration.deepCopy() : integration;
        this.responses = copy ? responses.deepCopy() : responses;
        if (this.responses.isEmpty()) {
            throw new IllegalArgumentException("an operation needs at least one response");
        }
    }

    /**
     * For Gatehouse's own integrations, which build both objects for this config alone: takes
     * them without the copies the public constructor makes (a thousand routes would make a
     * thousand).
     */
    static RouteIntegrationConfig owning(ObjectNode integration, ObjectNode responses) {
        return new RouteIntegrationConfig(integration, responses, false);
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
