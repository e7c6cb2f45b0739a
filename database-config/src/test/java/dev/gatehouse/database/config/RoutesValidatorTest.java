package dev.gatehouse.database.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RoutesValidatorTest {
    private static final DatabaseRoute GET_ORDER = DatabaseRoute.builder("GET /orders/{id}")
            .sql("SELECT id, status FROM orders WHERE id = :id")
            .result(ResultKind.ONE)
            .param(RouteParameter.path("id", ParameterType.INTEGER))
            .build();

    private static final DatabaseRoute LIST_ORDERS = DatabaseRoute.builder("GET /orders")
            .sql("SELECT id FROM orders WHERE (:cursor IS NULL OR id > :cursor) AND status = :status ORDER BY id LIMIT :limit")
            .result(ResultKind.LIST)
            .param(RouteParameter.builder("status", ParameterLocation.QUERY, ParameterType.STRING).maxLength(20).build())
            .pagination(Pagination.builder("id", ParameterType.INTEGER).defaultLimit(10).maxLimit(50).build())
            .build();

    private static final DatabaseRoute CREATE_ORDER = DatabaseRoute.builder("POST /orders")
            .sql("INSERT INTO orders (status, tags) VALUES (:status, :tags) RETURNING id")
            .result(ResultKind.ONE)
            .write(true)
            .successStatus(201)
            .param(RouteParameter.builder("status", ParameterLocation.BODY, ParameterType.STRING).required(true).build())
            .param(RouteParameter.builder("tags", ParameterLocation.BODY, ParameterType.ARRAY)
                    .items(ParameterType.STRING).maxItems(10).maxLength(30).build())
            .build();

    private static List<ConfigProblem> problems(DatabaseRoute... routes) {
        return DatabaseRoutes.builder(DatabaseEngine.POSTGRESQL).routes(List.of(routes)).build().validate();
    }

    /** Asserts exactly one problem, for {@code route}, whose text contains {@code problem} and {@code fix}. */
    private static void assertOneProblem(List<ConfigProblem> problems, String route, String problem, String fix) {
        assertEquals(1, problems.size(), () -> problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        ConfigProblem p = problems.get(0);
        assertEquals(route, p.route().orElse(null));
        assertTrue(p.problem().contains(problem), p::toString);
        assertTrue(p.fix().contains(fix), p::toString);
    }

    private static DatabaseRoute.Builder getOrder() {
        return GET_ORDER.toBuilder();
    }

    @Test
    void aWellFormedConfigurationHasNoProblems() {
        assertEquals(List.of(), problems(GET_ORDER, LIST_ORDERS, CREATE_ORDER));
    }

    @Test
    void reportsEveryProblemAtOnceNotJustTheFirst() {
        // Given a route with an unknown SQL parameter, an unused parameter and a bad limit
        DatabaseRoute bad = getOrder().sql("SELECT * FROM orders WHERE id = :id AND x = :x")
                .param(RouteParameter.builder("unused", ParameterLocation.QUERY, ParameterType.STRING).maxLength(0).build())
                .build();

        // Then all three are reported
        List<ConfigProblem> problems = problems(bad);
        assertEquals(List.of("parameter 'unused' has maxLength 0",
                        "parameter 'unused' is declared but the SQL never uses :unused",
                        "the SQL uses :x but no parameter 'x' is declared"),
                problems.stream().map(ConfigProblem::problem).sorted().toList(), problems::toString);
        assertThrows(DatabaseConfigException.class,
                () -> DatabaseRoutes.builder(DatabaseEngine.POSTGRESQL).route(bad).build().requireValid());
    }

    @Test
    void noRoutes() {
        List<ConfigProblem> p = DatabaseRoutes.builder(DatabaseEngine.MYSQL).build().validate();
        assertOneProblem(p, null, "there are no routes", "add at least one route");
    }

    @Test
    void badRouteSyntaxIsNamedForWhatItIs() {
        // Given routes each wrong in one way, when validated, then the problem names that way
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("GET", "it has no path");
        expected.put("/orders", "it has a path but no method");
        expected.put("FETCH /orders", "method 'FETCH' is not one of GET, POST, PUT, PATCH, DELETE (upper case)");
        expected.put("GET orders", "the path 'orders' does not start with '/'");
        expected.put("GET /orders/", "the path '/orders/' ends with '/'");
        expected.put("GET /a//b", "the path '/a//b' has an empty segment ('//')");
        expected.put("GET /files/{path+}", "the greedy variable '{path+}' is not supported by database routes");
        expected.put("GET /orders/by id", "the segment 'by id' contains whitespace, which a path cannot hold");
        expected.put("GET /{id}/{id}", "the path variable '{id}' appears more than once");
        expected.put("GET /orders/x{id}", "the segment 'x{id}' mixes a variable with literal text");
        expected.put("GET /orders/{id", "the segment '{id' opens a variable with '{' but never closes it");
        expected.put("GET /orders/id}", "the segment 'id}' closes a variable with '}' that it never opens");
        expected.put("GET /orders/a~b", "the segment 'a~b' has the character '~', which API Gateway does not accept");
        expected.forEach((route, problem) -> {
            List<ConfigProblem> p = problems(DatabaseRoute.builder(route).sql("SELECT 1").build());
            assertTrue(p.stream().anyMatch(x -> x.route().orElse("").equals(route) && x.problem().startsWith(problem)),
                    route + " -> " + p);
            assertFalse(p.stream().anyMatch(x -> x.problem().contains("whole {name}")), route + " -> " + p);
        });
    }

    @Test
    void aHyphenatedPathVariableIsToldItsSqlNameIsTheProblem() {
        // Given a path variable that API Gateway accepts but SQL cannot name
        DatabaseRoute route = DatabaseRoute.builder("GET /orders/{order-id}")
                .sql("SELECT * FROM orders WHERE id = :order_id").result(ResultKind.ONE)
                .param(RouteParameter.path("order_id", ParameterType.INTEGER)).build();
        // When validated, then the path is not called malformed: the SQL name is the problem, with the fix
        List<ConfigProblem> p = problems(route);
        assertTrue(p.stream().anyMatch(x -> x.problem().equals("the path variable '{order-id}' is a valid path "
                + "variable, but its value is bound to the SQL parameter :order-id, and SQL parameter names are "
                + "letters, digits and '_', not starting with a digit")
                && x.fix().equals("rename it in the path and in params, e.g. '{order_id}' and :order_id")), p::toString);
        // and the route written as suggested is valid
        assertEquals(List.of(), problems(DatabaseRoute.builder("GET /orders/{order_id}")
                .sql("SELECT * FROM orders WHERE id = :order_id").result(ResultKind.ONE)
                .param(RouteParameter.path("order_id", ParameterType.INTEGER)).build()));
    }

    @Test
    void routeKeyParseThrowsTheFirstProblemWithItsFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RouteKey.parse("GET /orders/{id"));
        assertEquals("the segment '{id' opens a variable with '{' but never closes it; close it with '}': '{id}'",
                e.getMessage());
    }

    @Test
    void duplicateRouteIncludingRenamedPathParameters() {
        DatabaseRoute other = DatabaseRoute.builder("GET /orders/{orderId}")
                .sql("SELECT 1 FROM orders WHERE id = :orderId").result(ResultKind.ONE)
                .param(RouteParameter.path("orderId", ParameterType.INTEGER)).build();
        assertOneProblem(problems(GET_ORDER, other), "GET /orders/{orderId}",
                "duplicates \"GET /orders/{id}\"", "remove one");
    }

    @Test
    void emptySql() {
        assertOneProblem(problems(DatabaseRoute.builder("GET /x").sql("  ").build()), "GET /x", "SQL is empty", "set sql");
        assertOneProblem(problems(DatabaseRoute.builder("GET /x").sql("-- c\n;").build()), "GET /x", "no statement", "set sql");
    }

    @Test
    void unreadableSql() {
        assertOneProblem(problems(getOrder().sql("SELECT 'x FROM orders WHERE id = :id").build()), "GET /orders/{id}",
                "unterminated string literal", "close the literal");
        assertOneProblem(problems(getOrder().sql("SELECT * FROM orders WHERE id = ?").build()), "GET /orders/{id}",
                "bare '?'", "use :name");
    }

    @Test
    void unknownParameterUsedInSql() {
        assertOneProblem(problems(getOrder().sql("SELECT * FROM orders WHERE id = :id AND owner = :owner").build()),
                "GET /orders/{id}", "uses :owner but no parameter 'owner' is declared", "declare it in params");
    }

    @Test
    void cursorAndLimitAreUnknownOnRoutesWithoutPagination() {
        assertOneProblem(problems(getOrder().sql("SELECT * FROM orders WHERE id = :id LIMIT :limit").build()),
                "GET /orders/{id}", "uses :limit", "only bound on paginated routes");
    }

    @Test
    void declaredParameterNotUsedInSql() {
        DatabaseRoute r = getOrder()
                .param(RouteParameter.builder("verbose", ParameterLocation.QUERY, ParameterType.BOOLEAN).build()).build();
        assertOneProblem(problems(r), "GET /orders/{id}", "'verbose' is declared but the SQL never uses :verbose",
                "use :verbose");
    }

    @Test
    void invalidParameterName() {
        DatabaseRoute r = DatabaseRoute.builder("GET /x").sql("SELECT 1")
                .param(RouteParameter.builder("1st", ParameterLocation.QUERY, ParameterType.STRING).build()).build();
        List<ConfigProblem> p = problems(r);
        assertTrue(p.stream().anyMatch(x -> x.problem().contains("name '1st' is not valid")), p::toString);
    }

    @Test
    void duplicateParameter() {
        DatabaseRoute r = getOrder().param(RouteParameter.path("id", ParameterType.INTEGER)).build();
        assertOneProblem(problems(r), "GET /orders/{id}", "'id' is declared twice", "declare each parameter once");
    }

    @Test
    void pathParameterNotInRoutePath() {
        DatabaseRoute r = DatabaseRoute.builder("GET /orders").sql("SELECT * FROM orders WHERE id = :id")
                .param(RouteParameter.path("id", ParameterType.INTEGER)).build();
        assertOneProblem(problems(r), "GET /orders", "path parameter 'id' is not in the route path", "add {id} to the path");
    }

    @Test
    void routePathParameterNotDeclared() {
        DatabaseRoute r = DatabaseRoute.builder("GET /orders/{id}").sql("SELECT * FROM orders WHERE id = :id")
                .param(RouteParameter.builder("id", ParameterLocation.QUERY, ParameterType.INTEGER).build()).build();
        assertOneProblem(problems(r), "GET /orders/{id}", "path parameter {id} is not declared", "\"in\": \"path\"");
    }

    @Test
    void optionalPathParameter() {
        DatabaseRoute r = getOrder().params(List.of(RouteParameter.builder("id", ParameterLocation.PATH,
                ParameterType.INTEGER).required(false).build())).build();
        assertOneProblem(problems(r), "GET /orders/{id}", "required: false", "always required");
    }

    @Test
    void arrayOrJsonPathParameter() {
        DatabaseRoute r = getOrder().params(List.of(RouteParameter.path("id", ParameterType.JSON))).build();
        assertOneProblem(problems(r), "GET /orders/{id}", "has type json", "scalar type");
    }

    @Test
    void bodyParameterOnGetOrDelete() {
        DatabaseRoute r = getOrder().sql("SELECT * FROM orders WHERE id = :id AND s = :s")
                .param(RouteParameter.builder("s", ParameterLocation.BODY, ParameterType.STRING).build()).build();
        assertOneProblem(problems(r), "GET /orders/{id}", "body parameter 's' on a GET route", "use a query parameter");
    }

    @Test
    void arrayWithoutItemsOrWithBadItems() {
        DatabaseRoute noItems = DatabaseRoute.builder("GET /x").sql("SELECT * FROM t WHERE id = ANY(:ids)")
                .param(RouteParameter.builder("ids", ParameterLocation.QUERY, ParameterType.ARRAY).build()).build();
        assertOneProblem(problems(noItems), "GET /x", "has no items type", "set items");
        DatabaseRoute nested = DatabaseRoute.builder("GET /x").sql("SELECT * FROM t WHERE id = ANY(:ids)")
                .param(RouteParameter.builder("ids", ParameterLocation.QUERY, ParameterType.ARRAY)
                        .items(ParameterType.ARRAY).build()).build();
        assertOneProblem(problems(nested), "GET /x", "has items of type array", "set items");
    }

    @Test
    void itemsOnAScalar() {
        DatabaseRoute r = getOrder().params(List.of(RouteParameter.builder("id", ParameterLocation.PATH,
                ParameterType.INTEGER).items(ParameterType.STRING).build())).build();
        assertOneProblem(problems(r), "GET /orders/{id}", "sets items but is of type integer", "remove items");
    }

    @Test
    void lengthLimitsOnTheWrongTypeOrOutOfRange() {
        DatabaseRoute wrongType = getOrder().params(List.of(RouteParameter.builder("id", ParameterLocation.PATH,
                ParameterType.INTEGER).maxLength(5).build())).build();
        assertOneProblem(problems(wrongType), "GET /orders/{id}", "sets maxLength but is of type integer", "remove maxLength");
        DatabaseRoute tooBig = getOrder().params(List.of(RouteParameter.builder("id", ParameterLocation.PATH,
                ParameterType.STRING).maxLength(RouteParameter.MAX_LENGTH_LIMIT + 1).build())).build();
        assertOneProblem(problems(tooBig), "GET /orders/{id}", "has maxLength 1048577", "between 1 and");
    }

    @Test
    void numericBoundsOnTheWrongTypeReversedOrFractionalForIntegers() {
        DatabaseRoute wrongType = getOrder().params(List.of(RouteParameter.builder("id", ParameterLocation.PATH,
                ParameterType.UUID).minimum(1).build())).build();
        assertOneProblem(problems(wrongType), "GET /orders/{id}", "minimum/maximum but is of type uuid", "remove minimum");
        DatabaseRoute reversed = getOrder().params(List.of(RouteParameter.builder("id", ParameterLocation.PATH,
                ParameterType.INTEGER).minimum(10).maximum(1).build())).build();
        assertOneProblem(problems(reversed), "GET /orders/{id}", "minimum 10 above maximum 1", "minimum <= maximum");
        DatabaseRoute fractional = getOrder().params(List.of(RouteParameter.builder("id", ParameterLocation.PATH,
                ParameterType.INTEGER).minimum(new java.math.BigDecimal("0.5")).build())).build();
        assertOneProblem(problems(fractional), "GET /orders/{id}", "fractional bound 0.5", "whole numbers");
    }

    @Test
    void maxItemsOnAScalarOrOutOfRange() {
        DatabaseRoute scalar = getOrder().params(List.of(RouteParameter.builder("id", ParameterLocation.PATH,
                ParameterType.INTEGER).maxItems(3).build())).build();
        assertOneProblem(problems(scalar), "GET /orders/{id}", "sets maxItems but is of type integer", "remove maxItems");
        DatabaseRoute tooMany = CREATE_ORDER.toBuilder().params(List.of(CREATE_ORDER.params().get(0),
                CREATE_ORDER.params().get(1).toBuilder().maxItems(5000).build())).build();
        assertOneProblem(problems(tooMany), "POST /orders", "has maxItems 5000", "between 1 and 1000");
    }

    @Test
    void paginationOnANonListRouteOrAWrite() {
        DatabaseRoute one = LIST_ORDERS.toBuilder().result(ResultKind.ONE).build();
        assertOneProblem(problems(one), "GET /orders", "pagination is set but the result is one", "use result: list");
    }

    @Test
    void paginationOnAWrite() {
        DatabaseRoute write = DatabaseRoute.builder("POST /orders/archive")
                .sql("DELETE FROM orders WHERE (:cursor IS NULL OR id > :cursor) AND id < :limit RETURNING id")
                .result(ResultKind.LIST).write(true)
                .pagination(Pagination.builder("id", ParameterType.INTEGER).build())
                .build();
        assertOneProblem(problems(write), "POST /orders/archive", "pagination is set on a write route", "remove pagination");
    }

    @Test
    void paginationLimitsOutOfRange() {
        DatabaseRoute zero = LIST_ORDERS.toBuilder().pagination(Pagination.builder("id", ParameterType.INTEGER)
                .defaultLimit(0).maxLimit(10).build()).build();
        assertOneProblem(problems(zero), "GET /orders", "defaultLimit 0 is below 1", "at least 1");
        DatabaseRoute inverted = LIST_ORDERS.toBuilder().pagination(Pagination.builder("id", ParameterType.INTEGER)
                .defaultLimit(50).maxLimit(10).build()).build();
        assertOneProblem(problems(inverted), "GET /orders", "maxLimit 10 is below defaultLimit 50", "maxLimit >= defaultLimit");
        DatabaseRoute huge = LIST_ORDERS.toBuilder().pagination(Pagination.builder("id", ParameterType.INTEGER)
                .maxLimit(5000).build()).build();
        assertOneProblem(problems(huge), "GET /orders", "maxLimit 5000 is above 1000", "at most 1000");
    }

    @Test
    void paginationCursorMisconfigured() {
        DatabaseRoute badType = LIST_ORDERS.toBuilder().pagination(Pagination.builder("id", ParameterType.BOOLEAN)
                .build()).build();
        assertOneProblem(problems(badType), "GET /orders", "cursorType boolean cannot be a cursor", "use integer");
        DatabaseRoute badColumn = LIST_ORDERS.toBuilder().pagination(Pagination.builder("o.id", ParameterType.INTEGER)
                .build()).build();
        assertOneProblem(problems(badColumn), "GET /orders", "cursorColumn 'o.id' is not a plain column label", "alias it");
    }

    @Test
    void paginatedSqlMustUseCursorAndLimit() {
        DatabaseRoute r = LIST_ORDERS.toBuilder()
                .sql("SELECT id FROM orders WHERE status = :status AND (:cursor IS NULL OR id > :cursor) ORDER BY id").build();
        assertOneProblem(problems(r), "GET /orders", "does not use :limit", "LIMIT :limit");
    }

    @Test
    void reservedParameterNamesOnPaginatedRoutes() {
        DatabaseRoute r = LIST_ORDERS.toBuilder()
                .param(RouteParameter.builder("limit", ParameterLocation.QUERY, ParameterType.INTEGER).build()).build();
        assertOneProblem(problems(r), "GET /orders", "'limit' is reserved by pagination", "rename it");
    }

    @Test
    void successStatusOutsideTwoHundredsOr204WithABody() {
        assertOneProblem(problems(getOrder().successStatus(302).build()), "GET /orders/{id}",
                "successStatus 302 is not a 2xx status", "between 200 and 299");
        assertOneProblem(problems(getOrder().successStatus(204).build()), "GET /orders/{id}",
                "successStatus 204 has no body but the result is one", "use result: none");
    }

    @Test
    void maxRowsMisplacedOrOutOfRange() {
        assertOneProblem(problems(getOrder().maxRows(5).build()), "GET /orders/{id}",
                "maxRows only applies to non-paginated list routes", "remove maxRows");
        DatabaseRoute list = DatabaseRoute.builder("GET /all").sql("SELECT * FROM t").maxRows(0).build();
        assertOneProblem(problems(list), "GET /all", "maxRows 0 is out of range", "between 1 and");
    }

    @Test
    void readRoutesThatChangeData() {
        DatabaseRoute insert = DatabaseRoute.builder("POST /x").sql("INSERT INTO t VALUES (1)").result(ResultKind.NONE).build();
        assertOneProblem(problems(insert), "POST /x", "looks like it changes data (INSERT...)", "set write: true");
        DatabaseRoute cte = DatabaseRoute.builder("POST /x").sql("WITH d AS (DELETE FROM t RETURNING id) SELECT * FROM d")
                .build();
        assertOneProblem(problems(cte), "POST /x", "looks like it changes data", "set write: true");
        DatabaseRoute locking = DatabaseRoute.builder("GET /x").sql("SELECT * FROM t FOR UPDATE").build();
        assertEquals(List.of(), problems(locking));
        DatabaseRoute columnNamedLikeAKeyword = DatabaseRoute.builder("GET /y").sql("SELECT updated_at, \"delete\" FROM t").build();
        assertEquals(List.of(), problems(columnNamedLikeAKeyword));
    }

    @Test
    void severalStatementsOnARead() {
        DatabaseRoute r = DatabaseRoute.builder("GET /x").sql("SELECT 1; SELECT 2").build();
        assertOneProblem(problems(r), "GET /x", "has 2 statements but the route is not a write", "set write: true");
    }

    @Test
    void writeOnAGetRoute() {
        DatabaseRoute r = DatabaseRoute.builder("GET /x").sql("DELETE FROM t").write(true).result(ResultKind.NONE).build();
        assertOneProblem(problems(r), "GET /x", "a GET route is marked write: true", "use POST");
    }

    @Test
    void problemsReadAsOneLineNamingRouteAndFix() {
        ConfigProblem p = new ConfigProblem("GET /x", "the SQL is empty", "set sql");
        assertEquals("GET /x: the SQL is empty. Fix: set sql.", p.toString());
    }
}
