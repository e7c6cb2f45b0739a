package dev.gatehouse.lambda.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.database.config.DatabaseEngine;
import dev.gatehouse.lambda.database.internal.CredentialsProvider;
import dev.gatehouse.lambda.database.internal.JdbcConnectionFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schema custom resource's handler against the real PostgreSQL. */
class SchemaHandlerTest {
    private final String url = TestDatabases.postgresUrl();
    private final String table = TestDatabases.uniqueName();

    private SchemaHandler handler() {
        return new SchemaHandler(JdbcConnectionFactory.forUrl(DatabaseEngine.POSTGRESQL, url, Duration.ofSeconds(5),
                Duration.ofSeconds(5)), CredentialsProvider.fixed(null));
    }

    private static Map<String, Object> event(String type, List<String> statements) {
        return Map.of("RequestType", type, "PhysicalResourceId", SchemaHandler.PHYSICAL_ID,
                "ResourceProperties", Map.of("ServiceToken", "arn:aws:lambda:eu-west-1:1:function:f", "Statements", statements));
    }

    private boolean tableExists(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                ResultSet r = c.getMetaData().getTables(null, null, name, null)) {
            return r.next();
        }
    }

    @Test
    void createAndUpdateApplyTheStatementsInOrder() throws Exception {
        List<String> schema = List.of(
                "CREATE TABLE IF NOT EXISTS " + table + " (id bigserial PRIMARY KEY, status text NOT NULL)",
                "CREATE INDEX IF NOT EXISTS " + table + "_status ON " + table + " (status)");
        Map<String, Object> created = handler().handleRequest(event("Create", schema), null);
        assertEquals(SchemaHandler.PHYSICAL_ID, created.get("PhysicalResourceId"));
        assertEquals(Map.of("Statements", "2"), created.get("Data"));
        assertTrue(tableExists(table));

        // an update runs the (idempotent) list again, with what was added
        List<String> more = List.of(schema.get(0), schema.get(1),
                "ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS note text");
        handler().handleRequest(event("Update", more), null);
        try (Connection c = DriverManager.getConnection(url);
                ResultSet r = c.getMetaData().getColumns(null, null, table, "note")) {
            assertTrue(r.next(), "the added column exists");
        }
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("DROP TABLE " + table);
        }
    }

    @Test
    void aFailingStatementLeavesNothingAndSaysWhich() throws Exception {
        List<String> schema = List.of("CREATE TABLE " + table + " (id int)", "CREATE TABLE " + table + "_b (id nonsense_type)");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> handler().handleRequest(event("Create", schema), null));
        assertTrue(e.getMessage().startsWith("the schema was not applied: statement 2 of 2 failed: "), e.getMessage());
        assertFalse(tableExists(table), "the first statement was rolled back with the second");
    }

    @Test
    void connectionErrorsAreRetriedAndOtherErrorsAreNot() throws Exception {
        JdbcConnectionFactory real = JdbcConnectionFactory.forUrl(DatabaseEngine.POSTGRESQL, url, Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        List<Duration> pauses = new java.util.ArrayList<>();
        // a proxy target still registering: refused twice, then it answers
        SchemaHandler patient = new SchemaHandler(credentials -> {
            if (attempts.incrementAndGet() <= 2) {
                throw new SQLException("Connection refused", "08001");
            }
            return real.open(credentials);
        }, CredentialsProvider.fixed(null), pauses::add);
        patient.handleRequest(event("Create", List.of("CREATE TABLE IF NOT EXISTS " + table + " (id int)")), null);
        assertEquals(3, attempts.get());
        assertEquals(List.of(SchemaHandler.RETRY_PAUSE, SchemaHandler.RETRY_PAUSE), pauses);
        assertTrue(tableExists(table));
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("DROP TABLE " + table);
        }

        // a login refused is not going to change: no retry
        attempts.set(0);
        SchemaHandler refused = new SchemaHandler(credentials -> {
            attempts.incrementAndGet();
            throw new SQLException("password authentication failed", "28P01");
        }, CredentialsProvider.fixed(null), pauses::add);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> refused.handleRequest(event("Create", List.of("SELECT 1")), null));
        assertEquals(1, attempts.get());
        assertTrue(e.getMessage().contains("could not connect to the database after 1 attempt: password authentication failed"),
                e.getMessage());

        // and a database that never answers gives up after the last attempt
        attempts.set(0);
        SchemaHandler unreachable = new SchemaHandler(credentials -> {
            attempts.incrementAndGet();
            throw new SQLException("Connection refused", "08001");
        }, CredentialsProvider.fixed(null), d -> { });
        assertTrue(assertThrows(IllegalStateException.class,
                () -> unreachable.handleRequest(event("Create", List.of("SELECT 1")), null)).getMessage()
                .contains("after " + SchemaHandler.CONNECT_ATTEMPTS + " attempts"));
        assertEquals(SchemaHandler.CONNECT_ATTEMPTS, attempts.get());
    }

    @Test
    void deleteLeavesTheDatabaseAsItIs() throws Exception {
        // a handler whose connections always fail proves nothing is opened
        SchemaHandler offline = new SchemaHandler(credentials -> {
            throw new SQLException("no connection expected");
        }, CredentialsProvider.fixed(null));
        assertEquals(Map.of("PhysicalResourceId", SchemaHandler.PHYSICAL_ID),
                offline.handleRequest(event("Delete", List.of("DROP TABLE everything")), null));
    }

    @Test
    void malformedEventsAreRefusedBeforeConnecting() {
        SchemaHandler offline = new SchemaHandler(credentials -> {
            throw new SQLException("no connection expected");
        }, CredentialsProvider.fixed(null));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> offline.handleRequest(event("Create", List.of()), null))
                .getMessage().contains("non-empty list"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> offline.handleRequest(event("Create", List.of(" ")), null))
                .getMessage().contains("blank"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> offline.handleRequest(event("Replace", List.of("x")), null))
                .getMessage().contains("unknown RequestType Replace"));
    }
}
