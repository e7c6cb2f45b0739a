package dev.gatehouse.lambda.database;

import static dev.gatehouse.lambda.database.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.database.config.DatabaseEngine;
import dev.gatehouse.database.config.DatabaseRoute;
import dev.gatehouse.database.config.DatabaseRoutes;
import dev.gatehouse.database.config.ParameterLocation;
import dev.gatehouse.database.config.ParameterType;
import dev.gatehouse.database.config.ResultKind;
import dev.gatehouse.database.config.RouteParameter;
import dev.gatehouse.lambda.database.internal.JdbcConnectionFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The proxy against PostgreSQL, in a schema of its own. */
class PostgresProxyTest extends DatabaseProxyHostileContractTest {
    /** Reads numbers exactly, however long (Jackson reads at most 1000 digits by default). */
    private static final ObjectMapper LONG_DECIMALS = new ObjectMapper(JsonFactory.builder().streamReadConstraints(
            StreamReadConstraints.builder().maxNumberLength(200_000).build()).build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private String baseUrl;
    private String schema;

    @Override
    DatabaseEngine engine() {
        return DatabaseEngine.POSTGRESQL;
    }

    static Connection connect(String url) throws SQLException {
        return new org.postgresql.Driver().connect(url, new Properties());
    }

    @Override
    String createIsolatedDatabase() throws SQLException {
        baseUrl = TestDatabases.postgresUrl();
        schema = TestDatabases.uniqueName();
        try (Connection c = connect(baseUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return TestDatabases.withParameter(baseUrl, "currentSchema", schema);
    }

    @Override
    void dropIsolatedDatabase() throws SQLException {
        if (schema != null) {
            try (Connection c = connect(baseUrl); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Override
    Connection admin() throws SQLException {
        return connect(url);
    }

    @Override
    String utcSessionSql() {
        return "SET TIME ZONE 'UTC'";
    }

    @Override
    String createTablesSql() {
        return "CREATE TABLE customers (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE, name text NOT NULL);\n"
                + "CREATE TABLE orders (id bigserial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers(id),"
                + " status varchar(20) NOT NULL CHECK (status IN ('new', 'paid', 'shipped')), total numeric(10,2) NOT NULL,"
                + " paid boolean NOT NULL DEFAULT false, created_at timestamptz NOT NULL, placed_on date, note text,"
                + " data jsonb, attachment bytea, ref uuid, tags text[])";
    }

    @Override
    void fillTypedRow(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("UPDATE orders SET placed_on = '2024-05-01', data = '{\"gift\": true, \"lines\": [1, 2]}',"
                    + " attachment = '\\x000102ff', ref = '123e4567-e89b-12d3-a456-426614174000', tags = '{a,b}'"
                    + " WHERE id = 1");
        }
    }

    @Override
    String createAmountsTableSql() {
        return "CREATE TABLE amounts (id bigserial PRIMARY KEY, amount numeric NOT NULL, adjustment numeric)";
    }

    @Override
    String jsonQuerySql() {
        return "SELECT CAST(:doc AS jsonb) AS doc";
    }

    @Override
    String orderByIdSql() {
        return "SELECT id, customer_id, status, total, paid, created_at, placed_on, note, data, attachment, ref, tags"
                + " FROM orders WHERE id = :id";
    }

    @Override
    String ordersByIdsSql() {
        return "SELECT id FROM orders WHERE id = ANY(:ids) ORDER BY id";
    }

    @Override
    String updateStatusSql() {
        return "UPDATE orders SET status = :status WHERE id = :id RETURNING id, status";
    }

    @Override
    String sleepSql() {
        return "SELECT pg_sleep(:seconds)::text AS slept";
    }

    @Override
    String backendIdSql() {
        return "SELECT pg_backend_pid() AS pid";
    }

    @Override
    void terminate(long backendId) throws SQLException {
        try (Connection c = admin(); PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(?, 5000)")) {
            ps.setInt(1, (int) backendId);
            ps.execute();
        }
    }

    @Test
    void anOptionalUuidComparedWithNullNeedsNoCast() throws Exception {
        DatabaseRoutes routes = DatabaseRoutes.builder(DatabaseEngine.POSTGRESQL)
                .route(DatabaseRoute.builder("GET /by-ref")
                        .sql("SELECT id FROM orders WHERE (:ref IS NULL OR ref = :ref) ORDER BY id LIMIT 2")
                        .param(RouteParameter.builder("ref", ParameterLocation.QUERY, ParameterType.UUID).build())
                        .build())
                .build();
        try (DatabaseProxy p = DatabaseProxy.builder(routes,
                JdbcConnectionFactory.forUrl(engine(), url, Duration.ofSeconds(2), STATEMENT_TIMEOUT)).build()) {
            JsonNode all = json(p.handle(request("GET", "/by-ref", "/by-ref").build(), "x"));
            assertEquals(2, all.get("items").size(), all.toString());
            JsonNode one = json(p.handle(request("GET", "/by-ref", "/by-ref")
                    .query("ref", "123e4567-e89b-12d3-a456-426614174000").build(), "y"));
            assertEquals(1, one.get("items").size(), one.toString());
            assertEquals(1, one.at("/items/0/id").asLong());
        }
    }

    @Test
    void sqlArraysBecomeJsonArrays() throws Exception {
        JsonNode body = json(send(request("GET", "/orders/{id}", "/orders/1").path("id", "1").build()));

        assertEquals("[\"a\",\"b\"]", body.get("tags").toString());
    }

    // ---------------------------------------------------------------- numeric limits (issue 12)

    @Test
    void numbersUpToNumericsLimitsAreStoredAndReadBack() throws Exception {
        // 131072 digits before the point, 9999 after it: the most the proxy accepts
        APIGatewayProxyResponseEvent widest = postAmount("{\"amount\": 9.5e131071}");
        APIGatewayProxyResponseEvent finest = postAmount("{\"amount\": 1, \"adjustment\": 1e-9999}");

        assertEquals(201, widest.getStatusCode(), widest.getBody());
        assertEquals(201, finest.getStatusCode(), finest.getBody());
        JsonNode wide = LONG_DECIMALS.readTree(readAmount(json(widest).get("id").asLong()).getBody());
        assertEquals(0, new BigDecimal("9.5e131071").compareTo(wide.get("amount").decimalValue()));
        APIGatewayProxyResponseEvent fine = readAmount(json(finest).get("id").asLong());
        assertEquals(200, fine.getStatusCode(), fine.getBody().substring(0, 200));
        assertTrue(fine.getBody().contains("\"adjustment\":0.0000"), "plain decimal notation");
        assertEquals(0, new BigDecimal("1e-9999").compareTo(LONG_DECIMALS.readTree(fine.getBody()).get("adjustment").decimalValue()));
    }

    @Test
    void aStoredValueWithMoreDecimalPlacesThanJsonPlainNotationAllowsIsStillRead() throws Exception {
        // Given values written by someone else, with more places than the proxy accepts
        long small;
        long negative;
        try (Connection c = admin(); Statement s = c.createStatement()) {
            small = insertAmount(s, "1e-10000");
            negative = insertAmount(s, "-3e-16383");
        }

        // When the rows are read, one by one and in a list
        APIGatewayProxyResponseEvent one = readAmount(small);
        APIGatewayProxyResponseEvent other = readAmount(negative);
        APIGatewayProxyResponseEvent list = hostile.handle(request("GET", "/amounts", "/amounts").build(), "list");

        // Then every read works, the values exact in exponent notation
        assertEquals(200, one.getStatusCode(), one.getBody());
        assertEquals(0, new BigDecimal("1e-10000").compareTo(LONG_DECIMALS.readTree(one.getBody()).get("amount").decimalValue()),
                one.getBody());
        assertEquals(200, other.getStatusCode(), other.getBody());
        assertEquals(0, new BigDecimal("-3e-16383").compareTo(LONG_DECIMALS.readTree(other.getBody()).get("amount").decimalValue()));
        assertEquals(200, list.getStatusCode(), list.getBody());
    }

    private static long insertAmount(Statement s, String literal) throws SQLException {
        try (java.sql.ResultSet rs = s.executeQuery("INSERT INTO amounts (amount) VALUES (" + literal + "::numeric) RETURNING id")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private APIGatewayProxyResponseEvent readAmount(long id) {
        return hostile.handle(request("GET", "/amounts/{id}", "/amounts/" + id).path("id", Long.toString(id)).build(), "read");
    }

    // ---------------------------------------------------------------- typed NULLs (issue 12)

    @Test
    void theDocumentedNullPatternsWorkForTimestampsAndArrays() throws Exception {
        DatabaseRoutes routes = DatabaseRoutes.builder(DatabaseEngine.POSTGRESQL)
                .route(DatabaseRoute.builder("GET /since")
                        .sql("SELECT id FROM orders WHERE (:since IS NULL OR created_at >= :since) ORDER BY id")
                        .param(RouteParameter.builder("since", ParameterLocation.QUERY, ParameterType.TIMESTAMP).build())
                        .build())
                .route(DatabaseRoute.builder("GET /any")
                        .sql("SELECT id FROM orders WHERE (:ids IS NULL OR id = ANY(:ids)) ORDER BY id")
                        .param(RouteParameter.builder("ids", ParameterLocation.QUERY, ParameterType.ARRAY)
                                .items(ParameterType.INTEGER).build())
                        .build())
                .route(DatabaseRoute.builder("GET /any-of-each")
                        .sql("SELECT count(*) AS n FROM orders WHERE (:texts IS NULL OR status = ANY(:texts))"
                                + " AND (:numbers IS NULL OR total = ANY(:numbers)) AND (:flags IS NULL OR paid = ANY(:flags))"
                                + " AND (:times IS NULL OR created_at = ANY(:times)) AND (:refs IS NULL OR ref = ANY(:refs))")
                        .result(ResultKind.ONE)
                        .param(arrayOf("texts", ParameterType.STRING)).param(arrayOf("numbers", ParameterType.NUMBER))
                        .param(arrayOf("flags", ParameterType.BOOLEAN)).param(arrayOf("times", ParameterType.TIMESTAMP))
                        .param(arrayOf("refs", ParameterType.UUID))
                        .build())
                .build();
        try (DatabaseProxy p = DatabaseProxy.builder(routes,
                JdbcConnectionFactory.forUrl(engine(), url, Duration.ofSeconds(2), STATEMENT_TIMEOUT)).build()) {
            long orders = count("SELECT COUNT(*) FROM orders");

            APIGatewayProxyResponseEvent since = p.handle(request("GET", "/since", "/since").build(), "s");
            APIGatewayProxyResponseEvent any = p.handle(request("GET", "/any", "/any").build(), "a");
            APIGatewayProxyResponseEvent each = p.handle(request("GET", "/any-of-each", "/any-of-each").build(), "e");

            assertEquals(200, since.getStatusCode(), since.getBody());
            assertEquals(orders, json(since).get("items").size());
            assertEquals(200, any.getStatusCode(), any.getBody());
            assertEquals(orders, json(any).get("items").size());
            assertEquals(200, each.getStatusCode(), each.getBody());
            assertEquals(orders, json(each).get("n").asLong());
            JsonNode two = json(p.handle(request("GET", "/any", "/any").query("ids", "1", "2").build(), "t"));
            assertEquals(2, two.get("items").size(), two.toString());
        }
    }

    private static RouteParameter arrayOf(String name, ParameterType items) {
        return RouteParameter.builder(name, ParameterLocation.QUERY, ParameterType.ARRAY).items(items).build();
    }
}
