package dev.gatehouse.lambda.database.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.database.config.DatabaseEngine;
import dev.gatehouse.database.config.DatabaseRoute;
import dev.gatehouse.database.config.ParameterLocation;
import dev.gatehouse.database.config.ParameterType;
import dev.gatehouse.database.config.ResultKind;
import dev.gatehouse.database.config.RouteParameter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ParameterBinderTest {
    private final ObjectMapper mapper = ValueParser.clientJsonMapper();
    private final ValueParser parser = new ValueParser(mapper, NumericLimits.of(DatabaseEngine.POSTGRESQL));
    private final ParameterBinder binder = new ParameterBinder(mapper, parser, new CursorCodec(parser));

    private static CompiledRoute route(String route, String sql, RouteParameter... params) {
        return new CompiledRoute(DatabaseRoute.builder(route).sql(sql).result(ResultKind.LIST).params(List.of(params))
                .build(), DatabaseEngine.POSTGRESQL);
    }

    private static APIGatewayProxyRequestEvent query(Map<String, List<String>> query) {
        return new APIGatewayProxyRequestEvent().withHttpMethod("GET").withMultiValueQueryStringParameters(query);
    }

    private static List<String> problems(InvalidRequestException e) {
        return e.problems().stream().map(FieldProblem::toString).collect(Collectors.toList());
    }

    @Test
    void convertsEveryScalarTypeFromQueryText() throws Exception {
        CompiledRoute r = route("GET /x", "SELECT :s, :i, :n, :b, :t, :u, :j",
                RouteParameter.builder("s", ParameterLocation.QUERY, ParameterType.STRING).build(),
                RouteParameter.builder("i", ParameterLocation.QUERY, ParameterType.INTEGER).build(),
                RouteParameter.builder("n", ParameterLocation.QUERY, ParameterType.NUMBER).build(),
                RouteParameter.builder("b", ParameterLocation.QUERY, ParameterType.BOOLEAN).build(),
                RouteParameter.builder("t", ParameterLocation.QUERY, ParameterType.TIMESTAMP).build(),
                RouteParameter.builder("u", ParameterLocation.QUERY, ParameterType.UUID).build(),
                RouteParameter.builder("j", ParameterLocation.QUERY, ParameterType.JSON).build());

        BoundRequest bound = binder.bind(r, query(Map.of("s", List.of("text"), "i", List.of("-42"), "n", List.of("1.50"),
                "b", List.of("true"), "t", List.of("2024-05-01T10:00:00+02:00"),
                "u", List.of("123e4567-e89b-12d3-a456-426614174000"), "j", List.of("{\"a\":[1]}"))), Map.of());

        assertEquals("text", bound.value("s"));
        assertEquals(-42L, bound.value("i"));
        assertEquals(new BigDecimal("1.50"), bound.value("n"));
        assertEquals(Boolean.TRUE, bound.value("b"));
        assertEquals(OffsetDateTime.parse("2024-05-01T08:00:00Z").toInstant(), ((OffsetDateTime) bound.value("t")).toInstant());
        assertEquals(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), bound.value("u"));
        assertEquals(new EngineDialect.JsonText("{\"a\":[1]}"), bound.value("j"));
    }

    @Test
    void rejectsBadTextWithoutEchoingIt() {
        CompiledRoute r = route("GET /x", "SELECT :i, :n, :b, :j, :s",
                RouteParameter.builder("i", ParameterLocation.QUERY, ParameterType.INTEGER).build(),
                RouteParameter.builder("n", ParameterLocation.QUERY, ParameterType.NUMBER).maximum(10).build(),
                RouteParameter.builder("b", ParameterLocation.QUERY, ParameterType.BOOLEAN).build(),
                RouteParameter.builder("j", ParameterLocation.QUERY, ParameterType.JSON).build(),
                RouteParameter.builder("s", ParameterLocation.QUERY, ParameterType.STRING).maxLength(3).build());

        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> binder.bind(r, query(Map.of(
                "i", List.of("99999999999999999999"), "n", List.of("10.01"), "b", List.of("yes<script>"),
                "j", List.of("{broken"), "s", List.of("a\u0000"))), Map.of()));

        List<String> p = problems(e);
        assertTrue(p.contains("query i: must be an integer between -9223372036854775808 and 9223372036854775807"), p.toString());
        assertTrue(p.contains("query n: must be at most 10"), p.toString());
        assertTrue(p.contains("query b: must be true or false"), p.toString());
        assertTrue(p.contains("query j: must be valid JSON"), p.toString());
        assertTrue(p.contains("query s: must not contain a NUL character"), p.toString());
        assertTrue(p.stream().noneMatch(x -> x.contains("script")), p.toString());
    }

    @Test
    void aScalarQueryParameterGivenTwiceIsRejected() {
        CompiledRoute r = route("GET /x", "SELECT :s",
                RouteParameter.builder("s", ParameterLocation.QUERY, ParameterType.STRING).build());

        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> binder.bind(r, query(Map.of("s", List.of("a", "b"))), Map.of()));
        assertEquals(List.of("query s: must be given once"), problems(e));
    }

    @Test
    void lengthIsCountedInCharactersNotBytes() throws Exception {
        CompiledRoute r = route("GET /x", "SELECT :s",
                RouteParameter.builder("s", ParameterLocation.QUERY, ParameterType.STRING).maxLength(3).build());

        assertEquals("héé", binder.bind(r, query(Map.of("s", List.of("héé"))), Map.of()).value("s"));
        assertEquals("😀😀😀", binder.bind(r, query(Map.of("s", List.of("😀😀😀"))), Map.of()).value("s"));
        assertThrows(InvalidRequestException.class, () -> binder.bind(r, query(Map.of("s", List.of("abcd"))), Map.of()));
    }

    @Test
    void readsBase64BodiesAndRejectsABodyOnARouteThatTakesNone() throws Exception {
        CompiledRoute withBody = route("POST /x", "SELECT :n",
                RouteParameter.builder("n", ParameterLocation.BODY, ParameterType.INTEGER).required(true).build());
        APIGatewayProxyRequestEvent encoded = new APIGatewayProxyRequestEvent().withHttpMethod("POST")
                .withBody(Base64.getEncoder().encodeToString("{\"n\": 7}".getBytes(StandardCharsets.UTF_8)))
                .withIsBase64Encoded(true);
        assertEquals(7L, binder.bind(withBody, encoded, Map.of()).value("n"));

        CompiledRoute noBody = route("POST /y", "SELECT 1");
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> binder.bind(noBody,
                new APIGatewayProxyRequestEvent().withHttpMethod("POST").withBody("{\"n\": 7}"), Map.of()));
        assertEquals(List.of("body body: this route takes no request body"), problems(e));
    }

    @Test
    void bodyTypesAreStrict() {
        CompiledRoute r = route("POST /x", "SELECT :i, :b, :s",
                RouteParameter.builder("i", ParameterLocation.BODY, ParameterType.INTEGER).build(),
                RouteParameter.builder("b", ParameterLocation.BODY, ParameterType.BOOLEAN).build(),
                RouteParameter.builder("s", ParameterLocation.BODY, ParameterType.STRING).build());

        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> binder.bind(r,
                new APIGatewayProxyRequestEvent().withHttpMethod("POST").withBody("{\"i\": 1.5, \"b\": \"true\", \"s\": 5}"),
                Map.of()));
        assertEquals(List.of("body i: must be an integer", "body b: must be true or false", "body s: must be a string"),
                problems(e));
    }

    @Test
    void cursorsRoundTripAndForgedOnesAreRejected() throws Exception {
        CursorCodec codec = new CursorCodec(parser);
        String cursor = codec.encode("2024-05-01T10:00:00.123456Z");

        assertTrue(cursor.matches("[A-Za-z0-9_-]+"), cursor);
        assertEquals(OffsetDateTime.parse("2024-05-01T10:00:00.123456Z"), codec.decode(ParameterType.TIMESTAMP, cursor));
        assertEquals(42L, codec.decode(ParameterType.INTEGER, codec.encode("42")));
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("1:1 OR 1=1".getBytes(StandardCharsets.UTF_8));
        assertThrows(ValueParser.BadValue.class, () -> codec.decode(ParameterType.INTEGER, forged));
        assertThrows(ValueParser.BadValue.class, () -> codec.decode(ParameterType.INTEGER, "!!!"));
        assertThrows(ValueParser.BadValue.class, () -> codec.decode(ParameterType.INTEGER,
                Base64.getUrlEncoder().encodeToString("42".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void numbersMustFitTheEnginesDecimals() throws Exception {
        RouteParameter n = RouteParameter.builder("n", ParameterLocation.BODY, ParameterType.NUMBER).build();
        ValueParser mysql = new ValueParser(mapper, NumericLimits.of(DatabaseEngine.MYSQL));

        // PostgreSQL numeric: 131072 digits before the point; 9999 after it, the most written back plainly
        assertEquals(new BigDecimal("9e131071"), parser.fromJson(ParameterType.NUMBER, mapper.readTree("9e131071"), n));
        assertEquals(new BigDecimal("1e-9999"), parser.fromJson(ParameterType.NUMBER, mapper.readTree("1e-9999"), n));
        for (String beyond : List.of("1e131072", "-1e131072", "1e-10000", "1e-999999999", "1e999999999")) {
            ValueParser.BadValue e = assertThrows(ValueParser.BadValue.class,
                    () -> parser.fromJson(ParameterType.NUMBER, mapper.readTree(beyond), n), beyond);
            assertEquals("must have at most 131072 digits before the decimal point and 9999 after it", e.getMessage());
        }
        // MySQL/MariaDB DECIMAL: 65 digits, 38 after the point; trailing zeros do not count
        assertEquals(new BigDecimal("1e-38"), mysql.fromText(ParameterType.NUMBER, "1e-38", n));
        assertEquals(0, BigDecimal.ONE.compareTo((BigDecimal) mysql.fromText(ParameterType.NUMBER, "1." + "0".repeat(40), n)));
        assertEquals(new BigDecimal("9".repeat(65)), mysql.fromText(ParameterType.NUMBER, "9".repeat(65), n));
        for (String beyond : List.of("1e-39", "1e65", "1" + "0".repeat(27) + "." + "1".repeat(38))) {
            ValueParser.BadValue e = assertThrows(ValueParser.BadValue.class,
                    () -> mysql.fromText(ParameterType.NUMBER, beyond, n), beyond);
            assertEquals("must have at most 65 digits, at most 38 of them after the decimal point", e.getMessage());
        }
    }

    @Test
    void textMustBeValidUnicode() {
        CompiledRoute r = route("POST /x", "SELECT :s, :j",
                RouteParameter.builder("s", ParameterLocation.BODY, ParameterType.STRING).build(),
                RouteParameter.builder("j", ParameterLocation.BODY, ParameterType.JSON).build());

        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> binder.bind(r,
                new APIGatewayProxyRequestEvent().withHttpMethod("POST")
                        .withBody("{\"s\": \"\\udc00\", \"j\": {\"k\": [\"\\ud800\"]}}"), Map.of()));
        assertEquals(List.of("body s: must be valid Unicode text (it has an unpaired surrogate)",
                "body j: must be valid Unicode text (it has an unpaired surrogate)"), problems(e));

        APIGatewayProxyRequestEvent latin1 = new APIGatewayProxyRequestEvent().withHttpMethod("POST").withIsBase64Encoded(true)
                .withBody(Base64.getEncoder().encodeToString("{\"s\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1)));
        InvalidRequestException notUtf8 = assertThrows(InvalidRequestException.class, () -> binder.bind(r, latin1, Map.of()));
        assertEquals(List.of("body body: is not valid UTF-8"), problems(notUtf8));
    }
}
