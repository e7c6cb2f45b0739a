package dev.gatehouse.local.internal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private static Operation op(String method, String path) {
        return new Operation(method, path, JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.arrayNode());
    }

    private final RouteTable table = new RouteTable(List.of(
            op("GET", "/"),
            op("GET", "/orders"),
            op("GET", "/orders/{id}"),
            op("GET", "/orders/latest"),
            op("ANY", "/orders/{id}/items/{item}"),
            op("GET", "/files/{path+}"),
            op("GET", "/files/readme"),
            op("POST", "/orders")));

    private String matched(String method, String path) {
        RouteMatch match = table.match(method, path);
        return match.found() ? match.operation().routeKey() + " " + match.pathParameters() : "none";
    }

    @Test
    void staticSegmentsWinOverVariablesWhichWinOverGreedyOnes() {
        // Given routes where a static, a variable and a greedy resource could each take a path
        // When / Then the most specific resource answers
        assertEquals("GET /orders/latest {}", matched("GET", "/orders/latest"));
        assertEquals("GET /orders/{id} {id=42}", matched("GET", "/orders/42"));
        assertEquals("GET /files/readme {}", matched("GET", "/files/readme"));
        assertEquals("GET /files/{path+} {path=docs/a/b.txt}", matched("GET", "/files/docs/a/b.txt"));
    }

    @Test
    void methodMustMatchOrTheResourceMustHaveAny() {
        assertEquals("POST /orders {}", matched("POST", "/orders"));
        assertEquals("none", matched("DELETE", "/orders"));
        assertEquals("ANY /orders/{id}/items/{item} {id=7, item=x}", matched("PATCH", "/orders/7/items/x"));
    }

    @Test
    void greedyVariableNeedsAtLeastOneSegmentAndUnknownPathsMatchNothing() {
        assertEquals("none", matched("GET", "/files"));
        assertEquals("none", matched("GET", "/nothing/here"));
        assertFalse(table.match("GET", "/orders/1/unknown").found());
    }

    @Test
    void rootTrailingSlashAndEncodedSegments() {
        assertEquals("GET / {}", matched("GET", "/"));
        assertEquals("GET /orders {}", matched("GET", "/orders/"));
        RouteMatch encoded = table.match("GET", "/orders/a%20b%2Fc");
        assertEquals(Map.of("id", "a b/c"), encoded.pathParameters());
    }
}
