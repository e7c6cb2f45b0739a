package dev.gatehouse.database.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The configuration's value classes: defaults in force, equality, and how they print. */
class DatabaseModelTest {
    private static RouteParameter.Builder query(String name, ParameterType type) {
        return RouteParameter.builder(name, ParameterLocation.QUERY, type);
    }

    /** Equal objects hash alike (asserted per class); different ones do not all share one hash code. */
    private static void assertHashesSpread(List<?> distinct) {
        assertTrue(distinct.stream().map(Object::hashCode).distinct().count() > 1, distinct.toString());
    }

    @Test
    void differentValuesSpreadOverHashCodes() {
        assertHashesSpread(List.of(new ConfigProblem("a", "p", "f"), new ConfigProblem("b", "p", "f"),
                new ConfigProblem(null, "q", "g")));
        assertHashesSpread(List.of(DatabaseRoute.builder("GET /a").build(), DatabaseRoute.builder("GET /b").build(),
                DatabaseRoute.builder("GET /c").sql("SELECT 1").build()));
        assertHashesSpread(List.of(DatabaseRoutes.builder(DatabaseEngine.MYSQL).build(),
                DatabaseRoutes.builder(DatabaseEngine.POSTGRESQL).build(),
                DatabaseRoutes.builder(DatabaseEngine.MYSQL).route(DatabaseRoute.builder("GET /a").build()).build()));
        assertHashesSpread(List.of(Pagination.builder("a", ParameterType.INTEGER).build(),
                Pagination.builder("b", ParameterType.INTEGER).build(), Pagination.builder("c", ParameterType.UUID).build()));
        assertHashesSpread(List.of(RouteKey.parse("GET /a"), RouteKey.parse("GET /b"), RouteKey.parse("POST /a")));
        assertHashesSpread(List.of(query("a", ParameterType.STRING).build(), query("b", ParameterType.STRING).build(),
                query("c", ParameterType.INTEGER).build()));
    }

    @Test
    void parameterDefaultsInForce() {
        assertEquals(RouteParameter.DEFAULT_STRING_MAX_LENGTH, query("s", ParameterType.STRING).build().effectiveMaxLength());
        assertEquals(RouteParameter.DEFAULT_JSON_MAX_LENGTH, query("j", ParameterType.JSON).build().effectiveMaxLength());
        assertEquals(RouteParameter.DEFAULT_STRING_MAX_LENGTH,
                query("a", ParameterType.ARRAY).items(ParameterType.STRING).build().effectiveMaxLength());
        assertEquals(RouteParameter.DEFAULT_JSON_MAX_LENGTH,
                query("a", ParameterType.ARRAY).items(ParameterType.JSON).build().effectiveMaxLength());
        assertEquals(RouteParameter.DEFAULT_STRING_MAX_LENGTH, query("a", ParameterType.ARRAY).build().effectiveMaxLength());
        assertEquals(7, query("s", ParameterType.STRING).maxLength(7).build().effectiveMaxLength());
        assertEquals(RouteParameter.DEFAULT_MAX_ITEMS, query("a", ParameterType.ARRAY).build().effectiveMaxItems());
        assertEquals(3, query("a", ParameterType.ARRAY).maxItems(3).build().effectiveMaxItems());
        assertEquals(ParameterType.INTEGER, query("a", ParameterType.ARRAY).items(ParameterType.INTEGER).build().scalarType());
        assertEquals(ParameterType.ARRAY, query("a", ParameterType.ARRAY).build().scalarType());
    }

    @Test
    void onlyPathParametersAndThoseMarkedRequiredAreRequired() {
        assertTrue(RouteParameter.path("id", ParameterType.INTEGER).isRequired());
        assertFalse(query("q", ParameterType.STRING).build().isRequired());
        assertFalse(query("q", ParameterType.STRING).required(false).build().isRequired());
        assertTrue(query("q", ParameterType.STRING).required(true).build().isRequired());
        assertEquals(Optional.empty(), query("q", ParameterType.STRING).build().requiredSetting());
    }

    @Test
    void queryAndBodyShortcutsAreOptionalParametersWithTheDefaultLimits() {
        // Given parameters made with the shortcuts
        RouteParameter status = RouteParameter.query("status", ParameterType.STRING);
        RouteParameter note = RouteParameter.body("note", ParameterType.JSON);
        // Then each is what the builder makes for that place, optional, with the default limits
        assertEquals(query("status", ParameterType.STRING).build(), status);
        assertEquals(RouteParameter.builder("note", ParameterLocation.BODY, ParameterType.JSON).build(), note);
        assertEquals(ParameterLocation.QUERY, status.location());
        assertEquals(ParameterLocation.BODY, note.location());
        assertFalse(status.isRequired());
        assertFalse(note.isRequired());
        assertEquals(RouteParameter.DEFAULT_STRING_MAX_LENGTH, status.effectiveMaxLength());
        assertEquals(RouteParameter.DEFAULT_JSON_MAX_LENGTH, note.effectiveMaxLength());
        // and routes using them are valid, and survive the JSON round trip
        DatabaseRoutes routes = DatabaseRoutes.builder(DatabaseEngine.POSTGRESQL)
                .route(DatabaseRoute.builder("GET /orders")
                        .sql("SELECT id FROM orders WHERE (:status IS NULL OR status = :status)")
                        .result(ResultKind.LIST).param(status).build())
                .route(DatabaseRoute.builder("PATCH /orders/{id}").sql("UPDATE orders SET note = :note WHERE id = :id")
                        .result(ResultKind.NONE).write(true)
                        .param(RouteParameter.path("id", ParameterType.INTEGER)).param(note).build())
                .build();
        assertEquals(List.of(), routes.validate());
        assertEquals(routes, DatabaseRoutes.fromJson(routes.toJson()));
    }

    @Test
    void parametersAreEqualWhenEverySettingIs() {
        RouteParameter full = query("q", ParameterType.ARRAY).items(ParameterType.NUMBER).required(true).maxLength(4)
                .minimum(BigDecimal.ONE).maximum(BigDecimal.TEN).maxItems(9).build();
        assertEquals(full, full.toBuilder().build());
        assertEquals(full.hashCode(), full.toBuilder().build().hashCode());
        assertEquals("RouteParameter[q in query: array]", full.toString());
        assertNotEquals(full, full.toBuilder().maxItems(8).build());
        assertNotEquals(full, full.toBuilder().maximum(BigDecimal.ONE).build());
        assertNotEquals(full, full.toBuilder().minimum(BigDecimal.TEN).build());
        assertNotEquals(full, full.toBuilder().maxLength(5).build());
        assertNotEquals(full, full.toBuilder().required(false).build());
        assertNotEquals(full, full.toBuilder().items(ParameterType.INTEGER).build());
        assertNotEquals(full, query("r", ParameterType.ARRAY).build());
        assertNotEquals(full, RouteParameter.builder("q", ParameterLocation.BODY, ParameterType.ARRAY).build());
        assertNotEquals(full, query("q", ParameterType.STRING).build());
        assertNotEquals(full, "q");
    }

    @Test
    void routeDefaultsInForce() {
        DatabaseRoute list = DatabaseRoute.builder("GET /t").sql("SELECT 1").build();
        assertEquals(200, list.effectiveSuccessStatus());
        assertEquals(DatabaseRoute.DEFAULT_MAX_ROWS, list.effectiveMaxRows());
        assertEquals(204, list.toBuilder().result(ResultKind.NONE).build().effectiveSuccessStatus());
        assertEquals(201, list.toBuilder().successStatus(201).build().effectiveSuccessStatus());
        assertEquals(5, list.toBuilder().maxRows(5).build().effectiveMaxRows());
        assertEquals("DatabaseRoute[GET /t]", list.toString());
    }

    @Test
    void routesAreEqualWhenEverySettingIs() {
        DatabaseRoute route = DatabaseRoute.builder("GET /t").sql("SELECT :q").result(ResultKind.LIST)
                .param(query("q", ParameterType.STRING).build()).successStatus(200).maxRows(3)
                .pagination(Pagination.builder("id", ParameterType.INTEGER).build()).build();
        assertEquals(route, route.toBuilder().build());
        assertEquals(route.hashCode(), route.toBuilder().build().hashCode());
        assertNotEquals(route, route.toBuilder().sql("SELECT 2").build());
        assertNotEquals(route, route.toBuilder().result(ResultKind.ONE).build());
        assertNotEquals(route, route.toBuilder().params(List.of()).build());
        assertNotEquals(route, route.toBuilder().pagination(Pagination.builder("id", ParameterType.STRING).build()).build());
        assertNotEquals(route, route.toBuilder().successStatus(201).build());
        assertNotEquals(route, route.toBuilder().write(true).build());
        assertNotEquals(route, route.toBuilder().maxRows(4).build());
        assertNotEquals(route, DatabaseRoute.builder("GET /u").build());
        assertNotEquals(route, "GET /t");
    }

    @Test
    void paginationsAreEqualWhenEverySettingIs() {
        Pagination p = Pagination.builder("id", ParameterType.INTEGER).defaultLimit(5).maxLimit(50).build();
        assertEquals(p, Pagination.builder("id", ParameterType.INTEGER).defaultLimit(5).maxLimit(50).build());
        assertEquals(p.hashCode(), Pagination.builder("id", ParameterType.INTEGER).defaultLimit(5).maxLimit(50).build().hashCode());
        assertNotEquals(p, Pagination.builder("id2", ParameterType.INTEGER).defaultLimit(5).maxLimit(50).build());
        assertNotEquals(p, Pagination.builder("id", ParameterType.UUID).defaultLimit(5).maxLimit(50).build());
        assertNotEquals(p, Pagination.builder("id", ParameterType.INTEGER).defaultLimit(6).maxLimit(50).build());
        assertNotEquals(p, Pagination.builder("id", ParameterType.INTEGER).defaultLimit(5).maxLimit(51).build());
        assertNotEquals(p, "id");
        Pagination defaults = Pagination.builder("id", ParameterType.INTEGER).build();
        assertEquals(20, defaults.defaultLimit());
        assertEquals(100, defaults.maxLimit());
    }

    @Test
    void configurationsFindRoutesByTheirTextAndCompareWhole() {
        DatabaseRoute a = DatabaseRoute.builder("GET /a").sql("SELECT 1").build();
        DatabaseRoute b = DatabaseRoute.builder("GET /b").sql("SELECT 2").build();
        DatabaseRoutes routes = DatabaseRoutes.builder(DatabaseEngine.MYSQL).routes(List.of(a, b)).build();
        assertSame(b, routes.route("GET /b").orElseThrow());
        assertEquals(Optional.empty(), routes.route("GET /c"));
        assertSame(routes, routes.requireValid());
        assertEquals(routes, DatabaseRoutes.builder(DatabaseEngine.MYSQL).routes(List.of(a, b)).build());
        assertEquals(routes.hashCode(), DatabaseRoutes.builder(DatabaseEngine.MYSQL).routes(List.of(a, b)).build().hashCode());
        assertNotEquals(routes, DatabaseRoutes.builder(DatabaseEngine.POSTGRESQL).routes(List.of(a, b)).build());
        assertNotEquals(routes, DatabaseRoutes.builder(DatabaseEngine.MYSQL).routes(List.of(b, a)).build());
        assertNotEquals(routes, "routes");
    }

    @Test
    void routeKeysHaveAShapeWithoutParameterNames() {
        RouteKey key = RouteKey.parse("GET /orders/{id}/lines");
        assertEquals("GET /orders/{}/lines", key.shape());
        assertEquals("GET /", RouteKey.parse("GET /").shape());
        assertEquals("/orders/{id}/lines", key.path());
        assertEquals(List.of("orders", "{id}", "lines"), key.segments());
        assertEquals(List.of("id"), key.pathParameters());
        assertEquals("GET /orders/{id}/lines", key.toString());
        assertEquals(key, RouteKey.parse("GET  /orders/{id}/lines"));
        assertEquals(key.hashCode(), RouteKey.parse("GET /orders/{id}/lines").hashCode());
        assertNotEquals(key, RouteKey.parse("GET /orders/{x}/lines"));
        assertNotEquals(key, "GET /orders/{id}/lines");
        assertTrue(RouteKey.isParameterSegment("{id}"));
        assertFalse(RouteKey.isParameterSegment("id"));
    }

    @Test
    void problemsPrintAsSentencesAndCompareWhole() {
        ConfigProblem route = new ConfigProblem("GET /t", "the SQL is empty", "set sql");
        ConfigProblem file = new ConfigProblem(null, "there are no routes", "add one");
        assertEquals("GET /t: the SQL is empty. Fix: set sql.", route.toString());
        assertEquals("routes: there are no routes. Fix: add one.", file.toString());
        assertEquals(route, new ConfigProblem("GET /t", "the SQL is empty", "set sql"));
        assertEquals(route.hashCode(), new ConfigProblem("GET /t", "the SQL is empty", "set sql").hashCode());
        assertNotEquals(route, new ConfigProblem("GET /u", "the SQL is empty", "set sql"));
        assertNotEquals(route, new ConfigProblem("GET /t", "other", "set sql"));
        assertNotEquals(route, new ConfigProblem("GET /t", "the SQL is empty", "other"));
        assertNotEquals(route, "GET /t");
    }

    @Test
    void configExceptionListsEveryProblemOnItsOwnLine() {
        ConfigProblem one = new ConfigProblem("GET /t", "a", "b");
        ConfigProblem two = new ConfigProblem(null, "c", "d");
        assertEquals("1 problem in the database proxy routes:\n  - GET /t: a. Fix: b.",
                new DatabaseConfigException(List.of(one)).getMessage());
        DatabaseConfigException both = new DatabaseConfigException(List.of(one, two));
        assertEquals("2 problems in the database proxy routes:\n  - GET /t: a. Fix: b.\n  - routes: c. Fix: d.",
                both.getMessage());
        assertEquals(List.of(one, two), both.problems());
        DatabaseConfigException invalid = assertThrows(DatabaseConfigException.class,
                () -> DatabaseRoutes.builder(DatabaseEngine.MYSQL).build().requireValid());
        assertEquals(List.of(new ConfigProblem(null, "there are no routes", "add at least one route")), invalid.problems());
    }

    @Test
    void syntaxErrorsCountCharactersFromOne() {
        SqlSyntaxException e = new SqlSyntaxException("unterminated string literal", 0);
        assertEquals("unterminated string literal (at character 1)", e.getMessage());
        assertEquals(0, e.position());
    }

    @Test
    void unknownFieldsOfParametersAndPaginationAreReported() {
        // A misspelled limit must not be dropped silently
        String json = "{\"version\": 1, \"engine\": \"postgresql\", \"routes\": [{\"route\": \"GET /t\","
                + " \"sql\": \"SELECT 1\", \"result\": \"list\", \"params\": [{\"name\": \"q\", \"in\": \"query\", \"type\": \"string\","
                + " \"maxLenght\": 10}], \"pagination\": {\"cursorColumn\": \"id\", \"cursorType\": \"integer\","
                + " \"maxLimt\": 10}}]}";

        DatabaseConfigException e = assertThrows(DatabaseConfigException.class, () -> DatabaseRoutes.fromJson(json));

        assertEquals(List.of(
                "GET /t: parameter 'q' has an unknown field \"maxLenght\". Fix: remove it or correct its name; known fields:"
                        + " in, items, maxItems, maxLength, maximum, minimum, name, required, type.",
                "GET /t: pagination has an unknown field \"maxLimt\". Fix: remove it or correct its name; known fields:"
                        + " cursorColumn, cursorType, defaultLimit, maxLimit."),
                e.problems().stream().map(ConfigProblem::toString).toList());
    }
}
