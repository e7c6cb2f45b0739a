package dev.gatehouse.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample app's JWT routes with the real bundled JWT authorizer and the development issuer, its
 * IAM route, and its HTTP proxy route sent to a local backend.
 */
class SampleAuthorizationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HttpServer catalog;
    private static LocalGateway gateway;

    @BeforeAll
    static void serve() throws Exception {
        catalog = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        catalog.createContext("/", exchange -> {
            byte[] body = ("{\"backendPath\":\"" + exchange.getRequestURI() + "\",\"method\":\""
                    + exchange.getRequestMethod() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Backend", "catalog");
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        catalog.start();
        gateway = LocalGateway.Builder.create(TestApps.sample()).stack("GatehouseSample")
                .integrationUrl("ANY /catalog/{proxy+}", URI.create("http://127.0.0.1:" + catalog.getAddress().getPort()))
                .build();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        catalog.stop(0);
    }

    @Test
    void jwtRouteAdmitsADevelopmentTokenAndPassesThePrincipal() throws Exception {
        assertEquals(401, gateway.client().get("/whoami").send().status());
        String token = gateway.issuer().token();
        LocalResponse whoami = gateway.client().get("/whoami").header("Authorization", "Bearer " + token).send();
        assertEquals(200, whoami.status(), whoami.body());
        JsonNode body = JSON.readTree(whoami.body());
        assertEquals("local-developer", body.path("principal").asText());
        assertEquals("/whoami", body.path("resource").asText());
    }

    @Test
    void scopesAreCheckedByTheRealAuthorizerPolicy() throws Exception {
        String withoutScope = gateway.issuer().token("orders:read");
        LocalResponse denied = gateway.client().get("/catalog/books/1")
                .header("Authorization", "Bearer " + withoutScope).send();
        assertEquals(403, denied.status(), denied.body());

        String withScope = gateway.issuer().token("catalog:read");
        LocalResponse proxied = gateway.client().get("/catalog/books/1?lang=en")
                .header("Authorization", "Bearer " + withScope).send();
        assertEquals(201, proxied.status(), proxied.body());
        assertEquals("catalog", proxied.header("X-Backend"));
        assertEquals("/api/books/1?lang=en", JSON.readTree(proxied.body()).path("backendPath").asText());
    }

    @Test
    void aForgedTokenIsRefused() {
        String token = gateway.issuer().token("catalog:read");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        assertEquals(401, gateway.client().get("/whoami").header("Authorization", "Bearer " + forged).send().status());
    }

    @Test
    void iamRouteNeedsASignatureAndAdmitsTheLocalPrincipal() {
        LocalResponse unsigned = gateway.client().get("/partner/status").send();
        assertEquals(403, unsigned.status());
        assertEquals("{\"message\":\"Missing Authentication Token\"}", unsigned.body());
    }

    @Test
    void issuerMintsTokensOverHttp() throws Exception {
        HttpResponse<String> minted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(gateway.issuer().tokenUrl() + "?scope=orders:read")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, minted.statusCode());
        assertTrue(minted.body().split("\\.").length == 3, minted.body());
        assertEquals(200, gateway.client().get("/whoami").header("Authorization", "Bearer " + minted.body()).send().status());
    }
}
