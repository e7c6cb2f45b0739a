package dev.gatehouse.authorizer.policy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Regular-language checks between ARN globs and route templates, over strings of the form
 * {@code METHOD/path-without-leading-slash} (the part of an execute-api ARN after the stage).
 *
 * <p>The languages are described by small nondeterministic automata over a finite alphabet of
 * character classes: one class per character that occurs literally in any of the patterns involved,
 * one for {@code /}, and one standing for every other character. Because every pattern treats all
 * "other" characters alike, a check over the classes is exact for real strings.
 */
final class Languages {
    /** Explored product states after which a check gives up and answers the safe "they overlap". */
    static final int STATE_LIMIT = 200_000;

    private static final int ANY = -1;
    private static final int NOT_SLASH = -2;

    private Languages() {}

    /** Maps characters to classes. */
    static final class Alphabet {
        private final Map<Character, Integer> classes = new HashMap<>();
        private final int slash;
        private final int size;

        Alphabet(Collection<String> literalTexts) {
            Set<Character> chars = new TreeSet<>();
            chars.add('/');
            for (String text : literalTexts) {
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c != '*' && c != '?') {
                        chars.add(c);
                    }
                }
            }
            int next = 0;
            for (char c : chars) {
                classes.put(c, next++);
            }
            slash = classes.get('/');
            size = next + 1; // the last class: every character not listed
        }

        int classOf(char c) {
            Integer cls = classes.get(c);
            return cls == null ? size - 1 : cls;
        }

        int size() {
            return size;
        }

        boolean matches(int label, int cls) {
            return label == ANY || (label == NOT_SLASH ? cls != slash : label == cls);
        }
    }

    /** A nondeterministic automaton with epsilon moves; labels are classes, ANY or NOT_SLASH. */
    static final class Nfa {
        private final List<int[]> edges = new ArrayList<>(); // {from, label, to}
        private final List<int[]> epsilons = new ArrayList<>(); // {from, to}
        private final BitSet accepting = new BitSet();
        private int states = 1; // state 0 is the start

        int newState() {
            return states++;
        }

        void edge(int from, int label, int to) {
            edges.add(new int[] {from, label, to});
        }

        void epsilon(int from, int to) {
            epsilons.add(new int[] {from, to});
        }

        void accept(int state) {
            accepting.set(state);
        }

        private int[][] edgesByState;
        private BitSet[] closures;

        private void index() {
            if (edgesByState != null) {
                return;
            }
            edgesByState = group(edges, 3);
            int[][] epsilonsByState = group(epsilons, 2);
            closures = new BitSet[states];
            for (int s = 0; s < states; s++) {
                BitSet closure = new BitSet(states);
                closure.set(s);
                int[] stack = new int[states];
                int top = 0;
                stack[top++] = s;
                while (top > 0) {
                    int state = stack[--top];
                    for (int target : epsilonsByState[state]) {
                        if (!closure.get(target)) {
                            closure.set(target);
                            stack[top++] = target;
                        }
                    }
                }
                closures[s] = closure;
            }
        }

        private int[][] group(List<int[]> list, int width) {
            int[] counts = new int[states];
            for (int[] e : list) {
                counts[e[0]]++;
            }
            int[][] out = new int[states][];
            for (int s = 0; s < states; s++) {
                out[s] = new int[counts[s] * (width - 1)];
                counts[s] = 0;
            }
            for (int[] e : list) {
                int s = e[0];
                for (int k = 1; k < width; k++) {
                    out[s][counts[s]++] = e[k];
                }
            }
            return out;
        }

        BitSet start() {
            index();
            return (BitSet) closures[0].clone();
        }

        BitSet step(BitSet from, int cls, Alphabet alphabet) {
            BitSet next = new BitSet(states);
            for (int s = from.nextSetBit(0); s >= 0; s = from.nextSetBit(s + 1)) {
                int[] out = edgesByState[s];
                for (int k = 0; k < out.length; k += 2) {
                    if (alphabet.matches(out[k], cls)) {
                        next.or(closures[out[k + 1]]);
                    }
                }
            }
            return next;
        }

        boolean accepts(BitSet set) {
            return set.intersects(accepting);
        }
    }

    /** The automaton of an IAM glob: {@code *} is any string (including '/'), {@code ?} one character. */
    static Nfa glob(String glob, Alphabet alphabet) {
        Nfa nfa = new Nfa();
        int current = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                nfa.edge(current, ANY, current);
                int next = nfa.newState();
                nfa.epsilon(current, next);
                current = next;
            } else {
                int next = nfa.newState();
                nfa.edge(current, c == '?' ? ANY : alphabet.classOf(c), next);
                current = next;
            }
        }
        nfa.accept(current);
        return nfa;
    }

    /**
     * The automaton of the concrete requests a route's template accepts: {@code METHOD/} followed by
     * the path without its leading slash, a variable being one non-empty segment and a greedy
     * variable one or more non-empty segments.
     */
    static Nfa route(RouteKey route, Alphabet alphabet) {
        Nfa nfa = new Nfa();
        int afterMethod = nfa.newState();
        for (String method : route.methods()) {
            int current = 0;
            for (int i = 0; i < method.length(); i++) {
                int next = nfa.newState();
                nfa.edge(current, alphabet.classOf(method.charAt(i)), next);
                current = next;
            }
            nfa.epsilon(current, afterMethod);
        }
        int current = nfa.newState();
        nfa.edge(afterMethod, alphabet.classOf('/'), current);
        List<RouteKey.Segment> segments = route.segments();
        for (int i = 0; i < segments.size(); i++) {
            if (i > 0) {
                int next = nfa.newState();
                nfa.edge(current, alphabet.classOf('/'), next);
                current = next;
            }
            RouteKey.Segment segment = segments.get(i);
            switch (segment.kind()) {
                case LITERAL -> {
                    for (int c = 0; c < segment.text().length(); c++) {
                        int next = nfa.newState();
                        nfa.edge(current, alphabet.classOf(segment.text().charAt(c)), next);
                        current = next;
                    }
                }
                case VARIABLE -> {
                    int inside = nfa.newState();
                    nfa.edge(current, NOT_SLASH, inside);
                    nfa.edge(inside, NOT_SLASH, inside);
                    current = inside;
                }
                case GREEDY -> {
                    int inside = nfa.newState();
                    int separator = nfa.newState();
                    nfa.edge(current, NOT_SLASH, inside);
                    nfa.edge(inside, NOT_SLASH, inside);
                    nfa.edge(inside, alphabet.classOf('/'), separator);
                    nfa.edge(separator, NOT_SLASH, inside);
                    current = inside;
                }
            }
        }
        nfa.accept(current);
        return nfa;
    }

    /** The literal texts of a route (its methods and literal segments), for building an alphabet. */
    static List<String> literals(RouteKey route) {
        List<String> out = new ArrayList<>(route.methods());
        for (RouteKey.Segment segment : route.segments()) {
            if (segment.kind() == RouteKey.Kind.LITERAL) {
                out.add(segment.text());
            }
        }
        return out;
    }

    /**
     * Whether some string is accepted by every automaton in {@code required} and by none in
     * {@code excluded}. Answers {@code true} (the safe answer for every caller) if the search grows
     * past {@link #STATE_LIMIT}.
     */
    static boolean nonEmpty(Alphabet alphabet, List<Nfa> required, List<Nfa> excluded) {
        int n = required.size() + excluded.size();
        List<Nfa> all = new ArrayList<>(required);
        all.addAll(excluded);
        BitSet[] start = new BitSet[n];
        for (int i = 0; i < n; i++) {
            start[i] = all.get(i).start();
        }
        Set<List<BitSet>> seen = new HashSet<>();
        ArrayDeque<BitSet[]> work = new ArrayDeque<>();
        seen.add(Arrays.asList(start));
        work.add(start);
        while (!work.isEmpty()) {
            BitSet[] state = work.pop();
            if (accepted(all, required.size(), state)) {
                return true;
            }
            // (One more round, "cls <= size", would step on a class no character has, which moves
            // like the last class: an equivalent mutant.)
            for (int cls = 0; cls < alphabet.size(); cls++) {
                BitSet[] next = new BitSet[n];
                boolean alive = true;
                for (int i = 0; i < n && alive; i++) {
                    next[i] = all.get(i).step(state[i], cls, alphabet);
                    alive = i >= required.size() || !next[i].isEmpty();
                }
                if (alive && seen.add(Arrays.asList(next))) {
                    // (">=" would give up one state earlier: no test can tell, equivalent)
                    if (seen.size() > STATE_LIMIT) {
                        return true;
                    }
                    work.add(next);
                }
            }
        }
        return false;
    }

    private static boolean accepted(List<Nfa> all, int requiredCount, BitSet[] state) {
        for (int i = 0; i < all.size(); i++) {
            boolean accepts = all.get(i).accepts(state[i]);
            if (accepts != (i < requiredCount)) {
                return false;
            }
        }
        return true;
    }
}
