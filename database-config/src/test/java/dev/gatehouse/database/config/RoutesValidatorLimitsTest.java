package dev.gatehouse.database.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Every limit the validator enforces, at its boundaries: the last accepted value on each side and
 * the first refused one, so that an off-by-one in either direction is caught.
 */
class RoutesValidatorLimitsTest {
    private static final String LIST_SQL =
            "SELECT id FROM t WHERE (:cursor IS NULL OR id > :cursor) AND q = :q ORDER BY id LIMIT :limit";

    private static List<String> problems(DatabaseRoute route) {
        return DatabaseRoutes.builder(DatabaseEngine.POSTGRESQL).route(route).build().validate().stream()
                .map(ConfigProblem::toString).toList();
    }

    /** A valid list route with one query parameter, built with {@code param} changed. */
    private static DatabaseRoute withParam(UnaryOperator<RouteParameter.Builder> param) {
        return DatabaseRoute.builder("GET /t").sql("SELECT id FROM t WHERE q = :q")
                .param(param.apply(RouteParameter.builder("q", ParameterLocation.QUERY, ParameterType.STRING)).build())
                .build();
    }

    private static DatabaseRoute withArray(UnaryOperator<RouteParameter.Builder> param) {
        return DatabaseRoute.builder("GET /t").sql("SELECT id FROM t WHERE q = ANY(:q)")
                .param(param.apply(RouteParameter.builder("q", ParameterLocation.QUERY, ParameterType.ARRAY)
                        .items(ParameterType.INTEGER)).build())
                .build();
    }

    private static DatabaseRoute paginated(int defaultLimit, int maxLimit) {
        return DatabaseRoute.builder("GET /t").sql(LIST_SQL)
                .param(RouteParameter.builder("q", ParameterLocation.QUERY, ParameterType.STRING).build())
                .pagination(Pagination.builder("id", ParameterType.INTEGER).defaultLimit(defaultLimit).maxLimit(maxLimit).build())
                .build();
    }

    private static void assertOnly(List<String> problems, String expected) {
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains(expected), "expected <" + expected + "> in " + problems);
    }

    @Test
    void maxLengthFromOneToTheLimit() {
        assertEquals(List.of(), problems(withParam(p -> p.maxLength(1))));
        assertEquals(List.of(), problems(withParam(p -> p.maxLength(RouteParameter.MAX_LENGTH_LIMIT))));
        assertOnly(problems(withParam(p -> p.maxLength(0))), "GET /t: parameter 'q' has maxLength 0. Fix: use a maxLength between 1 and 1048576.");
        assertOnly(problems(withParam(p -> p.maxLength(RouteParameter.MAX_LENGTH_LIMIT + 1))), "has maxLength 1048577");
    }

    @Test
    void maxItemsFromOneToTheLimit() {
        assertEquals(List.of(), problems(withArray(p -> p.maxItems(1))));
        assertEquals(List.of(), problems(withArray(p -> p.maxItems(RouteParameter.MAX_ITEMS_LIMIT))));
        assertOnly(problems(withArray(p -> p.maxItems(0))), "array parameter 'q' has maxItems 0. Fix: use a maxItems between 1 and 1000.");
        assertOnly(problems(withArray(p -> p.maxItems(RouteParameter.MAX_ITEMS_LIMIT + 1))), "has maxItems 1001");
    }

    @Test
    void equalMinimumAndMaximumAreAllowed() {
        DatabaseRoute route = DatabaseRoute.builder("GET /t").sql("SELECT id FROM t WHERE q = :q")
                .param(RouteParameter.builder("q", ParameterLocation.QUERY, ParameterType.INTEGER).minimum(5).maximum(5).build())
                .build();
        assertEquals(List.of(), problems(route));
    }

    @Test
    void boundsOnAnArrayOfStringsNameTheElementType() {
        assertOnly(problems(DatabaseRoute.builder("GET /t").sql("SELECT id FROM t WHERE q = ANY(:q)")
                        .param(RouteParameter.builder("q", ParameterLocation.QUERY, ParameterType.ARRAY)
                                .items(ParameterType.STRING).minimum(BigDecimal.ONE).build())
                        .build()),
                "parameter 'q' sets minimum/maximum but is of type array of string");
        assertOnly(problems(withArray(p -> p.maxLength(3))), "sets maxLength but is of type array of integer");
    }

    @Test
    void requiredTrueOnAPathParameterIsFine() {
        DatabaseRoute route = DatabaseRoute.builder("GET /t/{id}").sql("SELECT * FROM t WHERE id = :id").result(ResultKind.ONE)
                .param(RouteParameter.builder("id", ParameterLocation.PATH, ParameterType.INTEGER).required(true).build())
                .build();
        assertEquals(List.of(), problems(route));
    }

    @Test
    void successStatusWithinTwoHundreds() {
        for (int ok : new int[] {200, 299}) {
            assertEquals(List.of(), problems(withParam(p -> p).toBuilder().successStatus(ok).build()), "status " + ok);
        }
        assertOnly(problems(withParam(p -> p).toBuilder().successStatus(199).build()),
                "GET /t: successStatus 199 is not a 2xx status. Fix: use a status between 200 and 299.");
        assertOnly(problems(withParam(p -> p).toBuilder().successStatus(300).build()), "successStatus 300 is not a 2xx status");
    }

    @Test
    void maxRowsFromOneToTheLimitOnPlainListsOnly() {
        assertEquals(List.of(), problems(withParam(p -> p).toBuilder().maxRows(1).build()));
        assertEquals(List.of(), problems(withParam(p -> p).toBuilder().maxRows(DatabaseRoute.MAX_ROWS_LIMIT).build()));
        assertOnly(problems(withParam(p -> p).toBuilder().maxRows(0).build()),
                "GET /t: maxRows 0 is out of range. Fix: use a maxRows between 1 and 10000.");
        assertOnly(problems(withParam(p -> p).toBuilder().maxRows(DatabaseRoute.MAX_ROWS_LIMIT + 1).build()),
                "maxRows 10001 is out of range");
        assertOnly(problems(withParam(p -> p).toBuilder().result(ResultKind.ONE).maxRows(5).build()),
                "maxRows only applies to non-paginated list routes");
        assertOnly(problems(paginated(10, 50).toBuilder().maxRows(5).build()),
                "maxRows only applies to non-paginated list routes. Fix: remove maxRows (paginated routes are bounded by maxLimit).");
    }

    @Test
    void paginationLimitsAtTheirBoundaries() {
        assertEquals(List.of(), problems(paginated(1, 1)));
        assertEquals(List.of(), problems(paginated(7, 7)));
        assertEquals(List.of(), problems(paginated(20, Pagination.MAX_LIMIT_CEILING)));
        assertOnly(problems(paginated(0, 10)), "pagination defaultLimit 0 is below 1");
        assertOnly(problems(paginated(8, 7)), "pagination maxLimit 7 is below defaultLimit 8");
        assertOnly(problems(paginated(20, Pagination.MAX_LIMIT_CEILING + 1)), "pagination maxLimit 1001 is above 1000");
    }

    @Test
    void lockingReadsAreReadsButDataModifyingCtesAreWrites() {
        for (String read : List.of("SELECT * FROM t WHERE q = :q FOR UPDATE",
                "SELECT * FROM t WHERE q = :q FOR NO KEY UPDATE", "SELECT * FROM t WHERE q = :q FOR SHARE")) {
            assertEquals(List.of(), problems(withParam(p -> p).toBuilder().sql(read).build()), read);
        }
        assertOnly(problems(withParam(p -> p).toBuilder()
                        .sql("WITH x AS (UPDATE t SET a = 1 WHERE q = :q RETURNING *) SELECT * FROM x").build()),
                "the SQL looks like it changes data (WITH...) but the route is not a write");
        assertEquals(List.of("GET /t: the SQL has 2 statements but the route is not a write. Fix: set write: true"
                        + " (several statements run in one transaction), or keep one statement."),
                problems(withParam(p -> p).toBuilder().sql("SELECT 1; SELECT :q").build()));
    }
}
