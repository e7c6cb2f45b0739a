package dev.gatehouse.lambda.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EchoResponderTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final EchoHandler handler = new EchoHandler(new EchoResponder(mapper));

    @Test
    void describesTheRouteAndPrincipalButNeverHeadersOrBody() throws Exception {
        // Given a proxy event for GET /orders/{id} carrying a credential and a body
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod("GET")
                .withResource("/orders/{id}")
                .withPath("/orders/42")
                .withPathParameters(Map.of("id", "42"))
                .withQueryStringParameters(Map.of("expand", "lines"))
                .withHeaders(Map.of("Authorization", "Bearer secret-token"))
                .withBody("{\"password\":\"hunter2\"}")
                .withRequestContext(context("prod", "req-1", "user-7"));

        // When the handler answers it
        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);

        // Then the routing facts come back as JSON, and the secrets do not
        assertEquals(200, response.getStatusCode());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        JsonNode body = mapper.readTree(response.getBody());
        assertEquals("GET", body.get("method").asText());
        assertEquals("/orders/{id}", body.get("resource").asText());
        assertEquals("42", body.at("/pathParameters/id").asText());
        assertEquals("lines", body.at("/queryParameters/expand").asText());
        assertEquals("prod", body.get("stage").asText());
        assertEquals("req-1", body.get("requestId").asText());
        assertEquals("user-7", body.get("principal").asText());
        assertFalse(response.getBody().contains("secret-token"));
        assertFalse(response.getBody().contains("hunter2"));
    }

    private static APIGatewayProxyRequestEvent.ProxyRequestContext context(
            String stage, String requestId, String principal) {
        APIGatewayProxyRequestEvent.ProxyRequestContext context =
                new APIGatewayProxyRequestEvent.ProxyRequestContext().withStage(stage).withRequestId(requestId);
        context.setAuthorizer(Map.of("principalId", principal));
        return context;
    }

    @Test
    void answersAnEventWithoutParametersOrContext() throws Exception {
        APIGatewayProxyResponseEvent response = handler.handleRequest(
                new APIGatewayProxyRequestEvent().withHttpMethod("GET").withResource("/").withPath("/"), null);

        JsonNode body = mapper.readTree(response.getBody());
        assertTrue(body.get("pathParameters").isEmpty());
        assertTrue(body.get("queryParameters").isEmpty());
        assertFalse(body.has("requestId"));
    }
}
