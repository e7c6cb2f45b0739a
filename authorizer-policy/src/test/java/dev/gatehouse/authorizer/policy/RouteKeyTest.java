package dev.gatehouse.authorizer.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteKeyTest {

    @Test
    void parsesMethodAndTemplate() {
        RouteKey key = RouteKey.parse("GET /orders/{id}/lines");

        assertEquals("GET", key.method());
        assertEquals("/orders/{id}/lines", key.path());
        assertEquals("orders/*/lines", key.pathGlob());
        assertEquals("GET /orders/{id}/lines", key.toString());
        assertEquals("", RouteKey.parse("GET /").pathGlob());
        assertEquals("files/*", RouteKey.parse("ANY /files/{path+}").pathGlob());
        assertEquals(7, RouteKey.parse("ANY /x").methods().size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET|separated by one space",
        "get /orders|must be one of",
        "FETCH /orders|must be one of",
        "GET orders|must start with '/'",
        "GET /orders/|must not end with '/'",
        "GET //orders|has an empty segment",
        "GET /a/{p+}/b|must be the last segment",
        "GET /a/{}|has a malformed variable '{}'",
        "GET /a/{x y}|separated by one space",
        "GET /a/*|segment '*' with a character not allowed",
        "GET /a/b?|segment 'b?' with a character not allowed",
        "'GET  /a'|separated by one space",
        "GET /a b|separated by one space",
        "GET /a/{x|segment '{x' with a character not allowed",
        "GET /a/x}|segment 'x}' with a character not allowed"})
    void rejectsMalformedKeysSayingWhy(String key, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RouteKey.parse(key));
        assertTrue(e.getMessage().contains(why), key + " -> " + e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "GET /orders/{id}, GET, /orders/42, true",
        "GET /orders/{id}, GET, /orders/42/lines, false",
        "GET /orders/{id}, POST, /orders/42, false",
        "GET /orders/{id}, GET, /orders, false",
        "GET /orders/{id}, GET, /orders/, false",
        "ANY /files/{p+}, DELETE, /files/a/b/c, true",
        "ANY /files/{p+}, GET, /files, false",
        "ANY /files/{p+}, GET, /files//x, false",
        "ANY /files/{p+}, PROPFIND, /files/a, false",
        "GET /, GET, /, true",
        "GET /, GET, /x, false",
        "GET /{p+}, GET, /, false",
    })
    void acceptsConcreteRequests(String route, String method, String path, boolean expected) {
        assertEquals(expected, RouteKey.parse(route).accepts(method, path));
    }

    @ParameterizedTest
    @CsvSource({
        // winner, loser, expected
        "GET /users/me, GET /users/{id}, true",
        "GET /users/{id}, GET /users/me, false",
        "GET /a/{x}, GET /a/{p+}, true",
        "GET /a/b/{p+}, GET /a/{p+}, true",
        "GET /a/{x}/c, GET /a/{y}/{z}, true",
        "GET /a/b/{y}, GET /a/{x}/c, true",
        "GET /orders/{id}, ANY /orders/{id}, true",
        "ANY /orders/{id}, GET /orders/{id}, false",
        "ANY /orders/me, GET /orders/{id}, true",
        "GET /x, POST /x, false",
    })
    void followsApiGatewayPrecedence(String winner, String loser, boolean expected) {
        assertEquals(expected, RouteKey.parse(winner).takesPrecedenceOver(RouteKey.parse(loser)));
    }

    @Test
    void comparesResourcesIgnoringVariableNames() {
        assertTrue(RouteKey.parse("GET /a/{id}").sameRouteAs(RouteKey.parse("GET /a/{orderId}")));
        assertFalse(RouteKey.parse("GET /a/{id}").sameRouteAs(RouteKey.parse("POST /a/{id}")));
        assertFalse(RouteKey.parse("GET /a/{id}").sameResourceAs(RouteKey.parse("GET /a/{id+}")));
    }
}
