package dev.gatehouse.authorizer.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArnGlobTest {

    @ParameterizedTest
    @CsvSource({
        "GET/orders/*, GET/orders/1, true",
        "GET/orders/*, GET/orders/1/lines, true",
        "GET/orders/*, GET/orders/, true",
        "GET/orders/*, GET/orders, false",
        "GET/orders/?, GET/orders/1, true",
        "GET/orders/?, GET/orders/12, false",
        "*/files/*, GET/a/files/b, true",
        "*, '', true",
        "a*b*c, abbbc, true",
        "a*b*c, acb, false",
        "**, x/y, true",
        "GET/, GET/, true",
        "GET/, GET/x, false",
    })
    void matchesLikeIam(String glob, String value, boolean expected) {
        assertEquals(expected, ArnGlob.matches(glob, value));
        assertEquals(expected, GlobOracle.matches(glob, value));
    }

    @Test
    void matcherAgreesWithRegexOracleOnRandomInput() {
        Random random = new Random(7);
        for (int i = 0; i < 5000; i++) {
            String glob = randomString(random, "ab/*?", 6);
            String value = randomString(random, "ab/", 7);
            assertEquals(GlobOracle.matches(glob, value), ArnGlob.matches(glob, value), glob + " vs " + value);
        }
    }

    @ParameterizedTest
    @CsvSource({
        // the classic: a variable's '*' spans '/'
        "GET/orders/*, GET /orders/{id}/lines, true",
        "GET/orders/*/lines, GET /orders/{id}, false",
        "GET/orders/*/lines, GET /orders/{id}/lines, true",
        // the method is part of the language
        "POST/orders, GET /orders, false",
        "*/orders, GET /orders, true",
        // '*' in the method position spans into the path
        "*/files/*, GET /a/files/{id}, true",
        "GET/files/*, GET /a/files/{id}, false",
        // root and greedy variables
        "GET/, GET /{proxy+}, false",
        "GET/*, GET /, true",
        "GET/*, ANY /{proxy+}, true",
        "GET/a*b, GET /a/{x}/b, true",
        "GET/a?b, GET /a/{x}/b, false",
        "GET/orders/??, GET /orders/{id}, true",
        "GET/orders/*x, GET /orders/{id}, true",
        "GET/orders/x/*, GET /orders/{id}, false",
        "HEAD/x, ANY /x, true",
        "TRACE/x, ANY /x, false",
        // a glob starting with '?' has no literal prefix
        "?ET/orders, GET /orders, true",
        "?OST/orders, GET /orders, false",
        "GET/orders?, GET /orders, false",
        "GET/orders, GET /orders, true",
    })
    void intersectsGlobWithRouteTemplate(String glob, String route, boolean expected) {
        assertEquals(expected, ArnGlob.intersects(glob, RouteKey.parse(route)));
    }

    @Test
    void intersectionHonoursRoutesTakingPrecedence() {
        // GET/users/me is routed to /users/me, never to /users/{id}
        RouteKey byId = RouteKey.parse("GET /users/{id}");
        RouteKey me = RouteKey.parse("GET /users/me");
        assertTrue(ArnGlob.intersects("GET/users/me", byId));
        assertFalse(ArnGlob.intersects(List.of("GET/users/me"), byId, List.of(me)));
        assertTrue(ArnGlob.intersects(List.of("GET/users/m*"), byId, List.of(me)));
    }

    @Test
    void literalsOfEveryRouteInvolvedGetTheirOwnCharacterClass() {
        // "*/?/?" has no letter: were the routes' literals ('b', 'c') not classes of their own, no
        // one-character segment could tell GET/a/c (routed to GET /{x}/c) from GET/b/c (routed to
        // the winner GET /b/{y})
        assertTrue(ArnGlob.intersects(List.of("*/?/?"), RouteKey.parse("GET /{x}/c"), List.of(RouteKey.parse("GET /b/{y}"))));
        assertFalse(ArnGlob.intersects(List.of("*/b/?"), RouteKey.parse("GET /{x}/c"), List.of(RouteKey.parse("GET /b/{y}"))));
    }

    @Test
    void literalSegmentsTheGlobDoesNotMentionStillTellRoutesApart() {
        // Given a glob without a letter of either route, and an excluded route whose literal path
        // has as many characters as the route's
        RouteKey orders = RouteKey.parse("GET /orders");
        RouteKey photos = RouteKey.parse("GET /photos");

        // When asked whether the glob reaches requests of GET /orders that GET /photos does not take
        boolean reaches = ArnGlob.intersects(List.of("GET/*"), orders, List.of(photos));

        // Then it does (GET/orders): the routes' literal segments are letters of the alphabet, so
        // "orders" and "photos" are not the same string of unlisted characters
        assertTrue(reaches);
    }

    @Test
    void containment() {
        assertTrue(ArnGlob.contains("GET/orders/*", "GET/orders/*/lines"));
        assertFalse(ArnGlob.contains("GET/orders/*/lines", "GET/orders/*"));
        assertTrue(ArnGlob.contains("*", "GET/?"));
    }

    /**
     * Cross-checks the automaton against brute force: random templates and globs over a small
     * alphabet, every concrete request of the template with segments from a set of short values.
     * A witness found by brute force must be found by the automaton (soundness, the direction that
     * matters for security), and every overlap the automaton reports has a witness among requests
     * with segments up to three characters (completeness for globs this short).
     */
    @Test
    void intersectionAgreesWithBruteForce() {
        Random random = new Random(11);
        List<String> values = segmentValues();
        for (int i = 0; i < 400; i++) {
            RouteKey route = randomRoute(random);
            String glob = randomGlob(random);
            boolean brute = false;
            for (String request : concreteRequests(route, values)) {
                if (GlobOracle.matches(glob, request)) { // the regex oracle, not the code under test
                    brute = true;
                    break;
                }
            }
            assertEquals(brute, ArnGlob.intersects(glob, route), glob + " vs " + route);
        }
    }

    private static List<String> segmentValues() {
        List<String> values = new ArrayList<>();
        String alphabet = "abx";
        for (char c : alphabet.toCharArray()) {
            values.add("" + c);
            for (char d : alphabet.toCharArray()) {
                values.add("" + c + d);
                for (char e : alphabet.toCharArray()) {
                    values.add("" + c + d + e);
                }
            }
        }
        return values;
    }

    /** Up to two segments; a greedy variable only where no other variable is, to bound brute force. */
    private static RouteKey randomRoute(Random random) {
        String[] methods = {"GET", "POST", "ANY"};
        String[] segments = {"a", "b", "ab", "{v}", "{w}"};
        int n = random.nextInt(3);
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < n; i++) {
            path.append('/').append(segments[random.nextInt(segments.length)]);
        }
        if (random.nextInt(4) == 0 && path.indexOf("{") < 0) {
            path.append("/{g+}");
        }
        return RouteKey.of(methods[random.nextInt(methods.length)], path.length() == 0 ? "/" : path.toString());
    }

    private static String randomGlob(Random random) {
        String[] starts = {"GET/", "POST/", "*/", "*", "G?T/", "PUT/"};
        String[] tokens = {"a", "b", "/", "*", "?", "ab", "a/", "*/"};
        StringBuilder glob = new StringBuilder(starts[random.nextInt(starts.length)]);
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            glob.append(tokens[random.nextInt(tokens.length)]);
        }
        return glob.toString();
    }

    /** Every request of a route (variables from {@code values}, greedy variables one or two segments, each from {@code values}). */
    private static List<String> concreteRequests(RouteKey route, List<String> values) {
        List<String> paths = new ArrayList<>();
        paths.add("");
        for (RouteKey.Segment segment : route.segments()) {
            List<String> next = new ArrayList<>();
            for (String prefix : paths) {
                String sep = "/";
                switch (segment.kind()) {
                    case LITERAL -> next.add(prefix + sep + segment.text());
                    case VARIABLE -> values.forEach(v -> next.add(prefix + sep + v));
                    case GREEDY -> values.forEach(v -> {
                        next.add(prefix + sep + v);
                        for (String w : values) {
                            next.add(prefix + sep + v + "/" + w);
                        }
                    });
                }
            }
            paths = next;
        }
        List<String> requests = new ArrayList<>();
        for (String method : route.methods()) {
            for (String path : paths) {
                requests.add(method + "/" + (path.isEmpty() ? "" : path.substring(1)));
            }
        }
        return requests;
    }

    private static String randomString(Random random, String alphabet, int maxLength) {
        int n = random.nextInt(maxLength + 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
