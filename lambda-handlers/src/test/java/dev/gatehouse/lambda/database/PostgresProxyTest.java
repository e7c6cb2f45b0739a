package dev.gatehouse.lambda.database;

import static dev.gatehouse.lambda.database.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.database.config.DatabaseEngine;
import dev.gatehouse.database.config.DatabaseRoute;
import dev.gatehouse.database.config.DatabaseRoutes;
import dev.gatehouse.database.config.ParameterLocation;
import dev.gatehouse.database.config.ParameterType;
import dev.gatehouse.database.config.RouteParameter;
import dev.gatehouse.lambda.database.internal.JdbcConnectionFactory;
import java.time.Duration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The proxy against PostgreSQL, in a schema of its own. */
class PostgresProxyTest extends DatabaseProxyContractTest {
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
}
