package dev.gatehouse.lambda.database;

import static dev.gatehouse.lambda.database.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.database.config.DatabaseEngine;
import dev.gatehouse.database.config.DatabaseRoute;
import dev.gatehouse.database.config.DatabaseRoutes;
import dev.gatehouse.database.config.Pagination;
import dev.gatehouse.database.config.ParameterLocation;
import dev.gatehouse.database.config.ParameterType;
import dev.gatehouse.database.config.ResultKind;
import dev.gatehouse.database.config.RouteParameter;
import dev.gatehouse.lambda.database.internal.JdbcConnectionFactory;
import dev.gatehouse.lambda.database.internal.ProxyLog;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The proxy's behaviour against a real database, the same for every engine: each subclass supplies
 * a connection to an isolated schema and the few statements whose SQL differs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseProxyContractTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Duration STATEMENT_TIMEOUT = Duration.ofMillis(1000);

    final ConcurrentLinkedQueue<String> logLines = new ConcurrentLinkedQueue<>();
    final List<DatabaseProxy> proxies = new ArrayList<>();
    DatabaseProxy proxy;

    abstract DatabaseEngine engine();

    /** Creates the isolated schema and returns the URL the proxy connects with. */
    abstract String createIsolatedDatabase() throws SQLException;

    abstract void dropIsolatedDatabase() throws SQLException;

    /** An administrative connection to the isolated schema. */
    abstract Connection admin() throws SQLException;

    abstract String createTablesSql();

    abstract String utcSessionSql();

    abstract String orderByIdSql();

    abstract String ordersByIdsSql();

    abstract String updateStatusSql();

    abstract String sleepSql();

    abstract String backendIdSql();

    abstract void terminate(long backendId) throws SQLException;

    String url;

    @BeforeAll
    void createSchema() throws Exception {
        url = createIsolatedDatabase();
        try (Connection c = admin(); Statement s = c.createStatement()) {
            for (String sql : createTablesSql().split(";\n")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
            s.execute(utcSessionSql());
            s.execute("INSERT INTO customers (email, name) VALUES ('alice@example.com', 'Alice')");
            s.execute("INSERT INTO customers (email, name) VALUES ('bob@example.com', 'Bob')");
            StringBuilder orders = new StringBuilder(
                    "INSERT INTO orders (customer_id, status, total, paid, created_at) VALUES ");
            String[] statuses = {"new", "paid", "shipped"};
            for (int i = 1; i <= 30; i++) {
                orders.append(i == 1 ? "" : ", ").append("(1, '").append(statuses[i % 3]).append("', ")
                        .append(i).append(".25, ").append(i % 2 == 0 ? "TRUE" : "FALSE")
                        .append(", '2024-05-01 10:00:00')");
            }
            s.execute(orders.toString());
            fillTypedRow(c);
        }
        proxy = newProxy(url);
    }

    /** Sets every typed column of order 1. */
    abstract void fillTypedRow(Connection c) throws SQLException;

    @AfterAll
    void dropSchema() throws Exception {
        for (DatabaseProxy p : proxies) {
            p.close();
        }
        dropIsolatedDatabase();
    }

    @AfterEach
    void noSecretsOrStackTracesInLogs() {
        for (String line : logLines) {
            assertFalse(line.toLowerCase(java.util.Locale.ROOT).contains("password"), line);
            assertFalse(line.contains(url), "the JDBC URL (with its user) is not logged: " + line);
            assertFalse(line.contains("\tat ") || line.contains("\\tat ") || line.matches(".*\\bat [a-z]+\\.[a-z]+\\..*\\(.*"),
                    "no stack frames: " + line);
        }
    }

    DatabaseRoutes routes() {
        RouteParameter id = RouteParameter.builder("id", ParameterLocation.PATH, ParameterType.INTEGER).minimum(1).build();
        return DatabaseRoutes.builder(engine())
                .route(DatabaseRoute.builder("GET /customers/{id}")
                        .sql("SELECT id, email, name FROM customers WHERE id = :id")
                        .result(ResultKind.ONE).param(id).build())
                .route(DatabaseRoute.builder("POST /customers")
                        .sql("INSERT INTO customers (email, name) VALUES (:email, :name) RETURNING id, email, name")
                        .result(ResultKind.ONE).write(true).successStatus(201)
                        .param(RouteParameter.builder("email", ParameterLocation.BODY, ParameterType.STRING)
                                .required(true).maxLength(200).build())
                        .param(RouteParameter.builder("name", ParameterLocation.BODY, ParameterType.STRING)
                                .required(true).maxLength(200).build())
                        .build())
                .route(DatabaseRoute.builder("GET /orders/{id}").sql(orderByIdSql()).result(ResultKind.ONE).param(id).build())
                .route(DatabaseRoute.builder("GET /orders")
                        .sql("SELECT id, status, total FROM orders WHERE customer_id = :customerId"
                                + " AND (:cursor IS NULL OR id > :cursor) AND (:status IS NULL OR status = :status)"
                                + " ORDER BY id LIMIT :limit")
                        .result(ResultKind.LIST)
                        .param(RouteParameter.builder("customerId", ParameterLocation.QUERY, ParameterType.INTEGER)
                                .required(true).build())
                        .param(RouteParameter.builder("status", ParameterLocation.QUERY, ParameterType.STRING)
                                .maxLength(20).build())
                        .pagination(Pagination.builder("id", ParameterType.INTEGER).defaultLimit(10).maxLimit(25).build())
                        .build())
                .route(DatabaseRoute.builder("GET /orders-by-id").sql(ordersByIdsSql()).result(ResultKind.LIST)
                        .param(RouteParameter.builder("ids", ParameterLocation.QUERY, ParameterType.ARRAY)
                                .items(ParameterType.INTEGER).required(true).maxItems(5).build())
                        .build())
                .route(DatabaseRoute.builder("POST /orders/lookup").sql(ordersByIdsSql()).result(ResultKind.LIST)
                        .param(RouteParameter.builder("ids", ParameterLocation.BODY, ParameterType.ARRAY)
                                .items(ParameterType.INTEGER).required(true).maxItems(5).build())
                        .build())
                .route(DatabaseRoute.builder("GET /all-orders").sql("SELECT id FROM orders ORDER BY id")
                        .result(ResultKind.LIST).maxRows(3).build())
                .route(DatabaseRoute.builder("POST /orders")
                        .sql("INSERT INTO orders (customer_id, status, total, note, data, created_at, ref)"
                                + " VALUES (:customerId, :status, :total, :note, :data, :createdAt, :ref) RETURNING id")
                        .result(ResultKind.ONE).write(true).successStatus(201)
                        .param(RouteParameter.builder("customerId", ParameterLocation.BODY, ParameterType.INTEGER)
                                .required(true).build())
                        .param(RouteParameter.builder("status", ParameterLocation.BODY, ParameterType.STRING)
                                .required(true).build())
                        .param(RouteParameter.builder("total", ParameterLocation.BODY, ParameterType.NUMBER)
                                .required(true).minimum(0).build())
                        .param(RouteParameter.builder("note", ParameterLocation.BODY, ParameterType.STRING).build())
                        .param(RouteParameter.builder("data", ParameterLocation.BODY, ParameterType.JSON).build())
                        .param(RouteParameter.builder("createdAt", ParameterLocation.BODY, ParameterType.TIMESTAMP)
                                .required(true).build())
                        .param(RouteParameter.builder("ref", ParameterLocation.BODY, ParameterType.UUID).build())
                        .build())
                .route(DatabaseRoute.builder("POST /customers/{id}/orders-and-contact")
                        .sql("INSERT INTO orders (customer_id, status, total, created_at)"
                                + " VALUES (:id, 'new', 1, '2024-01-01 00:00:00');"
                                + " INSERT INTO customers (email, name) VALUES (:email, 'contact')")
                        .result(ResultKind.NONE).write(true).successStatus(201).param(id)
                        .param(RouteParameter.builder("email", ParameterLocation.BODY, ParameterType.STRING)
                                .required(true).build())
                        .build())
                .route(DatabaseRoute.builder("PUT /orders/{id}/status").sql(updateStatusSql())
                        .result(ResultKind.ONE).write(true).param(id)
                        .param(RouteParameter.builder("status", ParameterLocation.BODY, ParameterType.STRING)
                                .required(true).build())
                        .build())
                .route(DatabaseRoute.builder("DELETE /orders/{id}").sql("DELETE FROM orders WHERE id = :id")
                        .result(ResultKind.NONE).write(true).param(id).build())
                .route(DatabaseRoute.builder("GET /customers/named/{name}")
                        .sql("SELECT id, name FROM customers WHERE name = :name ORDER BY id")
                        .param(RouteParameter.builder("name", ParameterLocation.PATH, ParameterType.STRING).build())
                        .build())
                .route(DatabaseRoute.builder("GET /customers-by-name")
                        .sql("SELECT id, name FROM customers WHERE name = :name ORDER BY id")
                        .param(RouteParameter.builder("name", ParameterLocation.QUERY, ParameterType.STRING).required(true).build())
                        .build())
                .route(DatabaseRoute.builder("GET /sleep").sql(sleepSql()).result(ResultKind.ONE)
                        .param(RouteParameter.builder("seconds", ParameterLocation.QUERY, ParameterType.NUMBER)
                                .required(true).maximum(5).build())
                        .build())
                .route(DatabaseRoute.builder("GET /backend").sql(backendIdSql()).result(ResultKind.ONE).build())
                .build();
    }

    DatabaseProxy newProxy(String jdbcUrl) {
        DatabaseProxy p = DatabaseProxy.builder(routes(),
                        JdbcConnectionFactory.forUrl(engine(), jdbcUrl, Duration.ofSeconds(2), STATEMENT_TIMEOUT))
                .statementTimeout(STATEMENT_TIMEOUT)
                .log(new ProxyLog(logLines::add))
                .build();
        proxies.add(p);
        return p;
    }

    static JsonNode json(APIGatewayProxyResponseEvent response) throws Exception {
        return MAPPER.readTree(response.getBody());
    }

    APIGatewayProxyResponseEvent send(APIGatewayProxyRequestEvent event) {
        return proxy.handle(event, "lambda-req");
    }

    static APIGatewayProxyRequestEvent getCustomer(long id) {
        return request("GET", "/customers/{id}", "/customers/" + id).path("id", Long.toString(id)).build();
    }

    static APIGatewayProxyRequestEvent createCustomer(String email, String name) throws Exception {
        return request("POST", "/customers", "/customers")
                .body(MAPPER.createObjectNode().put("email", email).put("name", name).toString()).build();
    }

    long count(String sql) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() + "@example.com";
    }

    // ---------------------------------------------------------------- results

    @Test
    void oneReturnsTheRowAsAnObject() throws Exception {
        APIGatewayProxyResponseEvent response = send(getCustomer(1));

        assertEquals(200, response.getStatusCode());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        JsonNode body = json(response);
        assertEquals(1, body.get("id").asLong());
        assertTrue(body.get("id").isIntegralNumber());
        assertEquals("alice@example.com", body.get("email").asText());
        assertEquals("Alice", body.get("name").asText());
    }

    @Test
    void oneWithoutARowIs404() throws Exception {
        APIGatewayProxyResponseEvent response = send(getCustomer(999_999));

        assertEquals(404, response.getStatusCode());
        assertEquals("not_found", json(response).get("error").asText());
        assertEquals("req-test", json(response).get("requestId").asText());
    }

    @Test
    void columnTypesBecomeJson() throws Exception {
        JsonNode body = json(send(request("GET", "/orders/{id}", "/orders/1").path("id", "1").build()));

        assertEquals(1, body.get("customer_id").asLong());
        assertEquals("paid", body.get("status").asText());
        assertTrue(body.get("total").isNumber(), body.toString());
        assertEquals("1.25", body.get("total").decimalValue().toPlainString());
        assertTrue(body.get("paid").isBoolean(), body.toString());
        assertEquals(false, body.get("paid").asBoolean());
        assertEquals("2024-05-01T10:00:00Z", body.get("created_at").asText());
        assertEquals("2024-05-01", body.get("placed_on").asText());
        assertTrue(body.get("note").isNull(), body.toString());
        assertTrue(body.get("data").isObject(), "json passes through as JSON: " + body);
        assertEquals(true, body.at("/data/gift").asBoolean());
        assertEquals(2, body.at("/data/lines/1").asInt());
        assertEquals("AAEC/w==", body.get("attachment").asText());
        assertEquals("123e4567-e89b-12d3-a456-426614174000", body.get("ref").asText());
    }

    @Test
    void listPaginatesAcrossPagesWithAnOpaqueCursor() throws Exception {
        // Given 30 orders of customer 1 and a limit of 12
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Requests.Builder r = request("GET", "/orders", "/orders").query("customerId", "1").query("limit", "12");
            if (cursor != null) {
                r.query("cursor", cursor);
            }
            // When each page is fetched with the previous page's cursor
            APIGatewayProxyResponseEvent response = send(r.build());
            assertEquals(200, response.getStatusCode(), response.getBody());
            JsonNode body = json(response);
            body.get("items").forEach(item -> seen.add(item.get("id").asLong()));
            cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
            if (cursor != null) {
                assertTrue(cursor.matches("[A-Za-z0-9_-]+"), "base64url: " + cursor);
            }
            pages++;
        } while (cursor != null && pages < 10);

        // Then three pages hold all 30 orders once, in order, and the last has no next cursor
        assertEquals(3, pages);
        assertEquals(30, seen.size());
        assertEquals(30, new HashSet<>(seen).size());
        List<Long> sorted = new ArrayList<>(seen);
        sorted.sort(null);
        assertEquals(sorted, seen);
    }

    @Test
    void listUsesDefaultLimitOptionalFiltersAndEndsWithNullCursor() throws Exception {
        JsonNode first = json(send(request("GET", "/orders", "/orders").query("customerId", "1").build()));
        assertEquals(10, first.get("items").size());
        assertFalse(first.get("nextCursor").isNull());

        JsonNode shipped = json(send(request("GET", "/orders", "/orders").query("customerId", "1")
                .query("status", "shipped").query("limit", "25").build()));
        assertEquals(10, shipped.get("items").size());
        assertTrue(shipped.get("nextCursor").isNull(), "exactly one page: " + shipped);
        shipped.get("items").forEach(i -> assertEquals("shipped", i.get("status").asText()));
    }

    @Test
    void exactlyFullLastPageHasNoNextCursor() throws Exception {
        JsonNode page = json(send(request("GET", "/orders", "/orders").query("customerId", "1")
                .query("status", "paid").query("limit", "10").build()));

        assertEquals(10, page.get("items").size());
        assertTrue(page.get("nextCursor").isNull(), page.toString());
    }

    @Test
    void arrayParametersSelectTheGivenRows() throws Exception {
        JsonNode body = json(send(request("GET", "/orders-by-id", "/orders-by-id").query("ids", "3", "1", "5").build()));

        List<Long> ids = new ArrayList<>();
        body.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        assertEquals(List.of(1L, 3L, 5L), ids);
        assertTrue(body.get("nextCursor").isNull());
    }

    @Test
    void unpaginatedListOverMaxRowsIsAServerErrorNotASilentCut() throws Exception {
        APIGatewayProxyResponseEvent response = send(request("GET", "/all-orders", "/all-orders").build());

        assertEquals(500, response.getStatusCode());
        assertEquals("internal_error", json(response).get("error").asText());
        assertEquals("req-test", json(response).get("requestId").asText(), "the client can quote it");
        assertLeaksNothing(response);
        assertTrue(logLines.stream().anyMatch(l -> l.contains("more than maxRows")), logLines.toString());
    }

    @Test
    void writeReturningARowAnswersWithTheSuccessStatus() throws Exception {
        String email = unique("carol");
        APIGatewayProxyResponseEvent response = send(createCustomer(email, "Carol"));

        assertEquals(201, response.getStatusCode(), response.getBody());
        long id = json(response).get("id").asLong();
        assertEquals(email, json(send(getCustomer(id))).get("email").asText());
    }

    @Test
    void writeWithTypedBodyValuesStoresThem() throws Exception {
        String body = "{\"customerId\": 2, \"status\": \"new\", \"total\": 19.99, \"note\": \"gift\","
                + " \"data\": {\"wrap\": [\"red\", \"gold\"]}, \"createdAt\": \"2024-05-01T12:00:00+02:00\","
                + " \"ref\": \"00000000-0000-0000-0000-000000000042\"}";
        APIGatewayProxyResponseEvent created = send(request("POST", "/orders", "/orders").body(body).build());
        assertEquals(201, created.getStatusCode(), created.getBody());
        long id = json(created).get("id").asLong();

        JsonNode order = json(send(request("GET", "/orders/{id}", "/orders/" + id).path("id", Long.toString(id)).build()));
        assertEquals("19.99", order.get("total").decimalValue().toPlainString());
        assertEquals("gift", order.get("note").asText());
        assertEquals("gold", order.at("/data/wrap/1").asText());
        assertEquals("2024-05-01T10:00:00Z", order.get("created_at").asText(), "stored as the same instant, shown in UTC");
        assertEquals("00000000-0000-0000-0000-000000000042", order.get("ref").asText());
    }

    @Test
    void updateReturnsTheRowOr404() throws Exception {
        long id = insertOrder();
        APIGatewayProxyResponseEvent updated = send(request("PUT", "/orders/{id}/status", "/orders/" + id + "/status")
                .path("id", Long.toString(id)).body("{\"status\": \"shipped\"}").build());
        assertEquals(200, updated.getStatusCode(), updated.getBody());
        assertEquals("shipped", json(updated).get("status").asText());

        APIGatewayProxyResponseEvent missing = send(request("PUT", "/orders/{id}/status", "/orders/999999/status")
                .path("id", "999999").body("{\"status\": \"shipped\"}").build());
        assertEquals(404, missing.getStatusCode());
    }

    @Test
    void noneAnswers204WithoutBody() throws Exception {
        long id = insertOrder();
        APIGatewayProxyResponseEvent response = send(request("DELETE", "/orders/{id}", "/orders/" + id)
                .path("id", Long.toString(id)).build());

        assertEquals(204, response.getStatusCode());
        assertEquals(null, response.getBody());
        assertEquals(0, count("SELECT COUNT(*) FROM orders WHERE id = " + id));
    }

    long insertOrder() throws Exception {
        APIGatewayProxyResponseEvent created = send(request("POST", "/orders", "/orders")
                .body("{\"customerId\": 2, \"status\": \"new\", \"total\": 1, \"createdAt\": \"2024-01-01T00:00:00Z\"}")
                .build());
        assertEquals(201, created.getStatusCode(), created.getBody());
        return json(created).get("id").asLong();
    }

    // ---------------------------------------------------------------- errors

    @Test
    void unknownRouteIs404() throws Exception {
        APIGatewayProxyResponseEvent response = send(request("GET", "/nothing/{id}", "/nothing/1").path("id", "1").build());
        assertEquals(404, response.getStatusCode());
        assertEquals("not_found", json(response).get("error").asText());
        APIGatewayProxyResponseEvent wrongMethod = send(request("PATCH", "/customers/{id}", "/customers/1")
                .path("id", "1").build());
        assertEquals(404, wrongMethod.getStatusCode());
    }

    @Test
    void invalidInputIs400ListingEveryField() throws Exception {
        APIGatewayProxyResponseEvent response = send(request("POST", "/orders", "/orders")
                .body("{\"customerId\": \"two\", \"total\": -1, \"createdAt\": \"yesterday\", \"ref\": \"nope\","
                        + " \"extra\": 1}").build());

        assertEquals(400, response.getStatusCode());
        JsonNode body = json(response);
        assertEquals("invalid_request", body.get("error").asText());
        List<String> fields = new ArrayList<>();
        body.get("fields").forEach(f -> fields.add(f.get("name").asText() + ": " + f.get("problem").asText()));
        assertTrue(fields.contains("customerId: must be an integer"), fields.toString());
        assertTrue(fields.contains("status: is required"), fields.toString());
        assertTrue(fields.contains("total: must be at least 0"), fields.toString());
        assertTrue(fields.stream().anyMatch(f -> f.startsWith("createdAt: must be an ISO-8601")), fields.toString());
        assertTrue(fields.stream().anyMatch(f -> f.startsWith("ref: must be a UUID")), fields.toString());
        assertTrue(fields.contains("extra: is not a field of this route"), fields.toString());
        assertEquals(6, fields.size(), fields.toString());
    }

    @Test
    void invalidQueryPathAndPaginationValuesAre400() throws Exception {
        assertEquals(400, send(request("GET", "/customers/{id}", "/customers/x").path("id", "x").build()).getStatusCode());
        assertEquals(400, send(request("GET", "/customers/{id}", "/customers/0").path("id", "0").build()).getStatusCode());
        JsonNode limit = json(send(request("GET", "/orders", "/orders").query("customerId", "1").query("limit", "26").build()));
        assertEquals("limit", limit.at("/fields/0/name").asText());
        JsonNode cursor = json(send(request("GET", "/orders", "/orders").query("customerId", "1")
                .query("cursor", "bm90LWEtY3Vyc29y").build()));
        assertEquals("cursor", cursor.at("/fields/0/name").asText());
        JsonNode unknown = json(send(request("GET", "/orders", "/orders").query("customerId", "1")
                .query("stauts", "new").build()));
        assertEquals("stauts", unknown.at("/fields/0/name").asText());
        JsonNode tooMany = json(send(request("GET", "/orders-by-id", "/orders-by-id")
                .query("ids", "1", "2", "3", "4", "5", "6").build()));
        assertEquals("has more than 5 values", tooMany.at("/fields/0/problem").asText());
        JsonNode notJson = json(send(request("POST", "/customers", "/customers").body("{not json").build()));
        assertEquals("body", notJson.at("/fields/0/name").asText());
    }

    @Test
    void uniqueViolationIs409() throws Exception {
        APIGatewayProxyResponseEvent response = send(createCustomer("alice@example.com", "Another Alice"));

        assertEquals(409, response.getStatusCode());
        assertEquals("conflict", json(response).get("error").asText());
        assertLeaksNothing(response);
        assertTrue(logLines.stream().anyMatch(l -> l.contains("\"event\":\"conflict\"")), logLines.toString());
    }

    @Test
    void foreignKeyViolationIs409() throws Exception {
        APIGatewayProxyResponseEvent response = send(request("POST", "/orders", "/orders")
                .body("{\"customerId\": 424242, \"status\": \"new\", \"total\": 1, \"createdAt\": \"2024-01-01T00:00:00Z\"}")
                .build());

        assertEquals(409, response.getStatusCode(), response.getBody());
        assertLeaksNothing(response);
    }

    @Test
    void checkViolationIs400WithoutDetails() throws Exception {
        APIGatewayProxyResponseEvent response = send(request("POST", "/orders", "/orders")
                .body("{\"customerId\": 1, \"status\": \"lost\", \"total\": 1, \"createdAt\": \"2024-01-01T00:00:00Z\"}")
                .build());

        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals("invalid_request", json(response).get("error").asText());
        assertLeaksNothing(response);
    }

    @Test
    void aNumberTooLargeForItsColumnIs400NamingTheNumericFieldsItMayBe() throws Exception {
        // Given total is a decimal(10,2) column (at most 99,999,999.99), When a larger total is sent
        APIGatewayProxyResponseEvent response = send(request("POST", "/orders", "/orders")
                .body("{\"customerId\": 1, \"status\": \"new\", \"total\": 123456789, \"note\": \"n\","
                        + " \"createdAt\": \"2024-01-01T00:00:00Z\"}")
                .build());

        // Then a 400 names the numeric fields the request gave (not the text ones), without the database's words
        assertEquals(400, response.getStatusCode(), response.getBody());
        List<String> fields = new java.util.ArrayList<>();
        json(response).get("fields").forEach(f -> fields.add(f.get("name").asText()));
        assertEquals(List.of("customerId", "total"), fields, response.getBody());
        assertEquals("may be outside what its database column can hold",
                json(response).get("fields").get(1).get("problem").asText(), response.getBody());
        assertLeaksNothing(response);
    }

    @Test
    void statementTimeoutIs504AndTheConnectionStaysUsable() throws Exception {
        APIGatewayProxyResponseEvent response = send(request("GET", "/sleep", "/sleep").query("seconds", "3").build());

        assertEquals(504, response.getStatusCode(), response.getBody());
        assertEquals("timeout", json(response).get("error").asText());
        assertLeaksNothing(response);
        assertEquals(200, send(getCustomer(1)).getStatusCode());
    }

    @Test
    void unreachableDatabaseIs503WithRetryAfter() throws Exception {
        // Given a proxy pointed at a port nothing listens on
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        DatabaseProxy unreachable = newProxy(TestDatabases.withHostPort(url, "127.0.0.1", closedPort));

        // When it answers a request
        APIGatewayProxyResponseEvent response = unreachable.handle(getCustomer(1), "x");

        // Then 503 with Retry-After, and nothing about the connection leaks
        assertEquals(503, response.getStatusCode());
        assertEquals("database_unavailable", json(response).get("error").asText());
        assertEquals("1", response.getHeaders().get("Retry-After"));
        assertLeaksNothing(response);
        assertFalse(response.getBody().contains(Integer.toString(closedPort)));
    }

    void assertLeaksNothing(APIGatewayProxyResponseEvent response) {
        String body = response.getBody().toLowerCase(java.util.Locale.ROOT);
        for (String forbidden : List.of("select", "insert", "sql", "exception", "duplicate", "constraint", "key (",
                "violat", "jdbc", "at org.", "at dev.", "127.0.0.1", "customers", "orders")) {
            assertFalse(body.contains(forbidden), "leaks '" + forbidden + "': " + response.getBody());
        }
    }

    // ---------------------------------------------------------------- injection

    @Test
    void injectionStringsInEveryPositionAreInert() throws Exception {
        List<String> attacks = List.of("'; DROP TABLE customers; --", "1 OR 1=1", "\" OR \"\"=\"",
                "x' UNION SELECT email, name FROM customers --", "\\'; DELETE FROM orders; #", ":id", "?", "$$; DROP TABLE orders; $$");
        long customersBefore = count("SELECT COUNT(*) FROM customers");
        for (String attack : attacks) {
            // Body: stored verbatim and read back verbatim
            APIGatewayProxyResponseEvent created = send(createCustomer(unique("inj"), attack));
            assertEquals(201, created.getStatusCode(), created.getBody());
            long id = json(created).get("id").asLong();
            assertEquals(attack, json(send(getCustomer(id))).get("name").asText());

            // Query: matches only the row with exactly that text
            JsonNode byName = json(send(request("GET", "/customers-by-name", "/customers-by-name").query("name", attack).build()));
            assertEquals(1, byName.get("items").size(), attack + " -> " + byName);
            assertEquals(id, byName.at("/items/0/id").asLong());

            // Path, as text: matches only the row with exactly that text
            JsonNode byPath = json(send(request("GET", "/customers/named/{name}", "/customers/named/x")
                    .path("name", attack).build()));
            assertEquals(1, byPath.get("items").size(), attack + " -> " + byPath);
            assertEquals(id, byPath.at("/items/0/id").asLong());

            // Path, as an integer: rejected by type, never reaching SQL
            APIGatewayProxyResponseEvent path = send(request("GET", "/customers/{id}", "/customers/x").path("id", attack).build());
            assertEquals(400, path.getStatusCode());

            // A text and a JSON body parameter: stored and read back verbatim
            ObjectNode order = JsonNodeFactory.instance.objectNode().put("customerId", id).put("status", "new")
                    .put("total", 1).put("createdAt", "2024-01-01T00:00:00Z").put("note", attack);
            order.putObject("data").put("attack", attack).putArray("list").add(attack);
            APIGatewayProxyResponseEvent placed = send(request("POST", "/orders", "/orders").body(order.toString()).build());
            assertEquals(201, placed.getStatusCode(), placed.getBody());
            long orderId = json(placed).get("id").asLong();
            JsonNode stored = json(send(request("GET", "/orders/{id}", "/orders/" + orderId).path("id", Long.toString(orderId)).build()));
            assertEquals(attack, stored.get("note").asText());
            assertEquals(order.get("data"), stored.get("data"));
        }
        assertEquals(customersBefore + attacks.size(), count("SELECT COUNT(*) FROM customers"));
        assertEquals(1, json(send(getCustomer(1))).get("id").asLong(), "tables intact");
    }

    // ---------------------------------------------------------------- atomicity

    @Test
    void aFailingMultiStatementWriteLeavesNothing() throws Exception {
        long ordersBefore = count("SELECT COUNT(*) FROM orders WHERE customer_id = 2");

        // When the first statement inserts an order and the second violates the unique email
        APIGatewayProxyResponseEvent response = send(request("POST", "/customers/{id}/orders-and-contact",
                "/customers/2/orders-and-contact").path("id", "2").body("{\"email\": \"alice@example.com\"}").build());

        // Then 409 and the order was rolled back with it
        assertEquals(409, response.getStatusCode(), response.getBody());
        assertEquals(ordersBefore, count("SELECT COUNT(*) FROM orders WHERE customer_id = 2"));

        // And the same write with a fresh email commits both statements
        String email = unique("contact");
        APIGatewayProxyResponseEvent ok = send(request("POST", "/customers/{id}/orders-and-contact",
                "/customers/2/orders-and-contact").path("id", "2").body("{\"email\": \"" + email + "\"}").build());
        assertEquals(201, ok.getStatusCode(), ok.getBody());
        assertEquals(null, ok.getBody());
        assertEquals(ordersBefore + 1, count("SELECT COUNT(*) FROM orders WHERE customer_id = 2"));
        assertEquals(1, count("SELECT COUNT(*) FROM customers WHERE email = '" + email + "'"));
    }

    @Test
    void aTimedOutWriteLeavesNothing() throws Exception {
        // Given a write whose second statement times out
        DatabaseRoutes slowWrite = DatabaseRoutes.builder(engine())
                .route(DatabaseRoute.builder("POST /slow-write")
                        .sql("INSERT INTO customers (email, name) VALUES (:email, 'slow'); " + sleepSql().replace(":seconds", "3"))
                        .result(ResultKind.NONE).write(true)
                        .param(RouteParameter.builder("email", ParameterLocation.BODY, ParameterType.STRING).required(true).build())
                        .build())
                .build();
        DatabaseProxy p = DatabaseProxy.builder(slowWrite,
                JdbcConnectionFactory.forUrl(engine(), url, Duration.ofSeconds(2), STATEMENT_TIMEOUT))
                .statementTimeout(STATEMENT_TIMEOUT).log(new ProxyLog(logLines::add)).build();
        proxies.add(p);
        String email = unique("slow");

        APIGatewayProxyResponseEvent response = p.handle(request("POST", "/slow-write", "/slow-write")
                .body("{\"email\": \"" + email + "\"}").build(), "x");

        assertEquals(504, response.getStatusCode(), response.getBody());
        assertEquals(0, count("SELECT COUNT(*) FROM customers WHERE email = '" + email + "'"));
    }

    // ---------------------------------------------------------------- connections

    @Test
    void survivesADatabaseRestartBetweenInvocations() throws Exception {
        String[] hp = TestDatabases.hostPort(url, engine() == DatabaseEngine.POSTGRESQL ? 5432 : 3306);
        try (TcpProxy tcp = new TcpProxy(hp[0], Integer.parseInt(hp[1])).start()) {
            DatabaseProxy p = newProxy(TestDatabases.withHostPort(url, "127.0.0.1", tcp.port()));
            assertEquals(200, p.handle(getCustomer(1), "a").getStatusCode());
            assertEquals(1, p.openedConnections());

            // When the "database" restarts: every connection is dropped, then it listens again
            tcp.stop();
            tcp.start();

            // Then a read is retried on a new connection
            logLines.clear();
            APIGatewayProxyResponseEvent read = p.handle(getCustomer(1), "b");
            assertEquals(200, read.getStatusCode(), read.getBody());
            assertEquals(2, p.openedConnections());
            assertTrue(logLines.stream().anyMatch(l -> l.contains("connection_lost")), "retried: " + logLines);

            // And a write after another restart happens exactly once
            tcp.stop();
            tcp.start();
            String email = unique("restart");
            APIGatewayProxyResponseEvent write = p.handle(createCustomer(email, "Restart"), "c");
            assertEquals(201, write.getStatusCode(), write.getBody());
            assertEquals(1, count("SELECT COUNT(*) FROM customers WHERE email = '" + email + "'"));
            assertEquals(3, p.openedConnections());

            // And while it is down, clients get 503 with Retry-After; once it is back, 200
            tcp.stop();
            APIGatewayProxyResponseEvent down = p.handle(getCustomer(1), "d");
            assertEquals(503, down.getStatusCode(), down.getBody());
            assertEquals("1", down.getHeaders().get("Retry-After"));
            tcp.start();
            assertEquals(200, p.handle(getCustomer(1), "e").getStatusCode());
        }
    }

    @Test
    void survivesItsSessionBeingTerminated() throws Exception {
        DatabaseProxy p = newProxy(url);
        long before = json(p.handle(request("GET", "/backend", "/backend").build(), "a")).get("pid").asLong();

        terminate(before);

        APIGatewayProxyResponseEvent after = p.handle(request("GET", "/backend", "/backend").build(), "b");
        assertEquals(200, after.getStatusCode(), after.getBody());
        assertNotEquals(before, json(after).get("pid").asLong());
        assertEquals(2, p.openedConnections());
    }

    @Test
    void anIdleConnectionIsCheckedAndReplacedBeforeUse() throws Exception {
        DatabaseProxy p = DatabaseProxy.builder(routes(),
                        JdbcConnectionFactory.forUrl(engine(), url, Duration.ofSeconds(2), STATEMENT_TIMEOUT))
                .statementTimeout(STATEMENT_TIMEOUT).validateAfterIdle(Duration.ZERO)
                .log(new ProxyLog(logLines::add)).build();
        proxies.add(p);
        long before = json(p.handle(request("GET", "/backend", "/backend").build(), "a")).get("pid").asLong();
        terminate(before);

        assertEquals(200, p.handle(getCustomer(1), "b").getStatusCode());
        assertTrue(logLines.stream().anyMatch(l -> l.contains("connection_replaced")), logLines.toString());
    }

    /**
     * A connection whose {@code method} breaks once, as a dropped socket would: after doing its work
     * when {@code afterwards}, before it otherwise.
     */
    static Connection breakingOnce(Connection real, String method, boolean afterwards, AtomicBoolean broken) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (self, m, args) -> {
                    boolean breakNow = m.getName().equals(method) && broken.compareAndSet(false, true);
                    if (breakNow && !afterwards) {
                        throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
                    }
                    Object result;
                    try {
                        result = m.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (breakNow) {
                        real.close();
                        throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
                    }
                    return result;
                });
    }

    @Test
    void aWriteWhoseConnectionBreaksDuringCommitIsNeverRunAgain() throws Exception {
        // Given a connection that commits, then loses the answer
        JdbcConnectionFactory real = JdbcConnectionFactory.forUrl(engine(), url, Duration.ofSeconds(2), STATEMENT_TIMEOUT);
        AtomicBoolean broken = new AtomicBoolean();
        DatabaseProxy p = DatabaseProxy.builder(routes(), creds -> breakingOnce(real.open(creds), "commit", true, broken))
                .statementTimeout(STATEMENT_TIMEOUT).log(new ProxyLog(logLines::add)).build();
        proxies.add(p);
        String email = unique("unknown");

        // When a write is sent
        APIGatewayProxyResponseEvent response = p.handle(createCustomer(email, "Unknown"), "x");

        // Then the client is told the outcome is unknown, and the write happened once, not twice
        assertEquals(500, response.getStatusCode(), response.getBody());
        assertEquals("write_outcome_unknown", json(response).get("error").asText());
        assertEquals(1, count("SELECT COUNT(*) FROM customers WHERE email = '" + email + "'"));
        assertEquals(1, p.openedConnections(), "no second attempt");
    }

    @Test
    void aWriteWhoseConnectionBreaksBeforeCommitIsRetriedOnce() throws Exception {
        JdbcConnectionFactory real = JdbcConnectionFactory.forUrl(engine(), url, Duration.ofSeconds(2), STATEMENT_TIMEOUT);
        AtomicBoolean broken = new AtomicBoolean();
        DatabaseProxy p = DatabaseProxy.builder(routes(), creds -> breakingOnce(real.open(creds), "prepareStatement", false, broken))
                .statementTimeout(STATEMENT_TIMEOUT).log(new ProxyLog(logLines::add)).build();
        proxies.add(p);
        String email = unique("retried");

        APIGatewayProxyResponseEvent response = p.handle(createCustomer(email, "Retried"), "x");

        assertEquals(201, response.getStatusCode(), response.getBody());
        assertEquals(1, count("SELECT COUNT(*) FROM customers WHERE email = '" + email + "'"));
        assertEquals(2, p.openedConnections());
    }

    @Test
    void emptyAndNonEmptyArraysFromTheBody() throws Exception {
        JsonNode none = json(send(request("POST", "/orders/lookup", "/orders/lookup").body("{\"ids\": []}").build()));
        assertEquals(0, none.get("items").size(), none.toString());

        JsonNode two = json(send(request("POST", "/orders/lookup", "/orders/lookup").body("{\"ids\": [2, 4]}").build()));
        assertEquals(2, two.get("items").size(), two.toString());
        assertEquals(4, two.at("/items/1/id").asLong());

        APIGatewayProxyResponseEvent bad = send(request("POST", "/orders/lookup", "/orders/lookup")
                .body("{\"ids\": [1, \"two\", null]}").build());
        assertEquals(400, bad.getStatusCode());
        List<String> names = new ArrayList<>();
        json(bad).get("fields").forEach(f -> names.add(f.get("name").asText()));
        assertEquals(List.of("ids[1]", "ids[2]"), names);
    }

    @Test
    void theConnectionIsOpenedLazilyAndReused() throws Exception {
        DatabaseProxy p = newProxy(url);
        assertEquals(0, p.openedConnections(), "nothing is opened before the first request");
        for (int i = 0; i < 5; i++) {
            assertEquals(200, p.handle(getCustomer(1), "r" + i).getStatusCode());
        }
        assertEquals(1, p.openedConnections());
    }

    @Test
    void concurrentInvocationsOnSeparateInstancesDoNotInterfere() throws Exception {
        int instances = 4;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            List<Future<Set<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < instances; t++) {
                DatabaseProxy p = newProxy(url);
                int worker = t;
                Callable<Set<Long>> job = () -> {
                    Set<Long> ids = new HashSet<>();
                    for (int i = 0; i < 15; i++) {
                        String email = unique("w" + worker + "-" + i);
                        APIGatewayProxyResponseEvent created = p.handle(createCustomer(email, "W" + worker), "c");
                        assertEquals(201, created.getStatusCode(), created.getBody());
                        long id = json(created).get("id").asLong();
                        JsonNode read = json(p.handle(getCustomer(id), "r"));
                        assertEquals(email, read.get("email").asText());
                        ids.add(id);
                    }
                    return ids;
                };
                futures.add(pool.submit(job));
            }
            Set<Long> all = new HashSet<>();
            for (Future<Set<Long>> f : futures) {
                Set<Long> ids = f.get();
                assertEquals(15, ids.size());
                all.addAll(ids);
            }
            assertEquals(instances * 15, all.size());
        } finally {
            pool.shutdownNow();
        }
    }
}
