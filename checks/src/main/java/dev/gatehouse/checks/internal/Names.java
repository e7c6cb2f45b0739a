package dev.gatehouse.checks.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" suggestions for misspelled names. */
public final class Names {
    private Names() {
    }

    /** The known name closest to {@code name}, if it is close enough to be a typo of it. */
    public static Optional<String> closest(String name, Collection<String> known) {
        return known.stream()
                .filter(k -> k.equalsIgnoreCase(name) || distance(k.toLowerCase(), name.toLowerCase()) <= Math.max(1, name.length() / 4))
                .min(Comparator.comparingInt(k -> distance(k.toLowerCase(), name.toLowerCase())));
    }

    /** " Did you mean 'X'?" or "". */
    public static String suggestion(String name, Collection<String> known) {
        return closest(name, known).map(k -> " Did you mean '" + k + "'?").orElse("");
    }

    /** The edit distance (Levenshtein) between {@code a} and {@code b}. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
