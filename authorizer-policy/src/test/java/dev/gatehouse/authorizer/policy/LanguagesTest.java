package dev.gatehouse.authorizer.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The automata underneath: the character classes, and the safe answer when a search grows too large. */
class LanguagesTest {
    @Test
    void everyUnlistedCharacterFallsInTheLastClass() {
        Languages.Alphabet alphabet = new Languages.Alphabet(List.of("GET/a*", "b?"));
        // '/', 'E', 'G', 'T', 'a', 'b' (wildcards are not characters) and the rest
        assertEquals(7, alphabet.size());
        assertEquals(6, alphabet.classOf('z'));
        assertEquals(6, alphabet.classOf('*'));
        assertEquals(6, alphabet.classOf('?'));
        assertTrue(alphabet.classOf('a') < 6);
        assertFalse(alphabet.classOf('a') == alphabet.classOf('b'));
    }

    /**
     * "*" minus the union of "*" and globs that remember which of four letters stood eight
     * characters back: the exact answer is "empty", but the subset search would visit 5^8 states.
     * Past {@link Languages#STATE_LIMIT} it answers "they overlap", which makes every caller
     * cautious (a Deny is left out, a plan is marked not exact).
     */
    @Test
    void searchesPastTheStateLimitAnswerTheSafeWay() {
        List<String> globs = List.of("*", "*a???????", "*b???????", "*c???????", "*d???????");
        Languages.Alphabet alphabet = new Languages.Alphabet(globs);
        List<Languages.Nfa> excluded = new ArrayList<>();
        for (String glob : globs) {
            excluded.add(Languages.glob(glob, alphabet));
        }
        assertTrue(Languages.nonEmpty(alphabet, List.of(Languages.glob("*", alphabet)), excluded));

        // the same construction with a short window stays under the limit and is exact
        List<String> small = List.of("*", "*a?", "*b?");
        Languages.Alphabet smallAlphabet = new Languages.Alphabet(small);
        List<Languages.Nfa> smallExcluded = new ArrayList<>();
        for (String glob : small) {
            smallExcluded.add(Languages.glob(glob, smallAlphabet));
        }
        assertFalse(Languages.nonEmpty(smallAlphabet, List.of(Languages.glob("*", smallAlphabet)), smallExcluded));
    }
}
