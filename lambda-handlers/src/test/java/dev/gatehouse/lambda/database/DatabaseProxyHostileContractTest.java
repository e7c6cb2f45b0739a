package dev.gatehouse.lambda.database;

import static dev.gatehouse.lambda.database.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.database.config.DatabaseRoute;
import dev.gatehouse.database.config.DatabaseRoutes;
import dev.gatehouse.database.config.ParameterLocation;
import dev.gatehouse.database.config.ParameterType;
import dev.gatehouse.database.config.ResultKind;
import dev.gatehouse.database.config.RouteParameter;
import dev.gatehouse.lambda.database.internal.JdbcConnectionFactory;
import dev.gatehouse.lambda.database.internal.ProxyLog;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The proxy under hostile input and faults, the same for every engine (issue 12): numbers beyond
 * what the engine's decimal type holds, omitted optional parameters of every type, content after a
 * JSON value, floods of unknown fields, invalid text, and databases that freeze.
 */
abstract class DatabaseProxyHostileContractTest extends DatabaseProxyContractTest {
    /** A request budget short enough for the tests, long enough for a healthy local database. */
    static final Duration BUDGET = Duration.ofMillis(2500);
    /** What a loaded 2-core machine may add to a deadline before the answer is back. */
    static final Duration GRACE = Duration.ofMillis(1200);

    DatabaseProxy hostile;

    /** A table {@code amounts (id, amount, adjustment)} of the engine's widest exact decimals, adjustment nullable. */
    abstract String createAmountsTableSql();

    /** A read of one {@code json} query parameter {@code :doc}, answered as a column {@code doc}. */
    abstract String jsonQuerySql();

    @BeforeAll
    void createHostileTables() throws Exception {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute(createAmountsTableSql());
        }
        hostile = hostileProxy(url, STATEMENT_TIMEOUT, BUDGET);
    }

    DatabaseRoutes hostileRoutes() {
        return DatabaseRoutes.builder(engine())
                .route(DatabaseRoute.builder("POST /amounts")
                        .sql("INSERT INTO amounts (amount, adjustment) VALUES (:amount, :adjustment) RETURNING id")
                        .result(ResultKind.ONE).write(true).successStatus(201)
                        .param(RouteParameter.builder("amount", ParameterLocation.BODY, ParameterType.NUMBER)
                                .required(true).minimum(new BigDecimal("0.01")).build())
                        .param(RouteParameter.builder("adjustment", ParameterLocation.BODY, ParameterType.NUMBER).build())
                        .build())
                .route(DatabaseRoute.builder("GET /amounts/{id}").sql("SELECT id, amount, adjustment FROM amounts WHERE id = :id")
                        .result(ResultKind.ONE).param(RouteParameter.path("id", ParameterType.INTEGER)).build())
                .route(DatabaseRoute.builder("GET /amounts")
                        .sql("SELECT id, amount FROM amounts WHERE (:atLeast IS NULL OR amount >= :atLeast) ORDER BY id")
                        .param(RouteParameter.builder("atLeast", ParameterLocation.QUERY, ParameterType.NUMBER).build())
                        .build())
                .route(DatabaseRoute.builder("GET /orders-filtered")
                        .sql("SELECT id FROM orders WHERE (:status IS NULL OR status = :status)"
                                + " AND (:customerId IS NULL OR customer_id = :customerId)"
                                + " AND (:minTotal IS NULL OR total >= :minTotal)"
                                + " AND (:paid IS NULL OR paid = :paid)"
                                + " AND (:since IS NULL OR created_at >= :since)"
                                + " AND (:ref IS NULL OR ref = :ref) ORDER BY id")
                        .param(RouteParameter.builder("status", ParameterLocation.QUERY, ParameterType.STRING).build())
                        .param(RouteParameter.builder("customerId", ParameterLocation.QUERY, ParameterType.INTEGER).build())
                        .param(RouteParameter.builder("minTotal", ParameterLocation.QUERY, ParameterType.NUMBER).build())
                        .param(RouteParameter.builder("paid", ParameterLocation.QUERY, ParameterType.BOOLEAN).build())
                        .param(RouteParameter.builder("since", ParameterLocation.QUERY, ParameterType.TIMESTAMP).build())
                        .param(RouteParameter.builder("ref", ParameterLocation.QUERY, ParameterType.UUID).build())
                        .build())
                .route(DatabaseRoute.builder("GET /orders-optional-ids").sql(ordersByIdsSql()).result(ResultKind.LIST)
                        .param(RouteParameter.builder("ids", ParameterLocation.QUERY, ParameterType.ARRAY)
                                .items(ParameterType.INTEGER).build())
                        .build())
                .route(DatabaseRoute.builder("GET /json").sql(jsonQuerySql()).result(ResultKind.ONE)
                        .param(RouteParameter.builder("doc", ParameterLocation.QUERY, ParameterType.JSON).required(true).build())
                        .build())
                .route(DatabaseRoute.builder("POST /notes")
                        .sql("INSERT INTO customers (email, name) VALUES (:email, :name) RETURNING id")
                        .result(ResultKind.ONE).write(true).successStatus(201)
                        .param(RouteParameter.builder("email", ParameterLocation.BODY, ParameterType.STRING).required(true).build())
                        .param(RouteParameter.builder("name", ParameterLocation.BODY, ParameterType.STRING).required(true).build())
                        .build())
                .route(DatabaseRoute.builder("POST /slow-steps")
                        .sql("INSERT INTO customers (email, name) VALUES (:email, 'steps'); "
                                + sleepSql().replace(":seconds", "0.8") + "; " + sleepSql().replace(":seconds", "0.8") + "; "
                                + sleepSql().replace(":seconds", "0.8") + "; " + sleepSql().replace(":seconds", "0.8"))
                        .result(ResultKind.NONE).write(true).successStatus(201)
                        .param(RouteParameter.builder("email", ParameterLocation.BODY, ParameterType.STRING).required(true).build())
                        .build())
                .build();
    }

    DatabaseProxy hostileProxy(String jdbcUrl, Duration statementTimeout, Duration requestTimeout) {
        DatabaseProxy p = DatabaseProxy.builder(hostileRoutes(),
                        JdbcConnectionFactory.forUrl(engine(), jdbcUrl, Duration.ofSeconds(2), statementTimeout))
                .statementTimeout(statementTimeout)
                .requestTimeout(requestTimeout)
                .log(new ProxyLog(logLines::add))
                .build();
        proxies.add(p);
        return p;
    }

    APIGatewayProxyResponseEvent postAmount(String bodyJson) {
        return hostile.handle(request("POST", "/amounts", "/amounts").body(bodyJson).build(), "amount");
    }

    static List<String> fieldNames(APIGatewayProxyResponseEvent response) throws Exception {
        List<String> names = new ArrayList<>();
        json(response).get("fields").forEach(f -> names.add(f.get("name").asText()));
        return names;
    }

    static String problemOf(APIGatewayProxyResponseEvent response, String field) throws Exception {
        for (JsonNode f : json(response).get("fields")) {
            if (f.get("name").asText().equals(field)) {
                return f.get("problem").asText();
            }
        }
        throw new AssertionError("no problem reported for " + field + ": " + response.getBody());
    }

    // ---------------------------------------------------------------- (1)-(3) numbers

    @Test
    void aHugeNumberIs400NamingTheFieldNotAStoredZero() throws Exception {
        long before = count("SELECT COUNT(*) FROM amounts");

        // When amounts far beyond any decimal column are sent, positive and negative
        APIGatewayProxyResponseEvent huge = postAmount("{\"amount\": 1e999999999}");
        APIGatewayProxyResponseEvent negative = postAmount("{\"amount\": 5, \"adjustment\": -1e999999999}");
        APIGatewayProxyResponseEvent justOver = postAmount("{\"amount\": 1e131072}");

        // Then each is a 400 naming the field, and nothing was stored
        assertEquals(400, huge.getStatusCode(), huge.getBody());
        assertEquals(List.of("amount"), fieldNames(huge));
        assertTrue(problemOf(huge, "amount").startsWith("must have at most"), huge.getBody());
        assertEquals(400, negative.getStatusCode(), negative.getBody());
        assertEquals(List.of("adjustment"), fieldNames(negative));
        assertEquals(400, justOver.getStatusCode(), justOver.getBody());
        assertEquals(List.of("amount"), fieldNames(justOver));
        assertEquals(before, count("SELECT COUNT(*) FROM amounts"));
    }

    @Test
    void aNumberWithTooManyDecimalPlacesIs400() throws Exception {
        long before = count("SELECT COUNT(*) FROM amounts");

        APIGatewayProxyResponseEvent tiny = postAmount("{\"amount\": 5, \"adjustment\": 1e-10000}");
        APIGatewayProxyResponseEvent fromQuery = hostile.handle(request("GET", "/amounts", "/amounts")
                .query("atLeast", "0.5e-9999").build(), "q");

        assertEquals(400, tiny.getStatusCode(), tiny.getBody());
        assertEquals(List.of("adjustment"), fieldNames(tiny));
        assertTrue(problemOf(tiny, "adjustment").startsWith("must have at most"), tiny.getBody());
        assertEquals(400, fromQuery.getStatusCode(), fromQuery.getBody());
        assertEquals(List.of("atLeast"), fieldNames(fromQuery));
        assertEquals(before, count("SELECT COUNT(*) FROM amounts"));
    }

    @Test
    void anExponentTooSmallForTheDriverIs400Not500() throws Exception {
        APIGatewayProxyResponseEvent response = postAmount("{\"amount\": 5, \"adjustment\": 1e-999999999}");

        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals(List.of("adjustment"), fieldNames(response));
    }

    @Test
    void anExponentBeyondAnyDecimalIs400Not500() throws Exception {
        APIGatewayProxyResponseEvent response = postAmount("{\"amount\": 1e99999999999}");

        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals("invalid_request", json(response).get("error").asText());
    }

    @Test
    void trailingZerosDoNotCountAsDecimalPlaces() throws Exception {
        String zeros = "0".repeat(40);

        APIGatewayProxyResponseEvent response = postAmount("{\"amount\": 2." + zeros + "}");

        assertEquals(201, response.getStatusCode(), response.getBody());
        long id = json(response).get("id").asLong();
        JsonNode read = json(hostile.handle(request("GET", "/amounts/{id}", "/amounts/" + id)
                .path("id", Long.toString(id)).build(), "r"));
        assertEquals(0, new BigDecimal("2").compareTo(read.get("amount").decimalValue()), read.toString());
    }

    // ---------------------------------------------------------------- (4) typed NULLs

    @Test
    void everyOmittedOptionalParameterIsATypedNull() throws Exception {
        // When no filter is sent, every "(:p IS NULL OR ...)" is true
        APIGatewayProxyResponseEvent all = hostile.handle(request("GET", "/orders-filtered", "/orders-filtered").build(), "a");
        assertEquals(200, all.getStatusCode(), all.getBody());
        long orders = count("SELECT COUNT(*) FROM orders");
        assertEquals(orders, json(all).get("items").size());

        // And each filter on its own, sent with the others omitted, narrows the result as its SQL says
        assertEquals(count("SELECT COUNT(*) FROM orders WHERE status = 'shipped'"), filtered("status", "shipped"));
        assertEquals(count("SELECT COUNT(*) FROM orders WHERE customer_id = 2"), filtered("customerId", "2"));
        assertEquals(count("SELECT COUNT(*) FROM orders WHERE total >= 20"), filtered("minTotal", "20"));
        assertEquals(count("SELECT COUNT(*) FROM orders WHERE paid = TRUE"), filtered("paid", "true"));
        assertEquals(0, filtered("since", "2999-01-01T00:00:00Z"));
        assertEquals(orders, filtered("since", "2000-01-01T00:00:00Z"));
        assertEquals(1, filtered("ref", "123e4567-e89b-12d3-a456-426614174000"));
    }

    private long filtered(String name, String value) throws Exception {
        APIGatewayProxyResponseEvent response = hostile.handle(request("GET", "/orders-filtered", "/orders-filtered")
                .query(name, value).build(), "f");
        assertEquals(200, response.getStatusCode(), name + ": " + response.getBody());
        return json(response).get("items").size();
    }

    @Test
    void anOmittedArrayMatchesNothing() throws Exception {
        APIGatewayProxyResponseEvent none = hostile.handle(request("GET", "/orders-optional-ids", "/orders-optional-ids")
                .build(), "n");

        assertEquals(200, none.getStatusCode(), none.getBody());
        assertEquals(0, json(none).get("items").size());
        JsonNode two = json(hostile.handle(request("GET", "/orders-optional-ids", "/orders-optional-ids")
                .query("ids", "2", "3").build(), "t"));
        assertEquals(2, two.get("items").size(), two.toString());
    }

    // ---------------------------------------------------------------- (5) trailing content

    @Test
    void contentAfterTheJsonBodyIs400() throws Exception {
        long before = count("SELECT COUNT(*) FROM amounts");

        APIGatewayProxyResponseEvent word = postAmount("{\"amount\": 1} DROP");
        APIGatewayProxyResponseEvent second = postAmount("{\"amount\": 1} {\"amount\": 2}");
        APIGatewayProxyResponseEvent spaces = postAmount(" {\"amount\": 1} \n\t ");

        assertEquals(400, word.getStatusCode(), word.getBody());
        assertEquals(List.of("body"), fieldNames(word));
        assertEquals("is not valid JSON", problemOf(word, "body"));
        assertEquals(400, second.getStatusCode(), second.getBody());
        assertEquals(List.of("body"), fieldNames(second));
        assertEquals(201, spaces.getStatusCode(), "whitespace around the value is fine: " + spaces.getBody());
        assertEquals(before + 1, count("SELECT COUNT(*) FROM amounts"));
    }

    @Test
    void contentAfterAJsonQueryParameterIs400() throws Exception {
        APIGatewayProxyResponseEvent ok = hostile.handle(request("GET", "/json", "/json")
                .query("doc", "{\"a\": [1, 2]}").build(), "ok");
        APIGatewayProxyResponseEvent trailing = hostile.handle(request("GET", "/json", "/json")
                .query("doc", "{\"a\": 1} x").build(), "t");

        assertEquals(200, ok.getStatusCode(), ok.getBody());
        assertEquals(400, trailing.getStatusCode(), trailing.getBody());
        assertEquals(List.of("doc"), fieldNames(trailing));
        assertEquals("must be valid JSON", problemOf(trailing, "doc"));
    }

    // ---------------------------------------------------------------- (6) size of error responses

    @Test
    void aFloodOfUnknownFieldsGetsASmallAnswer() throws Exception {
        // Given a body of about 5 MB, almost all of it unknown fields
        StringBuilder body = new StringBuilder(5_200_000).append("{\"amount\": 1");
        int unknown = 0;
        while (body.length() < 5_000_000) {
            body.append(", \"unknown_field_number_").append(unknown++).append("\": 0");
        }
        body.append(", \"").append("x".repeat(40_000)).append("\": 0}");
        unknown++;

        APIGatewayProxyResponseEvent response = postAmount(body.toString());

        // Then a 400 listing the first problems, how many more there are, and nothing huge
        assertEquals(400, response.getStatusCode());
        assertTrue(response.getBody().length() < 8_192, "answer of " + response.getBody().length() + " characters");
        JsonNode answer = json(response);
        assertEquals(20, answer.get("fields").size(), answer.toString());
        assertEquals(unknown - 20, answer.get("moreFields").asInt(), answer.toString());
        assertEquals("unknown_field_number_0", answer.at("/fields/0/name").asText());
    }

    @Test
    void aHugeUnknownNameIsShortenedInTheAnswer() throws Exception {
        String name = "y".repeat(1_000_000);

        APIGatewayProxyResponseEvent response = hostile.handle(request("GET", "/amounts", "/amounts")
                .query(name, "1").build(), "n");

        assertEquals(400, response.getStatusCode());
        assertTrue(response.getBody().length() < 1_024, response.getBody().length() + " characters");
        String shown = json(response).at("/fields/0/name").asText();
        assertTrue(shown.startsWith("yyyy") && shown.endsWith("…") && shown.length() <= 101, shown);
    }

    // ---------------------------------------------------------------- (8) invalid text

    @Test
    void invalidUtf8InABase64BodyIs400() throws Exception {
        byte[] bytes = "{\"email\": \"x@example.com\", \"name\": \"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 4] = (byte) 0xff; // the é's second byte: no longer UTF-8
        APIGatewayProxyRequestEvent event = request("POST", "/notes", "/notes")
                .body(Base64.getEncoder().encodeToString(bytes)).build();
        event.setIsBase64Encoded(true);
        long before = count("SELECT COUNT(*) FROM customers");

        APIGatewayProxyResponseEvent response = hostile.handle(event, "b");

        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals(List.of("body"), fieldNames(response));
        assertEquals("is not valid UTF-8", problemOf(response, "body"));
        assertEquals(before, count("SELECT COUNT(*) FROM customers"));
    }

    @Test
    void aLoneSurrogateIs400WhereverItIs() throws Exception {
        long before = count("SELECT COUNT(*) FROM customers");

        // escaped in a JSON string, and raw in the body text
        APIGatewayProxyResponseEvent escaped = hostile.handle(request("POST", "/notes", "/notes")
                .body("{\"email\": \"" + unique("s") + "\", \"name\": \"a\\ud800b\"}").build(), "e");
        APIGatewayProxyResponseEvent raw = hostile.handle(request("POST", "/notes", "/notes")
                .body("{\"email\": \"" + unique("s") + "\", \"name\": \"a\udc00b\"}").build(), "r");
        // in a query parameter, and inside a json parameter
        APIGatewayProxyResponseEvent query = send(request("GET", "/customers-by-name", "/customers-by-name")
                .query("name", "x\ud83d").build());
        APIGatewayProxyResponseEvent inJson = hostile.handle(request("GET", "/json", "/json")
                .query("doc", "{\"k\": [\"\\udbff\"]}").build(), "j");

        assertEquals(400, escaped.getStatusCode(), escaped.getBody());
        assertEquals(List.of("name"), fieldNames(escaped));
        assertEquals("must be valid Unicode text (it has an unpaired surrogate)", problemOf(escaped, "name"));
        assertEquals(400, raw.getStatusCode(), raw.getBody());
        assertEquals(List.of("name"), fieldNames(raw));
        assertEquals(400, query.getStatusCode(), query.getBody());
        assertEquals(List.of("name"), fieldNames(query));
        assertEquals(400, inJson.getStatusCode(), inJson.getBody());
        assertEquals(List.of("doc"), fieldNames(inJson));
        assertEquals(before, count("SELECT COUNT(*) FROM customers"));
    }

    @Test
    void surrogatePairsAreStoredAsTheyAre() throws Exception {
        String name = "emoji \ud83d\ude00 and \\ud83d\\ude01";

        APIGatewayProxyResponseEvent created = hostile.handle(request("POST", "/notes", "/notes")
                .body("{\"email\": \"" + unique("pair") + "\", \"name\": \"" + name + "\"}").build(), "p");

        assertEquals(201, created.getStatusCode(), created.getBody());
        long id = json(created).get("id").asLong();
        assertEquals("emoji \ud83d\ude00 and \ud83d\ude01", json(send(getCustomer(id))).get("name").asText());
    }

    // ---------------------------------------------------------------- (7) deadlines

    @Test
    void aFrozenDatabaseIsAnsweredBeforeTheRequestDeadline() throws Exception {
        String[] hp = TestDatabases.hostPort(url, defaultPort());
        try (TcpProxy tcp = new TcpProxy(hp[0], Integer.parseInt(hp[1])).start()) {
            // Given a proxy whose statement timeout alone would outlast its request budget
            DatabaseProxy p = hostileProxy(TestDatabases.withHostPort(url, "127.0.0.1", tcp.port()),
                    Duration.ofSeconds(15), BUDGET);
            assertEquals(200, p.handle(request("GET", "/amounts", "/amounts").build(), "warm").getStatusCode());

            // When the database freezes (it keeps its sockets but answers nothing)
            tcp.freeze();
            long start = System.nanoTime();
            APIGatewayProxyResponseEvent response = p.handle(request("GET", "/amounts", "/amounts").build(), "frozen");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            // Then the request is answered by its deadline, as a timeout, with nothing leaked
            assertEquals(504, response.getStatusCode(), response.getBody());
            assertEquals("timeout", json(response).get("error").asText());
            assertTrue(took.compareTo(BUDGET.plus(GRACE)) < 0, "answered after " + took.toMillis() + " ms");
            assertTrue(logLines.stream().anyMatch(l -> l.contains("request deadline")), logLines.toString());

            // And a new connection is made before the deadline too, while it stays frozen
            DatabaseProxy fresh = hostileProxy(TestDatabases.withHostPort(url, "127.0.0.1", tcp.port()),
                    Duration.ofSeconds(15), Duration.ofMillis(1500));
            start = System.nanoTime();
            APIGatewayProxyResponseEvent connecting = fresh.handle(request("GET", "/amounts", "/amounts").build(), "c");
            took = Duration.ofNanos(System.nanoTime() - start);
            assertEquals(503, connecting.getStatusCode(), connecting.getBody());
            assertTrue(took.compareTo(Duration.ofMillis(1500).plus(GRACE)) < 0, "answered after " + took.toMillis() + " ms");

            // And once it thaws, the next request works on a new connection
            tcp.thaw();
            assertEquals(200, p.handle(request("GET", "/amounts", "/amounts").build(), "thawed").getStatusCode());
        }
    }

    @Test
    void theStatementsOfAWriteShareOneDeadline() throws Exception {
        // Given four statements of 0.8 s each: every one is within the 1 s statement timeout
        String email = unique("steps");
        long start = System.nanoTime();

        APIGatewayProxyResponseEvent response = hostile.handle(request("POST", "/slow-steps", "/slow-steps")
                .body("{\"email\": \"" + email + "\"}").build(), "s");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // Then together they run into the 2.5 s request deadline: 504, and nothing was written
        assertEquals(504, response.getStatusCode(), response.getBody());
        assertTrue(took.compareTo(BUDGET.plus(GRACE)) < 0, "answered after " + took.toMillis() + " ms");
        assertEquals(0, count("SELECT COUNT(*) FROM customers WHERE email = '" + email + "'"));
        // And the proxy carries on
        assertEquals(200, hostile.handle(request("GET", "/amounts", "/amounts").build(), "after").getStatusCode());
    }

    @Test
    void theLambdaContextsRemainingTimeBoundsTheRequest() throws Exception {
        String[] hp = TestDatabases.hostPort(url, defaultPort());
        try (TcpProxy tcp = new TcpProxy(hp[0], Integer.parseInt(hp[1])).start()) {
            // Given a generous configured budget, but a function with 2.5 s left
            DatabaseProxyHandler handler = new DatabaseProxyHandler(hostileProxy(
                    TestDatabases.withHostPort(url, "127.0.0.1", tcp.port()), Duration.ofSeconds(15), Duration.ofSeconds(60)));
            assertEquals(200, handler.handleRequest(request("GET", "/amounts", "/amounts").build(),
                    new TestContext(Duration.ofSeconds(20))).getStatusCode());
            tcp.freeze();
            long start = System.nanoTime();

            APIGatewayProxyResponseEvent response = handler.handleRequest(request("GET", "/amounts", "/amounts").build(),
                    new TestContext(Duration.ofMillis(2500)));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            // Then the proxy answers a second before the function would be stopped
            assertEquals(504, response.getStatusCode(), response.getBody());
            assertTrue(took.compareTo(Duration.ofMillis(1500).plus(GRACE)) < 0, "answered after " + took.toMillis() + " ms");
            assertFalse(took.compareTo(Duration.ofMillis(1000)) < 0, "not before its deadline: " + took.toMillis() + " ms");
            tcp.thaw();
        }
    }

    int defaultPort() {
        return engine() == dev.gatehouse.database.config.DatabaseEngine.POSTGRESQL ? 5432 : 3306;
    }
}
