package dev.gatehouse.lambda.database;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gatehouse.database.config.DatabaseEngine;
import dev.gatehouse.database.config.DatabaseRoute;
import dev.gatehouse.database.config.DatabaseRoutes;
import dev.gatehouse.database.config.Pagination;
import dev.gatehouse.database.config.ParameterLocation;
import dev.gatehouse.database.config.ParameterType;
import dev.gatehouse.database.config.ResultKind;
import dev.gatehouse.database.config.RouteParameter;
import dev.gatehouse.lambda.database.internal.ProxyLog;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;

/**
 * Per-request cost of the database proxy against the same query through raw JDBC, in one run, on
 * the same PostgreSQL connection (the proxy's connection factory hands out the benchmark's
 * connection, so both use one server session and one driver statement cache). The ratio is the
 * figure to watch; the goal is at most 1.2x.
 *
 * <p>Run: {@code ./mvnw -B -q -pl lambda-handlers -am -DskipTests -Pbench-database verify} (uses
 * {@code GATEHOUSE_TEST_POSTGRES_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}).
 */
public final class DatabaseProxyBenchmark {
    private static final int ROWS = 1000;
    private static final int WARMUP = 20_000;
    private static final int ROUNDS = 7;
    private static final int PER_ROUND = 4000;
    private static final int PAGE = 20;

    private DatabaseProxyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = System.getenv().getOrDefault(TestDatabases.POSTGRES_ENV,
                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        String schema = TestDatabases.uniqueName();
        Connection admin;
        try {
            admin = new org.postgresql.Driver().connect(url, new Properties());
        } catch (SQLException e) {
            System.out.println("database proxy benchmark skipped: no PostgreSQL at " + url + " (" + e.getMessage() + ")");
            return;
        }
        try (Statement s = admin.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            s.execute("CREATE TABLE " + schema + ".items (id bigint PRIMARY KEY, name text NOT NULL,"
                    + " price numeric(10,2) NOT NULL, created_at timestamptz NOT NULL, active boolean NOT NULL)");
            s.execute("INSERT INTO " + schema + ".items SELECT g, 'item ' || g, g * 1.25, timestamptz '2024-01-01'"
                    + " + g * interval '1 minute', g % 2 = 0 FROM generate_series(1, " + ROWS + ") g");
        }
        Connection shared = new org.postgresql.Driver().connect(
                TestDatabases.withParameter(url, "currentSchema", schema), new Properties());
        try {
            run(shared);
        } finally {
            shared.close();
            try (Statement s = admin.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
            admin.close();
        }
    }

    private static void run(Connection shared) throws Exception {
        DatabaseRoutes routes = DatabaseRoutes.builder(DatabaseEngine.POSTGRESQL)
                .route(DatabaseRoute.builder("GET /items/{id}")
                        .sql("SELECT id, name, price, created_at, active FROM items WHERE id = :id")
                        .result(ResultKind.ONE)
                        .param(RouteParameter.builder("id", ParameterLocation.PATH, ParameterType.INTEGER).minimum(1).build())
                        .build())
                .route(DatabaseRoute.builder("GET /items")
                        .sql("SELECT id, name, price, created_at, active FROM items"
                                + " WHERE (:cursor IS NULL OR id > :cursor) ORDER BY id LIMIT :limit")
                        .result(ResultKind.LIST)
                        .pagination(Pagination.builder("id", ParameterType.INTEGER).defaultLimit(PAGE).maxLimit(100).build())
                        .build())
                .build();
        // The proxy's connection factory hands out the benchmark's own connection.
        DatabaseProxy proxy = DatabaseProxy.builder(routes, creds -> shared).log(new ProxyLog(line -> { })).build();
        APIGatewayProxyRequestEvent[] oneEvents = new APIGatewayProxyRequestEvent[ROWS];
        for (int i = 0; i < ROWS; i++) {
            oneEvents[i] = Requests.request("GET", "/items/{id}", "/items/" + (i + 1)).path("id", Integer.toString(i + 1)).build();
        }
        APIGatewayProxyRequestEvent listEvent = Requests.request("GET", "/items", "/items").build();
        PreparedStatement one = shared.prepareStatement("SELECT id, name, price, created_at, active FROM items WHERE id = ?");
        PreparedStatement list = shared.prepareStatement("SELECT id, name, price, created_at, active FROM items"
                + " WHERE (?::int8 IS NULL OR id > ?) ORDER BY id LIMIT ?");

        Task rawOne = i -> {
            one.setLong(1, i % ROWS + 1);
            return readAll(one);
        };
        Task proxyOne = i -> check(proxy.handle(oneEvents[i % ROWS], "bench"));
        Task rawList = i -> {
            list.setNull(1, java.sql.Types.BIGINT);
            list.setNull(2, java.sql.Types.BIGINT);
            list.setLong(3, PAGE + 1);
            return readAll(list);
        };
        Task proxyList = i -> check(proxy.handle(listEvent, "bench"));

        System.out.println("Database proxy benchmark: per request, same PostgreSQL connection, " + ROUNDS + " rounds of "
                + PER_ROUND + " requests after " + WARMUP + " warm-up; median of rounds");
        report("one row   (GET /items/{id})", rawOne, proxyOne);
        report("list page (GET /items, 20 rows)", rawList, proxyList);
        one.close();
        list.close();
    }

    @FunctionalInterface
    private interface Task {
        int run(int i) throws Exception;
    }

    private static int readAll(PreparedStatement ps) throws SQLException {
        int n = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                String name = rs.getString(2);
                BigDecimal price = rs.getBigDecimal(3);
                OffsetDateTime created = rs.getObject(4, OffsetDateTime.class);
                boolean active = rs.getBoolean(5);
                n += (int) id + name.length() + price.scale() + created.getNano() + (active ? 1 : 0);
            }
        }
        return n;
    }

    private static int check(APIGatewayProxyResponseEvent response) {
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("proxy answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return response.getBody().length();
    }

    private static void report(String name, Task raw, Task proxied) throws Exception {
        long sink = 0;
        for (int i = 0; i < WARMUP; i++) {
            sink += raw.run(i) + proxied.run(i);
        }
        double[] rawTimes = new double[ROUNDS];
        double[] proxyTimes = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            // Alternate which goes first so drift on a shared machine hits both alike.
            boolean rawFirst = r % 2 == 0;
            for (int pass = 0; pass < 2; pass++) {
                boolean doRaw = (pass == 0) == rawFirst;
                Task task = doRaw ? raw : proxied;
                long start = System.nanoTime();
                for (int i = 0; i < PER_ROUND; i++) {
                    sink += task.run(i);
                }
                double micros = (System.nanoTime() - start) / 1000.0 / PER_ROUND;
                if (doRaw) {
                    rawTimes[r] = micros;
                } else {
                    proxyTimes[r] = micros;
                }
            }
        }
        double rawMedian = median(rawTimes);
        double proxyMedian = median(proxyTimes);
        double ratio = proxyMedian / rawMedian;
        System.out.println(String.format(Locale.ROOT, "  %-34s raw JDBC %7.1f us   proxy %7.1f us   ratio %.2fx (goal <= 1.20x) %s",
                name, rawMedian, proxyMedian, ratio, ratio <= 1.2 ? "ok" : "OVER GOAL"));
        if (sink == 42) {
            System.out.println();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
