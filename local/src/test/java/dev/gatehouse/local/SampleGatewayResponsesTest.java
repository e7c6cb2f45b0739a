package dev.gatehouse.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample's DEFAULT_5XX gateway response (CORS headers for its one web origin) on the 5xx
 * answers the gateway gives itself: an integration that cannot be reached (502, a type of its own
 * that falls back to DEFAULT_5XX) and a backend that does not run locally (501).
 */
class SampleGatewayResponsesTest {
    private static LocalGateway gateway;
    private static String token;

    @BeforeAll
    static void serve() {
        gateway = LocalGateway.Builder.create(TestApps.sample()).stack("GatehouseSample")
                .integrationUrl("ANY /catalog/{proxy+}", URI.create("http://127.0.0.1:" + closedPort() + "/api"))
                .accessLog(line -> { }).build();
        token = gateway.issuer().token("orders:read", "orders:write", "catalog:read");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** A local port nothing listens on: connections to it are refused. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertDefault5xxHeaders(LocalResponse response) {
        assertEquals("https://app.example.com", response.header("Access-Control-Allow-Origin"), response.headers().toString());
        assertEquals("Origin", response.header("Vary"));
        assertEquals("application/json", response.header("Content-Type"));
    }

    @Test
    void anUnreachableIntegrationAnswers502WithTheDefault5xxHeaders() {
        // Given the catalog route forwarded to a local port where nothing listens
        // When an authorized caller calls it
        LocalResponse response = gateway.client().get("/catalog/books").header("Authorization", "Bearer " + token).send();

        // Then API Gateway's 502 carries the headers the sample configures for DEFAULT_5XX
        assertEquals(502, response.status(), response.body());
        assertEquals("{\"message\":\"Internal server error\"}", response.body());
        assertDefault5xxHeaders(response);
    }

    @Test
    void aBackendThatDoesNotRunLocallyAnswers501WithTheDefault5xxHeaders() {
        // Given the Step Functions route without a local URL, when it is called
        LocalResponse response = gateway.client().post("/checkout", "{}").header("Authorization", "Bearer " + token).send();

        // Then the 501 is a DEFAULT_5XX answer, with its headers
        assertEquals(501, response.status(), response.body());
        assertEquals("InternalServerErrorException", response.header("x-amzn-ErrorType"));
        assertDefault5xxHeaders(response);
    }
}
