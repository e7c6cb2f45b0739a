package dev.gatehouse.database.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutesJsonTest {
    @Test
    void writesAndReadsBackEveryField() {
        // Given a configuration using every field
        DatabaseRoutes routes = DatabaseRoutes.builder(DatabaseEngine.MYSQL)
                .route(DatabaseRoute.builder("GET /orders")
                        .sql("SELECT id FROM orders WHERE (:cursor IS NULL OR id > :cursor) AND id IN (:ids) ORDER BY id LIMIT :limit")
                        .result(ResultKind.LIST)
                        .param(RouteParameter.builder("ids", ParameterLocation.QUERY, ParameterType.ARRAY)
                                .items(ParameterType.INTEGER).required(true).maxItems(20)
                                .minimum(1).maximum(new BigDecimal("99999999999999999999.5")).build())
                        .pagination(Pagination.builder("id", ParameterType.INTEGER).defaultLimit(5).maxLimit(50).build())
                        .build())
                .route(DatabaseRoute.builder("POST /orders")
                        .sql("INSERT INTO orders (note) VALUES (:note)")
                        .result(ResultKind.NONE).write(true).successStatus(202)
                        .param(RouteParameter.builder("note", ParameterLocation.BODY, ParameterType.STRING).maxLength(300).build())
                        .build())
                .route(DatabaseRoute.builder("GET /all").sql("SELECT * FROM t").maxRows(50).build())
                .build();

        // When written and read back
        String json = routes.toJson();
        DatabaseRoutes back = DatabaseRoutes.fromJson(json);

        // Then nothing is lost, and writing again gives the same text
        assertEquals(routes, back);
        assertEquals(json, back.toJson());
        assertTrue(json.contains("\"engine\" : \"mysql\""), json);
        assertTrue(json.contains("99999999999999999999.5"), json);
    }

    @Test
    void readsTheDocumentedExample() {
        String json = "{\"version\": 1, \"engine\": \"postgresql\", \"routes\": [{\"route\": \"GET /orders/{id}\","
                + " \"sql\": \"SELECT * FROM orders WHERE id = :id\", \"result\": \"one\","
                + " \"params\": [{\"name\": \"id\", \"in\": \"path\", \"type\": \"integer\", \"minimum\": 1}]}]}";

        DatabaseRoutes routes = DatabaseRoutes.fromJson(json);

        assertEquals(List.of(), routes.validate());
        DatabaseRoute r = routes.route("GET /orders/{id}").orElseThrow();
        assertEquals(ResultKind.ONE, r.result());
        assertEquals(new BigDecimal("1"), r.param("id").orElseThrow().minimum().orElseThrow());
        assertTrue(r.param("id").orElseThrow().isRequired());
        assertEquals(200, r.effectiveSuccessStatus());
    }

    @Test
    void reportsEveryStructuralProblemTogether() {
        String json = "{\"version\": 2, \"engine\": \"oracle\", \"extra\": 1, \"routes\": ["
                + "{\"route\": \"GET /a\", \"sql\": 5, \"result\": \"many\", \"write\": \"yes\", \"sucessStatus\": 200,"
                + " \"params\": [{\"name\": \"x\", \"in\": \"header\", \"type\": \"int\", \"maxLength\": \"10\"}],"
                + " \"pagination\": {\"cursorColumn\": \"id\"}},"
                + "{\"sql\": \"SELECT 1\"}, 7]}";

        DatabaseConfigException e = assertThrows(DatabaseConfigException.class, () -> DatabaseRoutes.fromJson(json));

        List<String> texts = e.problems().stream().map(ConfigProblem::toString).toList();
        String all = String.join("\n", texts);
        for (String expected : List.of("version must be 1 but is 2", "\"engine\" is \"oracle\"", "unknown field \"extra\"",
                "\"sql\" must be a string", "\"result\" is \"many\"", "\"write\" must be true or false",
                "unknown field \"sucessStatus\"", "\"in\" is \"header\"", "\"type\" is \"int\"",
                "\"maxLength\" must be a whole number", "\"cursorType\" is missing", "routes[1]: \"route\" is missing",
                "routes[2]: a route must be a JSON object")) {
            assertTrue(all.contains(expected), "missing <" + expected + "> in\n" + all);
        }
        assertTrue(e.getMessage().startsWith(texts.size() + " problems in the database proxy routes"), e.getMessage());
    }

    @Test
    void rejectsMalformedJsonAndDuplicateKeys() {
        DatabaseConfigException malformed = assertThrows(DatabaseConfigException.class,
                () -> DatabaseRoutes.fromJson("{\"version\": 1,"));
        assertTrue(malformed.problems().get(0).problem().startsWith("the routes are not valid JSON"));
        DatabaseConfigException dup = assertThrows(DatabaseConfigException.class,
                () -> DatabaseRoutes.fromJson("{\"version\": 1, \"version\": 1, \"engine\": \"mysql\", \"routes\": []}"));
        assertTrue(dup.problems().get(0).problem().contains("Duplicate field"), dup.getMessage());
        DatabaseConfigException notObject = assertThrows(DatabaseConfigException.class, () -> DatabaseRoutes.fromJson("[]"));
        assertTrue(notObject.problems().get(0).problem().contains("not an object"));
    }
}
