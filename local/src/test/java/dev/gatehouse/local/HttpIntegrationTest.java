package dev.gatehouse.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A non-proxy HTTP integration (type http) against a real local HTTP server: the backend gets the
 * request template's output and only the mapped parameters; its status selects the integration
 * response; payloads are converted between binary and text.
 */
class HttpIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Not UTF-8: the bytes of a PNG signature and more. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, (byte) 0xff, 0, (byte) 0xfe};
    private static final AtomicReference<JsonNode> LAST_REQUEST = new AtomicReference<>();
    private static HttpServer quotes;
    private static LocalGateway gateway;

    @BeforeAll
    static void serve() throws IOException {
        quotes = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        quotes.createContext("/", HttpIntegrationTest::answer);
        quotes.createContext("/img/", exchange -> reply(exchange, 200, "image/png", PNG));
        quotes.createContext("/upload", exchange -> reply(exchange, 200, "application/json",
                exchange.getRequestBody().readAllBytes()));
        quotes.start();
        gateway = LocalGateway.Builder.create(TestApps.probe()).stack(TestApps.PROBE_STACK)
                .integrationUrl("POST /quotes/{id}", URI.create("http://127.0.0.1:" + quotes.getAddress().getPort()))
                .integrationUrl("GET /images/{name}", URI.create("http://127.0.0.1:" + quotes.getAddress().getPort()))
                .integrationUrl("POST /images", URI.create("http://127.0.0.1:" + quotes.getAddress().getPort()))
                .accessLog(line -> { })
                .build();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        quotes.stop(0);
    }

    /** Records the request; answers its quote's "status" (default 200) with the request as "seen". */
    private static void answer(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        var seen = JSON.createObjectNode()
                .put("method", exchange.getRequestMethod())
                .put("path", exchange.getRequestURI().getRawPath())
                .put("query", exchange.getRequestURI().getRawQuery())
                .put("source", exchange.getRequestHeaders().getFirst("X-Source"))
                .put("amount", exchange.getRequestHeaders().getFirst("X-Amount"))
                .put("tenant", exchange.getRequestHeaders().getFirst("X-Tenant"))
                .put("requestId", exchange.getRequestHeaders().getFirst("X-Request-Id"))
                .put("secret", exchange.getRequestHeaders().getFirst("X-Secret"))
                .put("contentType", exchange.getRequestHeaders().getFirst("Content-Type"));
        seen.set("body", body);
        LAST_REQUEST.set(seen);
        int status = body.path("quote").path("status").asInt(200);
        byte[] response = JSON.createObjectNode().put("id", "q-1").set("seen", seen).toString()
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", "/v1/quotes/q-1");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, response.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response);
        }
    }

    private static void reply(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void aBinaryResponseGoesOutBinaryToABinaryAcceptAndBase64EncodedToAText() {
        // Given a backend answering image/png, one of the API's binary media types
        LocalResponse binary = gateway.client().get("/images/logo.png").header("Accept", "image/png").send();
        LocalResponse text = gateway.client().get("/images/logo.png").header("Accept", "application/json").send();

        // Then a client accepting it gets the bytes; one accepting text, their Base64 encoding
        assertEquals(200, binary.status());
        assertArrayEquals(PNG, binary.bodyBytes());
        assertEquals("image/png", binary.header("Content-Type"));
        assertEquals(Base64.getEncoder().encodeToString(PNG), text.body());
    }

    @Test
    void convertToTextGivesTheTemplateTheBinaryRequestInBase64() throws Exception {
        LocalResponse response = gateway.client().request("POST", "/images").header("Content-Type", "image/png")
                .body(PNG).send();

        assertEquals(200, response.status(), response.body());
        assertEquals(Base64.getEncoder().encodeToString(PNG), JSON.readTree(response.body()).path("data").asText());
    }

    @Test
    void theBackendGetsTheTemplateAndOnlyTheMappedParameters() throws Exception {
        // When a client posts a quote with query parameters and headers
        LocalResponse response = gateway.client().post("/quotes/42?currency=EUR&debug=1",
                        "{\"quote\":{\"amount\":12},\"ignored\":true}")
                .header("X-Tenant", "acme").header("X-Secret", "not for the backend").send();

        // Then the backend saw the template's body, the path variable, the mapped query parameter and headers only
        JsonNode seen = LAST_REQUEST.get();
        assertEquals("POST", seen.path("method").asText());
        assertEquals("/v1/quotes/42", seen.path("path").asText());
        assertEquals("currency=EUR", seen.path("query").asText());
        assertEquals("gatehouse", seen.path("source").asText());
        assertEquals("12", seen.path("amount").asText()); // method.request.body.quote.amount
        assertEquals("acme", seen.path("tenant").asText()); // $context.requestOverride.header.X-Tenant
        assertEquals(response.header("x-amzn-RequestId"), seen.path("requestId").asText());
        assertEquals("{\"quote\":{\"amount\":12},\"tenant\":\"acme\"}", seen.path("body").toString());
        assertEquals("application/json", seen.path("contentType").asText());
        assertNull(seen.get("secret").textValue());

        // And the 2XX integration response made the client's: its status, mapped header and template
        assertEquals(201, response.status(), response.body());
        assertEquals("/v1/quotes/q-1", response.header("Location"));
        assertEquals("q-1", response.header("X-Quote-Id")); // integration.response.body.id
        JsonNode body = JSON.readTree(response.body());
        assertEquals("q-1", body.path("id").asText());
        assertEquals("/v1/quotes/42", body.path("seen").path("path").asText());
    }

    @Test
    void theBackendsStatusSelectsTheIntegrationResponse() throws Exception {
        LocalResponse rejected = gateway.client().post("/quotes/1", "{\"quote\":{\"status\":422}}").send();
        assertEquals(400, rejected.status());
        assertEquals("{\"message\": \"rejected\"}", rejected.body());
        assertNull(rejected.header("X-Conflict"));

        // the 4XX response's template overrides the status and adds a header for a 409 ($context.responseOverride)
        LocalResponse conflict = gateway.client().post("/quotes/1", "{\"quote\":{\"status\":409}}").send();
        assertEquals(409, conflict.status());
        assertEquals("quote", conflict.header("X-Conflict"));
        assertEquals("{\"message\": \"rejected\"}", conflict.body());

        // no pattern matches a 503: the default response, whose body is the backend's as it is
        LocalResponse failed = gateway.client().post("/quotes/1", "{\"quote\":{\"status\":503}}").send();
        assertEquals(502, failed.status());
        assertEquals("q-1", JSON.readTree(failed.body()).path("id").asText());
    }

    @Test
    void aContentTypeWithoutTemplateIsRefusedWhenPassthroughIsNever() {
        LocalResponse response = gateway.client().request("POST", "/quotes/1").header("Content-Type", "text/plain")
                .body("a quote").send();

        assertEquals(415, response.status());
        assertEquals("{\"message\":\"Unsupported Media Type\"}", response.body());
    }
}
