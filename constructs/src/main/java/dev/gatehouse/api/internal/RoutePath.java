package dev.gatehouse.api.internal;

import dev.gatehouse.path.PathGrammar;
import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rules;
import java.util.ArrayList;
import java.util.List;

/**
 * A route path split into segments, checked against API Gateway's resource path rules
 * (rules GH101 and GH102) as {@link PathGrammar} states them. An invalid path is still returned, with {@link #isValid()} false, so
 * that every problem of every route can be reported together.
 */
public final class RoutePath {
    /** One path segment: a literal, a variable {@code {name}}, or a greedy variable {@code {name+}}. */
    public record Segment(String text, String variableName, boolean greedy) {
        public boolean isVariable() {
            return variableName != null;
        }
    }

    private final String path;
    private final List<Segment> segments;
    private final boolean valid;
    private final List<String> variableNames;
    private final String shape;

    private RoutePath(String path, List<Segment> segments, boolean valid) {
        this.path = path;
        this.segments = List.copyOf(segments);
        this.valid = valid;
        List<String> names = new ArrayList<>();
        StringBuilder shape = new StringBuilder(path.length());
        for (Segment segment : this.segments) {
            shape.append('/').append(segment.isVariable() ? "{}" : segment.text());
            if (segment.isVariable()) {
                names.add(segment.variableName());
            }
        }
        this.variableNames = List.copyOf(names);
        this.shape = this.segments.isEmpty() ? path : shape.toString();
    }

    public String path() {
        return path;
    }

    public List<Segment> segments() {
        return segments;
    }

    public boolean isValid() {
        return valid;
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** Variable names in path order (a greedy {@code {proxy+}} gives {@code proxy}). */
    public List<String> variableNames() {
        return variableNames;
    }

    /**
     * The path with every variable written {@code {}}, e.g. {@code /orders/{}} for
     * {@code /orders/{id}} and {@code /orders/{name+}}: one method on two paths of the same shape is
     * either one route declared twice or two variables among siblings, which API Gateway rejects.
     */
    public String shape() {
        return shape;
    }

    /**
     * Every resource this path needs, from the root to the path itself, e.g. {@code /},
     * {@code /orders}, {@code /orders/{id}}.
     */
    public List<String> resourcePaths() {
        List<String> result = new ArrayList<>(segments.size() + 1);
        result.add("/");
        StringBuilder current = new StringBuilder();
        for (Segment segment : segments) {
            current.append('/').append(segment.text());
            result.add(current.toString());
        }
        return result;
    }

    /**
     * Parses and checks {@code path} with Gatehouse's one path grammar ({@link PathGrammar}, which
     * database routes use too), reporting problems against {@code subject}: rule GH101 for the
     * path's characters and slashes, GH102 for its variables.
     */
    public static RoutePath parse(String path, String subject, Findings findings) {
        return of(PathGrammar.parsePath(path), subject, findings);
    }

    /** A path the grammar has read, its problems reported against {@code subject}. */
    public static RoutePath of(PathGrammar.ParsedPath parsed, String subject, Findings findings) {
        for (PathGrammar.Problem problem : parsed.problems()) {
            findings.report(problem.topic() == PathGrammar.Topic.VARIABLE ? Rules.PATH_VARIABLE : Rules.PATH_SYNTAX,
                    subject, problem.message() + ".", problem.fix() + ".");
        }
        List<Segment> segments = new ArrayList<>(parsed.segments().size());
        for (PathGrammar.Segment segment : parsed.segments()) {
            segments.add(new Segment(segment.text(), segment.isVariable() ? segment.name() : null,
                    segment.kind() == PathGrammar.Kind.GREEDY));
        }
        return new RoutePath(parsed.path(), segments, parsed.isValid());
    }

    /**
     * The {@code ResourcePath} of a stage {@code MethodSetting}: '/' for the root, otherwise the
     * path with every '/' written as '~1' after a leading '/', e.g. {@code /~1orders~1{id}}.
     */
    public String methodSettingResourcePath() {
        return isRoot() ? "/" : "/" + path.replace("/", "~1");
    }

    @Override
    public String toString() {
        return path;
    }
}
