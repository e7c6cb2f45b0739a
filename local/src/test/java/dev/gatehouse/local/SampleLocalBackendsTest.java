package dev.gatehouse.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sample routes whose backends do not run locally, given local URLs: the internal service behind a
 * VPC link (named by the link's logical id) and the checkout's Step Functions route
 * (--integration-url), served by a real local HTTP server; without a URL they answer 501 naming
 * the route and the option.
 */
class SampleLocalBackendsTest {
    private static final String SIGNED = "AWS4-HMAC-SHA256 Credential=AKIDLOCAL/20260101/us-east-1/execute-api/aws4_request,"
            + " SignedHeaders=host, Signature=abc";
    private static HttpServer internal;

    @BeforeAll
    static void serve() throws IOException {
        internal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        internal.createContext("/", exchange -> {
            byte[] body = ("{\"path\":\"" + exchange.getRequestURI().getRawPath() + "\",\"method\":\""
                    + exchange.getRequestMethod() + "\",\"body\":" + new String(exchange.getRequestBody().readAllBytes(),
                            StandardCharsets.UTF_8) + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        internal.start();
    }

    @AfterAll
    static void stop() {
        internal.stop(0);
    }

    /** The logical id of the sample's VPC link (V2), read from its template. */
    private static String vpcLinkLogicalId() throws IOException {
        JsonNode resources = new ObjectMapper().readTree(TestApps.sample().resolve("GatehouseSample.template.json")
                .toFile()).path("Resources");
        Iterator<Map.Entry<String, JsonNode>> all = resources.fields();
        while (all.hasNext()) {
            Map.Entry<String, JsonNode> resource = all.next();
            if (resource.getValue().path("Type").asText().equals("AWS::ApiGatewayV2::VpcLink")) {
                return resource.getKey();
            }
        }
        throw new AssertionError("the sample has no VPC link");
    }

    @Test
    void aVpcLinkNamedByItsLogicalIdForwardsToTheLocalUrl() throws IOException {
        String link = vpcLinkLogicalId();
        try (LocalGateway gateway = LocalGateway.Builder.create(TestApps.sample()).stack("GatehouseSample")
                .vpcLink(link, URI.create("http://127.0.0.1:" + internal.getAddress().getPort()))
                .accessLog(line -> { }).build()) {
            LocalResponse response = gateway.client().get("/internal/status").header("Authorization", SIGNED).send();

            assertEquals(200, response.status(), response.body());
            assertEquals("{\"path\":\"/internal/status\",\"method\":\"GET\",\"body\":}", response.body());
            assertTrue(gateway.summary().contains("GET /internal/{proxy+}  ->  http_proxy http://"), gateway.summary());
        }
    }

    @Test
    void withoutALocalUrlTheRouteAnswers501NamingTheLink() {
        try (LocalGateway gateway = LocalGateway.Builder.create(TestApps.sample()).stack("GatehouseSample")
                .accessLog(line -> { }).build()) {
            LocalResponse response = gateway.client().get("/internal/status").header("Authorization", SIGNED).send();

            assertEquals(501, response.status());
            assertTrue(response.body().contains("--vpc-link"), response.body());
            assertTrue(gateway.summary().contains(" via VPC link "), gateway.summary());
        }
    }

    @Test
    void aStepFunctionsRouteIsForwardedToItsIntegrationUrlElse501() {
        try (LocalGateway gateway = LocalGateway.Builder.create(TestApps.sample()).stack("GatehouseSample")
                .integrationUrl("POST /checkout", URI.create("http://127.0.0.1:" + internal.getAddress().getPort()
                        + "/checkout"))
                .accessLog(line -> { }).build()) {
            String token = gateway.issuer().token("orders:read", "orders:write");
            LocalResponse forwarded = gateway.client().post("/checkout", "{\"cart\":1}")
                    .header("Authorization", "Bearer " + token).send();

            assertEquals(200, forwarded.status(), forwarded.body());
            assertEquals("{\"path\":\"/checkout\",\"method\":\"POST\",\"body\":{\"cart\":1}}", forwarded.body());
        }
        try (LocalGateway gateway = LocalGateway.Builder.create(TestApps.sample()).stack("GatehouseSample")
                .accessLog(line -> { }).build()) {
            String token = gateway.issuer().token("orders:read", "orders:write");
            LocalResponse missing = gateway.client().post("/checkout", "{}").header("Authorization", "Bearer " + token)
                    .send();

            assertEquals(501, missing.status());
            assertTrue(missing.body().contains("POST /checkout") && missing.body().contains("--integration-url"),
                    missing.body());
        }
    }
}
