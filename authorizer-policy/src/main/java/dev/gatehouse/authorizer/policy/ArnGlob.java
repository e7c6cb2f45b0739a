package dev.gatehouse.authorizer.policy;

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
        for (String glob : globs) {
            String prefix = glob.substring(0, firstWildcard(glob));
            String suffix = glob.substring(lastWildcard(glob) + 1);
            if (!mayIntersect(prefix, suffix, route)) {
                continue;
            }
            // only exclusions that can share strings with the glob change the answer
            List<RouteKey> relevant = new ArrayList<>();
            for (RouteKey other : excluded) {
                if (mayIntersect(prefix, suffix, other)) {
                    relevant.add(other);
                }
            }
            List<String> literals = new ArrayList<>();
            literals.add(glob);
            literals.addAll(Languages.literals(route));
            for (RouteKey other : relevant) {
                literals.addAll(Languages.literals(other));
            }
            Languages.Alphabet alphabet = new Languages.Alphabet(literals);
            List<Languages.Nfa> excludedNfas = new ArrayList<>(relevant.size());
            for (RouteKey other : relevant) {
                excludedNfas.add(Languages.route(other, alphabet));
            }
            if (Languages.nonEmpty(alphabet, List.of(Languages.glob(glob, alphabet), Languages.route(route, alphabet)),
                    excludedNfas)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A quick necessary condition for a glob to match a request of {@code route}: the glob's
     * literal prefix (before its first wildcard) and the route's (method and literal path up to the
     * first variable) are compatible, and so are their literal suffixes.
     *
     * <p>Only a shortcut: answering {@code true} more often (or comparing shorter prefixes, as when
     * {@link #firstWildcard} answered 0) changes the speed, never the answer, since the automata
     * decide exactly. Such mutants are equivalent.
     */
    private static boolean mayIntersect(String globPrefix, String globSuffix, RouteKey route) {
        String routeSuffix = route.requestSuffix();
        if (!(routeSuffix.endsWith(globSuffix) || globSuffix.endsWith(routeSuffix))) {
            return false;
        }
        for (String routePrefix : route.requestPrefixes()) {
            if (routePrefix.startsWith(globPrefix) || globPrefix.startsWith(routePrefix)) {
                return true;
            }
        }
        return false;
    }

    private static int firstWildcard(String glob) {
        for (int i = 0; i < glob.length(); i++) {
            if (glob.charAt(i) == '*' || glob.charAt(i) == '?') {
                return i;
            }
        }
        return glob.length();
    }

    private static int lastWildcard(String glob) {
        for (int i = glob.length() - 1; i >= 0; i--) {
            if (glob.charAt(i) == '*' || glob.charAt(i) == '?') {
                return i;
            }
        }
        return -1;
    }

    /** Whether every string matching {@code inner} also matches {@code outer}. */
    public static boolean contains(String outer, String inner) {
        Languages.Alphabet alphabet = new Languages.Alphabet(List.of(outer, inner));
        return !Languages.nonEmpty(alphabet, List.of(Languages.glob(inner, alphabet)),
                List.of(Languages.glob(outer, alphabet)));
    }
}
