package dev.gatehouse.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample's database routes: the bundled database proxy runs in-process against a database of
 * its own on GATEHOUSE_TEST_POSTGRES_URL, with the backend's schema applied at start.
 */
class DatabaseRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVER_URL = System.getenv("GATEHOUSE_TEST_POSTGRES_URL");
    private static final String DATABASE = "gatehouse_local_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static LocalGateway gateway;

    @BeforeAll
    static void serve() throws Exception {
        assumeTrue(SERVER_URL != null, "GATEHOUSE_TEST_POSTGRES_URL is not set (docs/developing.md)");
        try (Connection c = DriverManager.getConnection(SERVER_URL); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
        }
        gateway = LocalGateway.Builder.create(TestApps.sample()).stack("GatehouseSample").accessLog(line -> { })
                .databaseUrl(SERVER_URL.replaceFirst("/[^/?]+(\\?|$)", "/" + DATABASE + "$1")).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
            try (Connection c = DriverManager.getConnection(SERVER_URL); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            }
        }
    }

    @Test
    void ordersAreWrittenAndReadThroughTheRealProxyAndItsSchema() throws Exception {
        String token = "Bearer " + gateway.issuer().token("orders:read", "orders:write");
        LocalResponse created = gateway.client().post("/orders", "{\"customer\":\"ada\",\"total\":12.5}")
                .header("Authorization", token).send();
        assertEquals(201, created.status(), created.body());
        JsonNode order = JSON.readTree(created.body());
        assertEquals("ada", order.path("customer").asText());

        LocalResponse read = gateway.client().get("/orders/" + order.path("id").asLong()).header("Authorization", token).send();
        assertEquals(200, read.status(), read.body());
        assertEquals(12.5, JSON.readTree(read.body()).path("total").asDouble());

        LocalResponse list = gateway.client().get("/orders?limit=5").header("Authorization", token).send();
        assertEquals(200, list.status(), list.body());
        assertTrue(list.body().contains("\"ada\""), list.body());
    }

    @Test
    void theProxysOwnValidationAndTheAuthorizersScopesApply() {
        String reader = "Bearer " + gateway.issuer().token("orders:read");
        assertEquals(403, gateway.client().post("/orders", "{\"customer\":\"x\",\"total\":1}")
                .header("Authorization", reader).send().status());
        String writer = "Bearer " + gateway.issuer().token("orders:write");
        LocalResponse invalid = gateway.client().post("/orders", "{\"customer\":\"x\",\"total\":-1}")
                .header("Authorization", writer).send();
        assertEquals(400, invalid.status(), invalid.body());
    }
}
