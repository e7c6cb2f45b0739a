package dev.gatehouse.lambda.jwt.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The resource patterns of execute-api IAM policies, as API Gateway evaluates a Lambda authorizer's
 * policy: {@code *} matches any string, including {@code /} and the empty string, and {@code ?}
 * exactly one character; every other character matches itself.
 *
 * <p>The methods here work on the part of an ARN after {@code {apiId}/{stage}/}, i.e.
 * {@code METHOD/path-without-leading-slash}: {@code GET/orders/*}.
 */
public final class ArnGlob {
    private ArnGlob() {}

    /** Whether {@code value} matches {@code glob}. */
    public static boolean matches(String glob, String value) {
        int g = 0;
        int v = 0;
        int starAt = -1;
        int starMatched = 0;
        while (v < value.length()) {
            if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == value.charAt(v))
                    && glob.charAt(g) != '*') {
                g++;
                v++;
            } else if (g < glob.length() && glob.charAt(g) == '*') {
                starAt = g++;
                starMatched = v;
            } else if (starAt >= 0) {
                g = starAt + 1;
                v = ++starMatched;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }

    /**
     * Whether some concrete request of {@code route} ({@code METHOD/path}, a variable standing for
     * one non-empty segment without {@code /}, a greedy variable for one or more such segments)
     * matches {@code glob}.
     */
    public static boolean intersects(String glob, RouteKey route) {
        return intersects(List.of(glob), route, List.of());
    }

    /**
     * Whether some concrete request that {@code route} accepts and none of {@code excluded} accepts
     * matches one of {@code globs}. Used with {@code excluded} = the routes that take precedence
     * over {@code route}, this asks whether the globs reach requests API Gateway sends to
     * {@code route}.
     */
    public static boolean intersects(Collection<String> globs, RouteKey route, Collection<RouteKey> excluded) {
        List<String> literals = new ArrayList<>(globs);
        literals.addAll(Languages.literals(route));
        for (RouteKey other : excluded) {
            literals.addAll(Languages.literals(other));
        }
        Languages.Alphabet alphabet = new Languages.Alphabet(literals);
        Languages.Nfa target = Languages.route(route, alphabet);
        List<Languages.Nfa> excludedNfas = new ArrayList<>(excluded.size());
        for (RouteKey other : excluded) {
            excludedNfas.add(Languages.route(other, alphabet));
        }
        for (String glob : globs) {
            if (Languages.nonEmpty(alphabet, List.of(Languages.glob(glob, alphabet), target), excludedNfas)) {
                return true;
            }
        }
        return false;
    }

    /** Whether every string matching {@code inner} also matches {@code outer}. */
    public static boolean contains(String outer, String inner) {
        Languages.Alphabet alphabet = new Languages.Alphabet(List.of(outer, inner));
        return !Languages.nonEmpty(alphabet, List.of(Languages.glob(inner, alphabet)),
                List.of(Languages.glob(outer, alphabet)));
    }
}
