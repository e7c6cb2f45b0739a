package dev.gatehouse.lambda.database;

import static dev.gatehouse.lambda.database.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gatehouse.database.config.DatabaseEngine;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The proxy against MariaDB (engine mysql), in a database of its own; skipped without GATEHOUSE_TEST_MARIADB_URL. */
class MariaDbProxyTest extends DatabaseProxyHostileContractTest {
    private String baseUrl;
    private String database;

    @Override
    DatabaseEngine engine() {
        return DatabaseEngine.MYSQL;
    }

    static Connection connect(String url) throws SQLException {
        return new org.mariadb.jdbc.Driver().connect(url, new Properties());
    }

    @Override
    String createIsolatedDatabase() throws SQLException {
        baseUrl = TestDatabases.mariadbUrl();
        database = TestDatabases.uniqueName();
        try (Connection c = connect(baseUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        return TestDatabases.withDatabase(baseUrl, database);
    }

    @Override
    void dropIsolatedDatabase() throws SQLException {
        if (database != null) {
            try (Connection c = connect(baseUrl); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE " + database);
            }
        }
    }

    @Override
    Connection admin() throws SQLException {
        return connect(url);
    }

    @Override
    String utcSessionSql() {
        return "SET time_zone = '+00:00'";
    }

    @Override
    String createTablesSql() {
        return "CREATE TABLE customers (id BIGINT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(200) NOT NULL UNIQUE,"
                + " name VARCHAR(200) NOT NULL) ENGINE=InnoDB;\n"
                + "CREATE TABLE orders (id BIGINT AUTO_INCREMENT PRIMARY KEY, customer_id BIGINT NOT NULL,"
                + " status VARCHAR(20) NOT NULL CHECK (status IN ('new', 'paid', 'shipped')), total DECIMAL(10,2) NOT NULL,"
                + " paid BOOLEAN NOT NULL DEFAULT FALSE, created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),"
                + " placed_on DATE, note TEXT, data JSON, attachment BLOB, ref CHAR(36),"
                + " FOREIGN KEY (customer_id) REFERENCES customers(id)) ENGINE=InnoDB";
    }

    @Override
    void fillTypedRow(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("UPDATE orders SET placed_on = '2024-05-01', data = '{\"gift\": true, \"lines\": [1, 2]}',"
                    + " attachment = X'000102FF', ref = '123e4567-e89b-12d3-a456-426614174000' WHERE id = 1");
        }
    }

    @Override
    String createAmountsTableSql() {
        return "CREATE TABLE amounts (id BIGINT AUTO_INCREMENT PRIMARY KEY, amount DECIMAL(65,38) NOT NULL,"
                + " adjustment DECIMAL(65,38)) ENGINE=InnoDB";
    }

    @Override
    String jsonQuerySql() {
        return "SELECT JSON_COMPACT(:doc) AS doc";
    }

    @Override
    String orderByIdSql() {
        return "SELECT id, customer_id, status, total, paid, created_at, placed_on, note, data, attachment, ref"
                + " FROM orders WHERE id = :id";
    }

    @Override
    String ordersByIdsSql() {
        return "SELECT id FROM orders WHERE id IN (:ids) ORDER BY id";
    }

    @Override
    String updateStatusSql() {
        return "UPDATE orders SET status = :status WHERE id = :id; SELECT id, status FROM orders WHERE id = :id";
    }

    @Override
    String sleepSql() {
        return "SELECT SLEEP(:seconds) AS slept";
    }

    @Override
    String backendIdSql() {
        return "SELECT CONNECTION_ID() AS pid";
    }

    @Override
    void terminate(long backendId) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("KILL CONNECTION " + backendId);
        }
    }

    // ---------------------------------------------------------------- DECIMAL limits (issue 12)

    @Test
    void numbersUpToDecimalsLimitsAreAcceptedAndOneMoreDigitIsNot() throws Exception {
        String integer = "9".repeat(27);
        String places = "1".repeat(38);

        APIGatewayProxyResponseEvent widest = postAmount("{\"amount\": " + integer + "." + places + "}");
        APIGatewayProxyResponseEvent tooManyPlaces = postAmount("{\"amount\": 1, \"adjustment\": 1e-39}");
        APIGatewayProxyResponseEvent tooManyDigits = postAmount("{\"amount\": 1" + integer + "." + places + "}");

        assertEquals(201, widest.getStatusCode(), widest.getBody());
        long id = json(widest).get("id").asLong();
        String read = hostile.handle(request("GET", "/amounts/{id}", "/amounts/" + id)
                .path("id", Long.toString(id)).build(), "r").getBody();
        assertTrue(read.contains("\"amount\":" + integer + "." + places + ","), read);
        assertEquals(400, tooManyPlaces.getStatusCode(), tooManyPlaces.getBody());
        assertEquals("must have at most 65 digits, at most 38 of them after the decimal point",
                problemOf(tooManyPlaces, "adjustment"));
        assertEquals(400, tooManyDigits.getStatusCode(), tooManyDigits.getBody());
        assertEquals(java.util.List.of("amount"), fieldNames(tooManyDigits));
    }
}
