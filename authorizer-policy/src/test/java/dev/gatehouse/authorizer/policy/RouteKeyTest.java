package dev.gatehouse.authorizer.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
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
        "GET /a/x}|segment 'x}' with a character not allowed",
        "' GET /a'|separated by one space",
        "' GET'|separated by one space",
        "GET /a/{x@}|has a malformed variable '{x@}'",
        "GET /a/{x[}|has a malformed variable '{x[}'",
        "GET /a/{x`}|has a malformed variable '{x`}'",
        "GET /a/{x:}|has a malformed variable '{x:}'",
        "GET /a/{x{}|has a malformed variable '{x{}'",
        "GET /a/{x!}|has a malformed variable '{x!}'",
        "GET /a/{+}|has a malformed variable '{+}'",
        "GET /a/b\tc|segment 'b\tc' with a character not allowed"})
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
        "GET /a/{p+}, GET, /a, false",
        "GET /a/{p+}, GET, /a/b, true",
        "GET /a/{p+}, GET, /a/b/, false",
        "GET /a/{x}, GET, /a, false",
        "GET /a/b, GET, /a/c, false",
        "GET /a/b, GET, /a/b/c, false",
        "GET /x, GET, /, false",
        "GET /x, GET, x, false",
        "ANY /x, GET, /x, true",
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
        // both end in a greedy variable at the same depth: a method beats ANY, and only ANY
        "GET /a/{p+}, ANY /a/{q+}, true",
        "ANY /a/{p+}, GET /a/{q+}, false",
        "GET /a/{p+}, POST /a/{p+}, false",
        "ANY /a/{p+}, ANY /a/{p+}, false",
        // a differing literal decides nothing, whatever follows
        "GET /a/x, GET /b/{p}, false",
        "GET /a/b/c, ANY /a/b, false",
        "GET /a/b, GET /a, false",
        "GET /a, ANY /a, true",
        "GET /a, POST /a, false",
        "ANY /a, ANY /a, false",
        "GET /a/{x}, GET /a/b, false",
        "GET /{p+}, GET /a, false",
        "GET /a, GET /{p+}, true",
    })
    void followsApiGatewayPrecedence(String winner, String loser, boolean expected) {
        assertEquals(expected, RouteKey.parse(winner).takesPrecedenceOver(RouteKey.parse(loser)));
    }

    @Test
    void acceptsEveryCharacterClassOfAVariableName() {
        RouteKey key = RouteKey.parse("GET /a/{azAZ09._-}");
        assertEquals("azAZ09._-", key.segments().get(1).text());
        assertEquals("/a/{azAZ09._-}", key.path());
    }

    @Test
    void literalPrefixAndRequestAffixesOfTemplates() {
        // What every request of a route starts and ends with, used to skip pairs that share none
        assertEquals("/orders/", RouteKey.parse("GET /orders/{id}/lines").literalPrefix());
        assertEquals("/a/b", RouteKey.parse("GET /a/b").literalPrefix());
        assertEquals("/", RouteKey.parse("GET /").literalPrefix());
        assertEquals("/", RouteKey.parse("GET /{id}").literalPrefix());
        assertEquals(List.of("GET/orders/"), RouteKey.parse("GET /orders/{id}").requestPrefixes());
        assertEquals(List.of("DELETE/a", "GET/a", "HEAD/a", "OPTIONS/a", "PATCH/a", "POST/a", "PUT/a"),
                RouteKey.parse("ANY /a").requestPrefixes());
        assertEquals("/lines", RouteKey.parse("GET /orders/{id}/lines").requestSuffix());
        assertEquals("", RouteKey.parse("GET /orders/{id}").requestSuffix());
        assertEquals("/a/b", RouteKey.parse("ANY /a/b").requestSuffix());
        assertEquals("GET/a/b", RouteKey.parse("GET /a/b").requestSuffix());
        assertEquals("GET/", RouteKey.parse("GET /").requestSuffix());
        assertEquals("/", RouteKey.parse("ANY /").requestSuffix());
    }

    @Test
    void equalKeysHashAlikeAndPrintAsWritten() {
        RouteKey a = RouteKey.parse("GET /a/{id}");
        RouteKey b = RouteKey.of("GET", "/a/{id}");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(Set.of(a), Set.of(b));
        assertFalse(a.equals(RouteKey.parse("GET /a/{other}")), "same resource, different template text");
        assertFalse(a.equals(RouteKey.parse("POST /a/{id}")));
        assertFalse(a.equals("GET /a/{id}"));
        assertEquals("GET /a/{id}", a.toString());
        assertEquals("GET", a.method());
        assertFalse(a.isAnyMethod());
        assertTrue(RouteKey.parse("ANY /a").isAnyMethod());
        assertEquals(Set.of("GET"), a.methods());
        // and different keys spread over hash codes
        java.util.Set<Integer> hashes = new java.util.HashSet<>();
        for (int i = 0; i < 20; i++) {
            hashes.add(RouteKey.parse("GET /r" + i).hashCode());
        }
        assertTrue(hashes.size() > 1, hashes.toString());
    }

    @Test
    void comparesResourcesIgnoringVariableNames() {
        assertFalse(RouteKey.parse("GET /a").sameRouteAs(RouteKey.parse("GET /b")));
        assertFalse(RouteKey.parse("GET /a").sameResourceAs(RouteKey.parse("GET /a/b")));
        assertTrue(RouteKey.parse("GET /a/{x}").sameResourceAs(RouteKey.parse("POST /a/{y}")));
        assertFalse(RouteKey.parse("GET /a/{x}").sameResourceAs(RouteKey.parse("GET /a/x")));
        assertTrue(RouteKey.parse("GET /a/{id}").sameRouteAs(RouteKey.parse("GET /a/{orderId}")));
        assertFalse(RouteKey.parse("GET /a/{id}").sameRouteAs(RouteKey.parse("POST /a/{id}")));
        assertFalse(RouteKey.parse("GET /a/{id}").sameResourceAs(RouteKey.parse("GET /a/{id+}")));
    }
}
