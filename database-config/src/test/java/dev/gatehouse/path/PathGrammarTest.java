package dev.gatehouse.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.path.PathGrammar.Kind;
import dev.gatehouse.path.PathGrammar.ParsedPath;
import dev.gatehouse.path.PathGrammar.ParsedRoute;
import dev.gatehouse.path.PathGrammar.Problem;
import dev.gatehouse.path.PathGrammar.Segment;
import dev.gatehouse.path.PathGrammar.Topic;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathGrammarTest {

    private static Problem onlyProblem(String path) {
        List<Problem> problems = PathGrammar.parsePath(path).problems();
        assertEquals(1, problems.size(), path + " -> " + problems);
        return problems.get(0);
    }

    @Test
    void acceptsApiGatewaysCharactersAndVariables() {
        ParsedPath path = PathGrammar.parsePath("/v1.0/a_b-c:d$e/{order-id}/{file.name_x}/{rest+}");
        assertTrue(path.isValid(), path::toString);
        assertEquals(List.of(new Segment(Kind.LITERAL, "v1.0", null), new Segment(Kind.LITERAL, "a_b-c:d$e", null),
                new Segment(Kind.VARIABLE, "{order-id}", "order-id"), new Segment(Kind.VARIABLE, "{file.name_x}", "file.name_x"),
                new Segment(Kind.GREEDY, "{rest+}", "rest")), path.segments());
        assertEquals(List.of("order-id", "file.name_x", "rest"), path.variableNames());
        assertTrue(PathGrammar.parsePath("/").isValid());
        assertEquals(List.of(), PathGrammar.parsePath("/").segments());
    }

    @Test
    void anUnclosedBraceIsReportedAsUnclosed() {
        // Given a variable whose closing brace is missing, when parsed, then that is the problem named
        assertEquals(new Problem(Topic.VARIABLE, "the segment '{id' opens a variable with '{' but never closes it",
                "close it with '}': '{id}'"), onlyProblem("/orders/{id"));
        assertEquals(new Problem(Topic.VARIABLE, "the segment 'id}' closes a variable with '}' that it never opens",
                "open it with '{': '{id}'"), onlyProblem("/orders/id}"));
    }

    @Test
    void variablesMixedWithTextAreStillReportedAsMixed() {
        assertEquals(new Problem(Topic.VARIABLE, "the segment '{name}.json' mixes a variable with literal text",
                "make the variable a whole segment, e.g. '/files/{name}' instead of '/files/{name}.json'"),
                onlyProblem("/files/{name}.json"));
        assertEquals(Topic.VARIABLE, onlyProblem("/files/x{name}").topic());
        assertEquals(Topic.VARIABLE, onlyProblem("/files/{a}{b}").topic());
    }

    @Test
    void whitespaceInAPathIsNamedWithTheWaysToWriteIt() {
        assertEquals(new Problem(Topic.PATH, "the segment 'by id' contains whitespace, which a path cannot hold",
                "join the words with '-' or '_' ('by-id'), or make each its own segment ('by/id')"),
                onlyProblem("/orders/by id"));
    }

    @Test
    void otherCharactersAreNamed() {
        assertEquals(new Problem(Topic.PATH, "the segment 'a*b?' has the characters '*', '?', which API Gateway "
                + "does not accept in a path", "use only a-z, A-Z, 0-9, '.', '_', '-', ':' and '$' in path segments"),
                onlyProblem("/a*b?"));
        assertEquals(new Problem(Topic.VARIABLE, "the path variable '{order id}' has a space in its name",
                "name it with a-z, A-Z, 0-9, '.', '_' or '-' only, e.g. '{order-id}'"), onlyProblem("/{order id}"));
        assertEquals(new Problem(Topic.VARIABLE, "the path variable '{a:b+}' has the character ':' in its name",
                "name it with a-z, A-Z, 0-9, '.', '_' or '-' only, e.g. '{a-b+}'"), onlyProblem("/{a:b+}"));
        assertEquals(new Problem(Topic.VARIABLE, "the path variable '{}' has no name", "name it, e.g. '{id}'"),
                onlyProblem("/{}"));
    }

    @Test
    void slashesAndPositions() {
        assertEquals(new Problem(Topic.PATH, "the path 'orders' does not start with '/'",
                "write the path from the API root, e.g. '/orders'"), onlyProblem("orders"));
        assertEquals(new Problem(Topic.PATH, "the path '/orders//' ends with '/'", "remove the trailing '/': '/orders'"),
                onlyProblem("/orders//"));
        assertEquals(new Problem(Topic.PATH, "the path '/a//b//c' has an empty segment ('//')", "remove the extra '/'"),
                onlyProblem("/a//b//c"));
        assertEquals(new Problem(Topic.VARIABLE, "the greedy variable '{p+}' is not the last segment of '/{p+}/x'",
                "end the path at '{p+}' (it matches the rest of the path), or use '{p}' to match a single segment"),
                onlyProblem("/{p+}/x"));
        assertEquals(new Problem(Topic.VARIABLE, "the path variable '{id}' appears more than once",
                "give each variable in the path its own name"), onlyProblem("/{id}/x/{id}"));
        assertEquals("null", PathGrammar.parsePath(null).path());
    }

    @Test
    void routesSplitAtTheFirstWhitespaceAndKeepTheRestAsThePath() {
        ParsedRoute route = PathGrammar.parseRoute("  GET \t /orders/{id}  ");
        assertEquals("GET", route.method());
        assertEquals("/orders/{id}", route.path().path());
        assertTrue(route.allProblems().isEmpty());

        // a space inside the path is the path's problem, not "not METHOD /path"
        ParsedRoute spaced = PathGrammar.parseRoute("GET /orders/by id");
        assertEquals("/orders/by id", spaced.path().path());
        assertEquals(List.of(), spaced.problems());
        assertEquals(1, spaced.allProblems().size());
        assertTrue(spaced.allProblems().get(0).message().contains("contains whitespace"));
    }

    @Test
    void routesWithoutMethodOrPath() {
        ParsedRoute noMethod = PathGrammar.parseRoute("/orders");
        assertNull(noMethod.method());
        assertEquals(List.of(new Problem(Topic.ROUTE, "it has a path but no method",
                "put the method before the path, e.g. \"GET /orders\"")), noMethod.problems());
        ParsedRoute noPath = PathGrammar.parseRoute("GET");
        assertEquals("GET", noPath.method());
        assertNull(noPath.path());
        assertEquals(List.of(new Problem(Topic.ROUTE, "it has no path",
                "write the path after the method and one space, e.g. \"GET /orders/{id}\"")), noPath.allProblems());
        for (String empty : new String[] {null, "", "   "}) {
            assertEquals("it is empty", PathGrammar.parseRoute(empty).problems().get(0).message());
        }
    }

    @Test
    void everyEdgeOfTheLetterAndDigitRangesAndNothingJustOutside() {
        assertTrue(PathGrammar.parsePath("/azAZ09/{azAZ09}").isValid());
        // the characters just outside a-z, A-Z and 0-9
        for (char c : new char[] {'`', '@', '[', '/', ';'}) {
            assertFalse(PathGrammar.isName("a" + c), "name a" + c);
        }
        for (char c : new char[] {'`', '@', '[', ';', '~'}) {
            assertFalse(PathGrammar.isLiteral("a" + c), "literal a" + c);
        }
        assertFalse(PathGrammar.isName("a:"), "':' is a literal's, not a name's");
        assertTrue(PathGrammar.isLiteral("a:"));
    }

    @Test
    void bracesInEveryOrder() {
        assertEquals(new Problem(Topic.VARIABLE, "the segment '}id' closes a variable with '}' that it never opens",
                "open it with '{': '{id}'"), onlyProblem("/orders/}id"));
        assertEquals(Topic.VARIABLE, onlyProblem("/}{").topic());
        assertTrue(onlyProblem("/}{").message().contains("mixes a variable with literal text"));
        assertFalse(PathGrammar.parsePath("/orders/{id").isValid());
        assertFalse(PathGrammar.parsePath("/orders/{id").problems().isEmpty());
    }

    @Test
    void suggestedNamesDropWhatIsNotAllowed() {
        assertEquals("name it with a-z, A-Z, 0-9, '.', '_' or '-' only, e.g. '{ab}'", onlyProblem("/{:ab}").fix());
        assertEquals("name it with a-z, A-Z, 0-9, '.', '_' or '-' only, e.g. '{id}'", onlyProblem("/{::}").fix());
    }

    @Test
    void namesAndLiterals() {
        assertTrue(PathGrammar.isName("order-id.v2_x"));
        assertFalse(PathGrammar.isName("a:b"));
        assertFalse(PathGrammar.isName(""));
        assertTrue(PathGrammar.isLiteral("a:b$c"));
        assertFalse(PathGrammar.isLiteral("a~b"));
    }
}
