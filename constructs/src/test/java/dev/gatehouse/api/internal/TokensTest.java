package dev.gatehouse.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void markerEndFindsWhatTheTokenPatternMatches() {
        List<String> texts = List.of(
                "${Token[TOKEN.123]}",
                "arn:${Token[AWS.Partition.9]}:x/${Token[Fn.Arn.42]}/invocations",
                "${Token[]}", // no key
                "${Token[a b]}", // a space is not a key character
                "${Token[TOKEN.1]", // no closing brace
                "${Token[TOKEN.1]}}",
                "${Token[${Token[TOKEN.2]}",
                "${Tok",
                "$${Token[x:y_z-1.2]}",
                "${",
                "literal ${Token[ then ${Token[REAL.3]}");
        for (String text : texts) {
            Matcher m = Tokens.STRING_TOKEN.matcher(text);
            for (int at = text.indexOf("${"); at >= 0; at = text.indexOf("${", at + 1)) {
                int expected = m.region(at, text.length()).lookingAt() ? m.end() : -1;
                assertEquals(expected, Tokens.markerEnd(text, at), "at " + at + " in " + text);
            }
        }
    }
}
