package dev.gatehouse.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An API whose OpenAPI document is in S3 (1,000 Lambda routes with the default settings): the
 * gateway reads the document Custom::GatehouseOpenApiDocument would publish, from its asset and
 * values in the cloud assembly, and serves every route.
 */
class LargeDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalGateway gateway;

    @BeforeAll
    static void serve() {
        gateway = LocalGateway.Builder.create(TestApps.large()).stack(TestApps.LARGE_STACK).accessLog(line -> { }).build();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void theDocumentOfAThousandRoutesIsInS3() throws IOException {
        JsonNode resources = JSON.readTree(TestApps.large().resolve(TestApps.LARGE_STACK + ".template.json").toFile())
                .path("Resources");
        JsonNode restApi = StreamSupport.stream(resources.spliterator(), false)
                .filter(r -> r.path("Type").asText().equals("AWS::ApiGateway::RestApi")).findFirst().orElseThrow();

        assertTrue(restApi.path("Properties").has("BodyS3Location"), "the RestApi's properties: "
                + restApi.path("Properties").properties().stream().map(Map.Entry::getKey).toList());
        assertFalse(restApi.path("Properties").has("Body"));
        assertTrue(StreamSupport.stream(resources.spliterator(), false)
                .anyMatch(r -> r.path("Type").asText().equals("Custom::GatehouseOpenApiDocument")));
    }

    @Test
    void everyRouteOfTheDocumentInS3IsServed() throws IOException {
        for (int route : new int[] {0, 500, TestApps.LARGE_ROUTES - 1}) {
            LocalResponse response = gateway.client().get("/r" + route + "/x").send();

            assertEquals(200, response.status(), response.body());
            JsonNode event = JSON.readTree(response.body()).path("event");
            assertEquals("/r" + route + "/{id}", event.path("resource").asText());
            assertEquals("x", event.path("pathParameters").path("id").asText());
            // deploy-time values of the document are resolved locally, as in a Body
            assertEquals(gateway.apiId(), event.path("requestContext").path("apiId").asText());
        }
        assertEquals(403, gateway.client().get("/r" + TestApps.LARGE_ROUTES + "/x").send().status());
        assertEquals(TestApps.LARGE_ROUTES, gateway.summary().lines().filter(l -> l.matches("  GET /r\\d+/\\{id}  ->.*"))
                .count());
    }
}
