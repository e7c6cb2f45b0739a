package dev.gatehouse.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class RouteIntegrationConfigTest {

    @Test
    void thePublicConstructorKeepsItsOwnCopies() {
        // Given a config built from nodes its author keeps
        ObjectNode integration = JsonNodeFactory.instance.objectNode().put("type", "mock");
        ObjectNode responses = RouteIntegrationConfig.responses("200", "OK");
        RouteIntegrationConfig config = new RouteIntegrationConfig(integration, responses);

        // When the author changes them afterwards
        integration.put("type", "http_proxy");
        responses.removeAll();

        // Then the config still holds what it was given
        assertEquals("mock", config.integrationNode().get("type").asText());
        assertEquals("OK", config.responsesNode().get("200").get("description").asText());
    }

    @Test
    void gatehousesOwnIntegrationsHandOverTheirNodes() {
        ObjectNode integration = JsonNodeFactory.instance.objectNode().put("type", "mock");
        ObjectNode responses = RouteIntegrationConfig.responses("200", "OK");
        RouteIntegrationConfig config = RouteIntegrationConfig.owning(integration, responses);
        assertSame(integration, config.integrationNode());
        assertSame(responses, config.responsesNode());
    }

    @Test
    void anOperationNeedsAResponseEitherWay() {
        ObjectNode integration = JsonNodeFactory.instance.objectNode();
        ObjectNode none = JsonNodeFactory.instance.objectNode();
        IllegalArgumentException copied = assertThrows(IllegalArgumentException.class,
                () -> new RouteIntegrationConfig(integration, none));
        assertEquals("an operation needs at least one response", copied.getMessage());
        IllegalArgumentException owned = assertThrows(IllegalArgumentException.class,
                () -> RouteIntegrationConfig.owning(integration, none));
        assertEquals("an operation needs at least one response", owned.getMessage());
    }
}
