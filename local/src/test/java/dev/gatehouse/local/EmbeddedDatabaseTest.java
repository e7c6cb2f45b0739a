package dev.gatehouse.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Without a database URL the gateway starts an embedded PostgreSQL at the first database request and applies the schema. */
class EmbeddedDatabaseTest {
    @Test
    void databaseRoutesRunAgainstTheEmbeddedPostgresql() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (LocalGateway gateway = LocalGateway.Builder.create(TestApps.sample()).stack("GatehouseSample")
                .out(new PrintStream(printed, true, StandardCharsets.UTF_8)).accessLog(line -> { }).build()) {
            assertTrue(gateway.summary().contains("an embedded PostgreSQL starts at the first database request"));
            String token = "Bearer " + gateway.issuer().token("orders:read", "orders:write");
            LocalResponse created = gateway.client().post("/orders", "{\"customer\":\"grace\",\"total\":3}")
                    .header("Authorization", token).send();
            assertEquals(201, created.status(), created.body());
            LocalResponse list = gateway.client().get("/orders").header("Authorization", token).send();
            assertEquals(200, list.status(), list.body());
            assertTrue(list.body().contains("grace"), list.body());
            String log = printed.toString(StandardCharsets.UTF_8);
            assertTrue(log.contains("Embedded PostgreSQL on 127.0.0.1:") && log.contains("Schema OrdersSchema"), log);
        }
    }
}
