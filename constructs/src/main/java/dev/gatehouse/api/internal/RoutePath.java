package dev.gatehouse.api.internal;

import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A route path split into segments, checked against API Gateway's resource path rules
 * (rules GH101 and GH102). An invalid path is still returned, with {@link #isValid()} false, so
 * that every problem of every route can be reported together.
 */
public final class RoutePath {
    /** Characters API Gateway accepts in a resource path part besides letters and digits (as aws-cdk checks them). */
    private static final String PART_PUNCTUATION = ":._$-";
    /**
     * Characters of a path variable's name besides letters and digits: those of a literal part
     * without ':' and '$', as the route keys of resource policies and of the JWT authorizer's
     * route scopes spell them.
     */
    private static final String VARIABLE_PUNCTUATION = "._-";

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
     * Parses and checks {@code path}, reporting problems against {@code subject}.
     */
    public static RoutePath parse(String path, String subject, Findings findings) {
        if (path == null || !path.startsWith("/")) {
            findings.report(Rules.PATH_SYNTAX, subject, "the path '" + path + "' does not start with '/'.",
                    "write the path from the API root, e.g. '/" + (path == null ? "" : path) + "'.");
            return new RoutePath(String.valueOf(path), List.of(), false);
        }
        if (path.equals("/")) {
            return new RoutePath(path, List.of(), true);
        }
        if (path.endsWith("/")) {
            findings.report(Rules.PATH_SYNTAX, subject, "the path '" + path + "' ends with '/'.",
                    "remove the trailing '/': '" + path.replaceAll("/+$", "") + "'.");
            return new RoutePath(path, List.of(), false);
        }
        String[] parts = path.substring(1).split("/", -1);
        List<Segment> segments = new ArrayList<>(parts.length);
        Set<String> seen = new HashSet<>();
        boolean valid = true;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            if (part.isEmpty()) {
                findings.report(Rules.PATH_SYNTAX, subject, "the path '" + path + "' has an empty segment ('//').",
                        "remove the extra '/'.");
                valid = false;
                continue;
            }
            if (part.startsWith("{") && part.endsWith("}") && part.length() >= 2) {
                String name = part.substring(1, part.length() - 1);
                boolean greedy = name.endsWith("+");
                if (greedy) {
                    name = name.substring(0, name.length() - 1);
                }
                if (!consistsOf(name, VARIABLE_PUNCTUATION)) {
                    findings.report(Rules.PATH_VARIABLE, subject,
                            "the path variable '" + part + "' has a name Gatehouse does not accept.",
                            "name it with a-z, A-Z, 0-9, '.', '_' or '-' only, e.g. '{id}'.");
                    valid = false;
                } else if (!seen.add(name)) {
                    findings.report(Rules.PATH_VARIABLE, subject,
                            "the path variable '{" + name + "}' appears more than once.",
                            "give each variable in the path its own name.");
                    valid = false;
                }
                if (greedy && !last) {
                    findings.report(Rules.PATH_VARIABLE, subject,
                            "the greedy variable '" + part + "' is not the last segment of '" + path + "'.",
                            "end the path at '" + part + "' (it matches the rest of the path), or use '{"
                                    + name + "}' to match a single segment.");
                    valid = false;
                }
                segments.add(new Segment(part, name, greedy));
            } else if (part.contains("{") || part.contains("}")) {
                findings.report(Rules.PATH_VARIABLE, subject,
                        "the segment '" + part + "' mixes a variable with literal text.",
                        "make the variable a whole segment, e.g. '/files/{name}' instead of '/files/{name}.json'.");
                valid = false;
                segments.add(new Segment(part, null, false));
            } else {
                if (!consistsOf(part, PART_PUNCTUATION)) {
                    findings.report(Rules.PATH_SYNTAX, subject,
                            "the segment '" + part + "' has characters API Gateway does not accept in a path.",
                            "use only a-z, A-Z, 0-9, '.', '_', '-', ':' and '$' in path segments.");
                    valid = false;
                }
                segments.add(new Segment(part, null, false));
            }
        }
        return new RoutePath(path, segments, valid);
    }

    /** Whether {@code text} is not empty and has only ASCII letters, digits and {@code punctuation}. */
    private static boolean consistsOf(String text, String punctuation) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphanumeric && punctuation.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
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
