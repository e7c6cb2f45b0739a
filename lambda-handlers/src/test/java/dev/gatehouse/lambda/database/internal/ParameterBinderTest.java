package dev.gatehouse.lambda.database.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
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
    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final ValueParser parser = new ValueParser(mapper);
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
}
