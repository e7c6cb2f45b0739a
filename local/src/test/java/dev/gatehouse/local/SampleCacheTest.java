package dev.gatehouse.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample app's stage cache: the catalog (an HTTP proxy route, cached for every caller, here
 * sent to a real local HTTP server that counts its requests) and GET /me/summary (the echo
 * function, cached per caller for a minute).
 */
class SampleCacheTest {
    private static final AtomicInteger CATALOG_REQUESTS = new AtomicInteger();
    private static HttpServer catalog;
    private static LocalGateway gateway;

    @BeforeAll
    static void serve() throws IOException {
        catalog = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        catalog.createContext("/", exchange -> {
            int n = CATALOG_REQUESTS.incrementAndGet();
            byte[] body = ("{\"path\":\"" + exchange.getRequestURI() + "\",\"request\":" + n + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        catalog.start();
        gateway = LocalGateway.Builder.create(TestApps.sample()).stack("GatehouseSample")
                .integrationUrl("ANY /catalog/{proxy+}", URI.create("http://127.0.0.1:" + catalog.getAddress().getPort()))
                .accessLog(line -> { })
                .build();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        catalog.stop(0);
    }

    private static LocalResponse catalog(String method, String path, String token) {
        LocalResponse response = gateway.client().request(method, path).header("Authorization", "Bearer " + token).send();
        assertEquals(200, response.status(), response.body());
        return response;
    }

    @Test
    void theCatalogIsCachedForEveryCallerPerPathUntilTheStageTtlEnds() {
        String alice = gateway.issuer().token("alice", List.of("catalog:read"), Duration.ofHours(1), Map.of());
        String bob = gateway.issuer().token("bob", List.of("catalog:read"), Duration.ofHours(1), Map.of());

        // Given the books page cached by Alice's request
        int before = CATALOG_REQUESTS.get();
        String books = catalog("GET", "/catalog/books", alice).body();
        assertTrue(books.contains("\"path\":\"/api/books\""), books);

        // When Bob asks for it, with a query parameter that is not in the key, and for another page
        String forBob = catalog("GET", "/catalog/books?page=2", bob).body();
        String pens = catalog("GET", "/catalog/pens", bob).body();

        // Then the shared entry answers Bob; another path variable is another entry
        assertEquals(books, forBob);
        assertTrue(pens.contains("\"path\":\"/api/pens\""), pens);
        assertEquals(before + 2, CATALOG_REQUESTS.get());

        // And the stage's TTL (300 s) ends the entry
        gateway.clock().advance(Duration.ofSeconds(300));
        assertNotEquals(books, catalog("GET", "/catalog/books", alice).body());
        assertEquals(before + 3, CATALOG_REQUESTS.get());
    }

    @Test
    void theCatalogsWritesAreNotCached() {
        String token = gateway.issuer().token("catalog:read");
        int before = CATALOG_REQUESTS.get();

        catalog("POST", "/catalog/orders", token);
        catalog("POST", "/catalog/orders", token);

        assertEquals(before + 2, CATALOG_REQUESTS.get());
    }

    @Test
    void theSummaryIsCachedPerCallerForAMinute() {
        String alice = gateway.issuer().token("alice", List.of(), Duration.ofHours(1), Map.of());
        String bob = gateway.issuer().token("bob", List.of(), Duration.ofHours(1), Map.of());

        String aliceFirst = catalog("GET", "/me/summary", alice).body();
        String bobFirst = catalog("GET", "/me/summary", bob).body();

        assertEquals(aliceFirst, catalog("GET", "/me/summary", alice).body());
        assertNotEquals(aliceFirst, bobFirst);
        assertTrue(aliceFirst.contains("alice") && bobFirst.contains("bob"), aliceFirst + " / " + bobFirst);
        gateway.clock().advance(Duration.ofSeconds(60));
        assertNotEquals(aliceFirst, catalog("GET", "/me/summary", alice).body());
    }

    @Test
    void aCallerCannotInvalidateTheSummaryWithABearerToken() {
        String token = gateway.issuer().token("carol", List.of(), Duration.ofHours(1), Map.of());
        String cached = catalog("GET", "/me/summary", token).body();

        LocalResponse refused = gateway.client().get("/me/summary").header("Authorization", "Bearer " + token)
                .header("Cache-Control", "max-age=0").send();

        // the sample keeps API Gateway's FAIL_WITH_403; its DEFAULT_4XX response adds the CORS headers
        assertEquals(403, refused.status());
        assertEquals("https://app.example.com", refused.header("Access-Control-Allow-Origin"));
        assertEquals(cached, catalog("GET", "/me/summary", token).body());
    }
}
