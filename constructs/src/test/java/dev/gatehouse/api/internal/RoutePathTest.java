package dev.gatehouse.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.rules.Finding;
import dev.gatehouse.rules.Findings;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutePathTest {

    private static RoutePath parse(String path, Findings findings) {
        return RoutePath.parse(path, "route 'GET " + path + "'", findings);
    }

    @Test
    void splitsLiteralsVariablesAndGreedyVariables() {
        Findings findings = new Findings();
        RoutePath path = parse("/v1.2/orders/{order_id}/files/{path+}", findings);
        assertTrue(findings.isEmpty(), findings.all().toString());
        assertTrue(path.isValid());
        assertEquals(List.of("order_id", "path"), path.variableNames());
        assertTrue(path.segments().get(4).greedy());
        assertEquals(List.of("/", "/v1.2", "/v1.2/orders", "/v1.2/orders/{order_id}",
                "/v1.2/orders/{order_id}/files", "/v1.2/orders/{order_id}/files/{path+}"), path.resourcePaths());
    }

    @Test
    void acceptsTheCharactersApiGatewayAccepts() {
        Findings findings = new Findings();
        assertTrue(parse("/a-b_c.d:e$f/{x.y_z-1}", findings).isValid(), findings.all().toString());
    }

    @Test
    void rootIsValidAndHasNoSegments() {
        Findings findings = new Findings();
        RoutePath root = parse("/", findings);
        assertTrue(root.isValid());
        assertTrue(root.isRoot());
        assertEquals("/", root.methodSettingResourcePath());
    }

    @Test
    void encodesMethodSettingPathsWithTilde1() {
        assertEquals("/~1orders~1{id}", parse("/orders/{id}", new Findings()).methodSettingResourcePath());
    }

    @Test
    void reportsEveryProblemInstead0fStoppingAtTheFirst() {
        Findings findings = new Findings();
        RoutePath path = parse("/a b/{x+}/{x}", findings);
        assertFalse(path.isValid());
        assertEquals(List.of("the greedy variable '{x+}' is not the last segment of '/a b/{x+}/{x}'.",
                        "the path variable '{x}' appears more than once.",
                        "the segment 'a b' contains whitespace, which a path cannot hold."),
                findings.all().stream().map(Finding::getProblem).sorted().toList(), findings.all().toString());
    }

    @Test
    void variableNamesUseTheCharactersOfRouteKeys() {
        // ':' and '$' are fine in a literal part, not in a variable's name (policies and route
        // scopes could not name the route)
        assertTrue(parse("/v1/events:batch/{id}", new Findings()).isValid());
        Findings findings = new Findings();
        assertFalse(parse("/a/{a:b}", findings).isValid());
        assertEquals(List.of("the path variable '{a:b}' has the character ':' in its name."),
                findings.all().stream().map(Finding::getProblem).toList());
        assertTrue(dev.gatehouse.authorizer.policy.RouteKey.parse("GET /a/{a.b_c-d}") != null);
        assertTrue(parse("/a/{a.b_c-d}", new Findings()).isValid());
    }

    /** The single finding parsing {@code path} reports, as its message. */
    private static String onlyFinding(String path) {
        Findings findings = new Findings();
        RoutePath parsed = RoutePath.parse(path, "route 'GET " + path + "'", findings);
        assertFalse(parsed.isValid(), path);
        assertEquals(1, findings.all().size(), findings.all().toString());
        return findings.all().get(0).getMessage();
    }

    @Test
    void saysHowToFixEachMalformedPath() {
        assertEquals("[GH101] route 'GET null': the path 'null' does not start with '/'. Fix: write the path from the"
                + " API root, e.g. '/'.", onlyFinding(null));
        assertEquals("[GH101] route 'GET orders': the path 'orders' does not start with '/'. Fix: write the path from"
                + " the API root, e.g. '/orders'.", onlyFinding("orders"));
        assertEquals("[GH101] route 'GET /orders//': the path '/orders//' ends with '/'. Fix: remove the trailing '/':"
                + " '/orders'.", onlyFinding("/orders//"));
        assertEquals("[GH101] route 'GET /a//b': the path '/a//b' has an empty segment ('//'). Fix: remove the extra '/'.",
                onlyFinding("/a//b"));
        assertEquals("[GH102] route 'GET /a/{}': the path variable '{}' has no name. Fix: name it, e.g. '{id}'.",
                onlyFinding("/a/{}"));
        assertTrue(onlyFinding("/a/{+}").contains("the path variable '{+}' has no name. Fix: name it, e.g. '{id+}'."));
        assertEquals("[GH102] route 'GET /a/{a b}': the path variable '{a b}' has a space in its name. Fix: name it with"
                + " a-z, A-Z, 0-9, '.', '_' or '-' only, e.g. '{a-b}'.", onlyFinding("/a/{a b}"));
        assertEquals("[GH102] route 'GET /files/{name}.json': the segment '{name}.json' mixes a variable with literal"
                + " text. Fix: make the variable a whole segment, e.g. '/files/{name}' instead of"
                + " '/files/{name}.json'.", onlyFinding("/files/{name}.json"));
        // an unclosed or unopened brace is named as such, not as text mixed with a variable
        assertEquals("[GH102] route 'GET /orders/{id': the segment '{id' opens a variable with '{' but never closes"
                + " it. Fix: close it with '}': '{id}'.", onlyFinding("/orders/{id"));
        assertTrue(onlyFinding("/a/{").contains("the segment '{' opens a variable with '{' but never closes it."));
        assertTrue(onlyFinding("/a/}").contains("the segment '}' closes a variable with '}' that it never opens."));
        assertEquals("[GH101] route 'GET /orders/by id': the segment 'by id' contains whitespace, which a path cannot"
                + " hold. Fix: join the words with '-' or '_' ('by-id'), or make each its own segment ('by/id').",
                onlyFinding("/orders/by id"));
        assertEquals("[GH102] route 'GET /{p+}/x': the greedy variable '{p+}' is not the last segment of '/{p+}/x'."
                + " Fix: end the path at '{p+}' (it matches the rest of the path), or use '{p}' to match a single"
                + " segment.", onlyFinding("/{p+}/x"));
    }

    @Test
    void acceptsEveryEdgeOfTheLetterAndDigitRangesAndNothingJustOutside() {
        assertTrue(parse("/azAZ09/{azAZ09}", new Findings()).isValid());
        for (String bad : List.of("a@", "a[", "a`", "a/", "a;", "a\u00e9", "a b")) {
            String segment = bad.replace("/", "");
            if (segment.length() == 1) {
                continue;
            }
            String literal = onlyFinding("/" + segment);
            assertTrue(literal.contains("the segment '" + segment + "' has the character '" + segment.charAt(1)
                    + "', which API Gateway does not accept in a path.") || literal.contains("contains whitespace"), literal);
            assertTrue(onlyFinding("/{" + segment + "}").contains("in its name."), segment);
        }
    }

    @Test
    void describesItsParts() {
        RoutePath path = parse("/orders/{id}/files/{rest+}", new Findings());
        assertEquals("/orders/{id}/files/{rest+}", path.path());
        assertEquals("/orders/{id}/files/{rest+}", path.toString());
        assertFalse(path.isRoot());
        assertEquals(List.of(false, true, false, true),
                path.segments().stream().map(RoutePath.Segment::isVariable).toList());
        assertEquals(new RoutePath.Segment("{id}", "id", false), path.segments().get(1));
        assertEquals(new RoutePath.Segment("{rest+}", "rest", true), path.segments().get(3));
        assertEquals("/~1a", parse("/a", new Findings()).methodSettingResourcePath());
        // an invalid path keeps its text as its shape, so its problems can still be reported
        assertEquals("orders", RoutePath.parse("orders", "x", new Findings()).shape());
        assertEquals(List.of("/"), parse("/", new Findings()).resourcePaths());
    }

    @Test
    void pathsOfTheSameResourceHaveTheSameShape() {
        // Given paths that differ only in their variables' names
        RoutePath byId = parse("/orders/{id}/lines/{proxy+}", new Findings());
        RoutePath byName = parse("/orders/{orderId}/lines/{rest+}", new Findings());

        // Then they are one API Gateway resource, and a literal segment is not a variable
        assertEquals("/orders/{}/lines/{}", byId.shape());
        assertEquals(byId.shape(), byName.shape());
        assertEquals("/orders/id", parse("/orders/id", new Findings()).shape());
        assertEquals("/", parse("/", new Findings()).shape());
    }
}
