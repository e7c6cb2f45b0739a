package dev.gatehouse.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sample app's stage, served from its synthesized cloud assembly. */
class SampleGatewayTest {
    private static LocalGateway gateway;
    private static final List<String> ACCESS_LOG = new ArrayList<>();

    @BeforeAll
    static void serve() {
        gateway = LocalGateway.Builder.create(TestApps.sample()).stack("GatehouseSample")
                .accessLog(line -> {
                    synchronized (ACCESS_LOG) {
                        ACCESS_LOG.add(line);
                    }
                })
                .build();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void mockRouteAnswersItsTemplateAndHeaders() {
        LocalResponse health = gateway.client().get("/health").send();
        assertEquals(200, health.status());
        assertEquals("{\"status\":\"ok\"}", health.body());
        assertEquals("no-store", health.header("Cache-Control"));
        assertEquals("application/json", health.header("Content-Type"));
    }

    @Test
    void unknownRoutesAnswerMissingAuthenticationTokenWithTheDefault4xxHeaders() {
        for (LocalResponse response : List.of(gateway.client().get("/nope").send(),
                gateway.client().request("DELETE", "/health").send())) {
            assertEquals(403, response.status());
            assertEquals("{\"message\":\"Missing Authentication Token\"}", response.body());
            assertEquals("MissingAuthenticationTokenException", response.header("x-amzn-ErrorType"));
            // the sample's DEFAULT_4XX gateway response adds the CORS headers
            assertEquals("https://app.example.com", response.header("Access-Control-Allow-Origin"));
        }
    }

    @Test
    void corsPreflightIsAnsweredByTheMockOptionsRoute() {
        LocalResponse preflight = gateway.client().request("OPTIONS", "/orders")
                .header("Origin", "https://app.example.com").header("Access-Control-Request-Method", "POST").send();
        assertEquals(204, preflight.status());
        assertEquals("GET,POST,OPTIONS", preflight.header("Access-Control-Allow-Methods"));
        assertEquals("https://app.example.com", preflight.header("Access-Control-Allow-Origin"));
        assertEquals("600", preflight.header("Access-Control-Max-Age"));
    }

    @Test
    void accessLogLinesFollowTheStageFormat() {
        LocalResponse response = gateway.client().get("/health").send();
        String requestId = response.header("x-amzn-RequestId");
        String line;
        synchronized (ACCESS_LOG) {
            line = ACCESS_LOG.stream().filter(l -> l.contains(requestId)).findFirst().orElseThrow();
        }
        assertTrue(line.startsWith("{\"requestId\":\"" + requestId + "\""), line);
        assertTrue(line.contains("\"httpMethod\":\"GET\",\"resourcePath\":\"/health\",\"path\":\"/prod/health\""), line);
        assertTrue(line.contains("\"status\":\"200\""), line);
        assertTrue(line.contains("\"errorMessage\":\"-\""), line);
    }

    @Test
    void servesTheStageOnALocalPort() throws Exception {
        URI url = gateway.start();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(url.resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals("{\"status\":\"ok\"}", response.body());
            HttpResponse<String> missing = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(url.resolve("/missing")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, missing.statusCode());
        } finally {
            gateway.close();
            serve();
        }
    }
}
