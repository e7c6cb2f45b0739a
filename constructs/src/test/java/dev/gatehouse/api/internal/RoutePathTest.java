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
                        "the segment 'a b' has characters API Gateway does not accept in a path."),
                findings.all().stream().map(Finding::getProblem).sorted().toList(), findings.all().toString());
    }

    @Test
    void variableNamesUseTheCharactersOfRouteKeys() {
        // ':' and '$' are fine in a literal part, not in a variable's name (policies and route
        // scopes could not name the route)
        assertTrue(parse("/v1/events:batch/{id}", new Findings()).isValid());
        Findings findings = new Findings();
        assertFalse(parse("/a/{a:b}", findings).isValid());
        assertEquals(List.of("the path variable '{a:b}' has a name Gatehouse does not accept."),
                findings.all().stream().map(Finding::getProblem).toList());
        assertTrue(dev.gatehouse.authorizer.policy.RouteKey.parse("GET /a/{a.b_c-d}") != null);
        assertTrue(parse("/a/{a.b_c-d}", new Findings()).isValid());
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
