package dev.gatehouse.path;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one grammar of route paths and route declarations ({@code "GET /orders/{id}"}) in Gatehouse,
 * used by the API's routes (gatehouse-constructs) and by database routes (this module), so that a
 * path is accepted or refused, with the same message, wherever it is written.
 *
 * <p>It is API Gateway's grammar of REST API resource paths: a path starts with {@code /} (the
 * root is {@code "/"}), has no empty segment and no trailing {@code /}; a literal segment uses
 * ASCII letters, digits and {@value #LITERAL_PUNCTUATION} (the characters aws-cdk's
 * {@code Resource} accepts in a path part); a variable is a whole segment {@code {name}}, its name
 * made of ASCII letters, digits and {@value #VARIABLE_PUNCTUATION}; the greedy {@code {name+}} is
 * only the last segment; a name appears once per path.
 *
 * <p>Parsing never throws: every problem of a path is returned, each with what is wrong and how to
 * fix it, so that callers can report all of them together. Messages and fixes carry no final
 * period.
 */
public final class PathGrammar {
    /** Characters of a literal segment besides ASCII letters and digits. */
    public static final String LITERAL_PUNCTUATION = ":._$-";
    /**
     * Characters of a variable's name besides ASCII letters and digits: those of a literal without
     * ':' and '$', as the route keys of resource policies and of the JWT authorizer's route scopes
     * spell them.
     */
    public static final String VARIABLE_PUNCTUATION = "._-";

    private PathGrammar() {
    }

    /** What a segment is. */
    public enum Kind {
        /** Literal text, matched exactly. */
        LITERAL,
        /** {@code {name}}: exactly one non-empty segment of a request path. */
        VARIABLE,
        /** {@code {name+}}: the rest of a request path, one segment or more. */
        GREEDY
    }

    /**
     * What a problem is about, so that callers can file it under their own rules.
     */
    public enum Topic {
        /** The declaration as a whole: not {@code METHOD /path}. */
        ROUTE,
        /** The path's characters and slashes. */
        PATH,
        /** A path variable: braces, name, position. */
        VARIABLE
    }

    /**
     * One segment of a path.
     *
     * @param kind literal, variable or greedy variable
     * @param text the segment as written, e.g. {@code {id}}
     * @param name the variable's name ({@code id} for {@code {id}} and {@code {id+}}); null for a
     *     literal
     */
    public record Segment(Kind kind, String text, String name) {
        /** Whether the segment is a variable, greedy or not. */
        public boolean isVariable() {
            return kind != Kind.LITERAL;
        }
    }

    /**
     * One problem of a path or route.
     *
     * @param topic what the problem is about
     * @param message what is wrong, naming the part at fault (no final period)
     * @param fix how to write it instead (no final period)
     */
    public record Problem(Topic topic, String message, String fix) {
        public Problem {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(fix, "fix");
        }
    }

    /**
     * A parsed path.
     *
     * @param path the path as given ({@code "null"} for null)
     * @param segments the segments that could be read (none for the root, nor for a path not
     *     starting with '/' or ending with '/')
     * @param problems every problem, in path order; empty when the path is valid
     */
    public record ParsedPath(String path, List<Segment> segments, List<Problem> problems) {
        public ParsedPath {
            segments = List.copyOf(segments);
            problems = List.copyOf(problems);
        }

        /** Whether the path has no problem. */
        public boolean isValid() {
            return problems.isEmpty();
        }

        /** The names of the variables, in path order. */
        public List<String> variableNames() {
            List<String> names = new ArrayList<>();
            for (Segment segment : segments) {
                if (segment.isVariable()) {
                    names.add(segment.name());
                }
            }
            return names;
        }
    }

    /**
     * A parsed route declaration.
     *
     * @param method the first word as written (not checked: which methods a route may use is the
     *     caller's rule), or null when there is none
     * @param path the path, or null when the declaration has none
     * @param problems the declaration's own problems ({@link Topic#ROUTE}); the path's are in
     *     {@code path}
     */
    public record ParsedRoute(String method, ParsedPath path, List<Problem> problems) {
        public ParsedRoute {
            problems = List.copyOf(problems);
        }

        /** The declaration's problems followed by its path's. */
        public List<Problem> allProblems() {
            List<Problem> all = new ArrayList<>(problems);
            if (path != null) {
                all.addAll(path.problems());
            }
            return all;
        }
    }

    /**
     * Splits {@code "METHOD /path"} at its first run of whitespace (surrounding whitespace is
     * ignored) and parses the path. Whitespace after the path's start belongs to the path, and is
     * reported there: {@code "GET /orders/by id"} has a path with a space, not a third word.
     */
    public static ParsedRoute parseRoute(String route) {
        String text = route == null ? "" : route.strip();
        if (text.isEmpty()) {
            return new ParsedRoute(null, null, List.of(new Problem(Topic.ROUTE, "it is empty",
                    "write the method and the path separated by one space, e.g. \"GET /orders/{id}\"")));
        }
        int space = 0;
        while (space < text.length() && !Character.isWhitespace(text.charAt(space))) {
            space++;
        }
        if (space == text.length()) {
            if (text.startsWith("/")) {
                return new ParsedRoute(null, parsePath(text), List.of(new Problem(Topic.ROUTE,
                        "it has a path but no method", "put the method before the path, e.g. \"GET " + text + "\"")));
            }
            return new ParsedRoute(text, null, List.of(new Problem(Topic.ROUTE, "it has no path",
                    "write the path after the method and one space, e.g. \"" + text + " /orders/{id}\"")));
        }
        return new ParsedRoute(text.substring(0, space), parsePath(text.substring(space).strip()), List.of());
    }

    /** Parses and checks {@code path}; see the class description for the grammar. */
    public static ParsedPath parsePath(String path) {
        List<Problem> problems = new ArrayList<>();
        if (path == null || !path.startsWith("/")) {
            problems.add(new Problem(Topic.PATH, "the path '" + path + "' does not start with '/'",
                    "write the path from the API root, e.g. '/" + (path == null ? "" : path.strip()) + "'"));
            return new ParsedPath(String.valueOf(path), List.of(), problems);
        }
        if (path.equals("/")) {
            return new ParsedPath(path, List.of(), List.of());
        }
        if (path.endsWith("/")) {
            problems.add(new Problem(Topic.PATH, "the path '" + path + "' ends with '/'",
                    "remove the trailing '/': '" + path.replaceAll("/+$", "") + "'"));
            return new ParsedPath(path, List.of(), problems);
        }
        String[] parts = path.substring(1).split("/", -1);
        List<Segment> segments = new ArrayList<>(parts.length);
        Set<String> seen = new HashSet<>();
        boolean emptyReported = false;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                if (!emptyReported) {
                    problems.add(new Problem(Topic.PATH, "the path '" + path + "' has an empty segment ('//')",
                            "remove the extra '/'"));
                    emptyReported = true;
                }
                continue;
            }
            Segment segment = segment(path, part, i == parts.length - 1, problems);
            if (segment.isVariable() && isName(segment.name()) && !seen.add(segment.name())) {
                problems.add(new Problem(Topic.VARIABLE, "the path variable '{" + segment.name()
                        + "}' appears more than once", "give each variable in the path its own name"));
            }
            segments.add(segment);
        }
        return new ParsedPath(path, segments, problems);
    }

    private static Segment segment(String path, String part, boolean last, List<Problem> problems) {
        int open = part.indexOf('{');
        int close = part.indexOf('}');
        if (open < 0 && close < 0) {
            checkLiteral(part, problems);
            return new Segment(Kind.LITERAL, part, null);
        }
        if (close < 0) {
            problems.add(new Problem(Topic.VARIABLE, "the segment '" + part + "' opens a variable with '{' but "
                    + "never closes it", "close it with '}': '" + part + "}'"));
            return new Segment(Kind.LITERAL, part, null);
        }
        if (open < 0) {
            problems.add(new Problem(Topic.VARIABLE, "the segment '" + part + "' closes a variable with '}' that "
                    + "it never opens", "open it with '{': '{" + part.replace("}", "") + "}'"));
            return new Segment(Kind.LITERAL, part, null);
        }
        // close is the first '}': a whole variable has its only '{' first and its first '}' last
        // (indexOf from 1 is -1 or at least 1, so "<= 0" would be the same: an equivalent mutant)
        boolean whole = open == 0 && close == part.length() - 1 && part.indexOf('{', 1) < 0;
        if (!whole) {
            problems.add(new Problem(Topic.VARIABLE, "the segment '" + part + "' mixes a variable with literal text",
                    "make the variable a whole segment, e.g. '/files/{name}' instead of '/files/{name}.json'"));
            return new Segment(Kind.LITERAL, part, null);
        }
        String name = part.substring(1, part.length() - 1);
        boolean greedy = name.endsWith("+");
        if (greedy) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty()) {
            problems.add(new Problem(Topic.VARIABLE, "the path variable '" + part + "' has no name",
                    "name it, e.g. '{id" + (greedy ? "+" : "") + "}'"));
        } else if (!isName(name)) {
            problems.add(new Problem(Topic.VARIABLE, "the path variable '" + part + "' has " + describeOthers(name,
                    VARIABLE_PUNCTUATION) + " in its name", "name it with a-z, A-Z, 0-9, '.', '_' or '-' only, e.g. '{"
                    + suggestion(name, VARIABLE_PUNCTUATION) + (greedy ? "+" : "") + "}'"));
        }
        if (greedy && !last) {
            problems.add(new Problem(Topic.VARIABLE, "the greedy variable '" + part + "' is not the last segment of '"
                    + path + "'", "end the path at '" + part + "' (it matches the rest of the path), or use '{"
                    + name + "}' to match a single segment"));
        }
        return new Segment(greedy ? Kind.GREEDY : Kind.VARIABLE, part, name);
    }

    private static void checkLiteral(String part, List<Problem> problems) {
        if (consistsOf(part, LITERAL_PUNCTUATION)) {
            return;
        }
        if (part.chars().anyMatch(Character::isWhitespace)) {
            problems.add(new Problem(Topic.PATH, "the segment '" + part + "' contains whitespace, which a path "
                    + "cannot hold", "join the words with '-' or '_' ('" + suggestion(part, LITERAL_PUNCTUATION)
                    + "'), or make each its own segment ('" + String.join("/", part.strip().split("\\s+")) + "')"));
            return;
        }
        problems.add(new Problem(Topic.PATH, "the segment '" + part + "' has " + describeOthers(part,
                LITERAL_PUNCTUATION) + ", which API Gateway does not accept in a path",
                "use only a-z, A-Z, 0-9, '.', '_', '-', ':' and '$' in path segments"));
    }

    /** Whether {@code name} is a valid variable name. */
    public static boolean isName(String name) {
        return consistsOf(name, VARIABLE_PUNCTUATION);
    }

    /** Whether {@code text} is a valid literal segment. */
    public static boolean isLiteral(String text) {
        return consistsOf(text, LITERAL_PUNCTUATION);
    }

    /** Whether {@code text} is not empty and has only ASCII letters, digits and {@code punctuation}. */
    private static boolean consistsOf(String text, String punctuation) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!allowed(text.charAt(i), punctuation)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allowed(char c, String punctuation) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || punctuation.indexOf(c) >= 0;
    }

    /**
     * "the character '*'", "a space" or "the characters '*', '?'": those of {@code text} outside
     * the grammar.
     */
    private static String describeOthers(String text, String punctuation) {
        Set<String> others = new LinkedHashSet<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!allowed(c, punctuation)) {
                others.add(Character.isWhitespace(c) ? "a space" : "'" + c + "'");
            }
        }
        if (others.size() == 1) {
            String only = others.iterator().next();
            return only.startsWith("'") ? "the character " + only : only;
        }
        return "the characters " + String.join(", ", others);
    }

    /** {@code text} with every run of characters outside the grammar written as one '-'. */
    private static String suggestion(String text, String punctuation) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (allowed(c, punctuation)) {
                out.append(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        }
        String result = out.toString().replaceAll("-+$", "");
        return result.isEmpty() ? "id" : result;
    }
}
