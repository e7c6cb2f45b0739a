package dev.gatehouse.lambda.database.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Checks that text from a client is valid Unicode. Java strings can hold what UTF-8 cannot: an
 * unpaired surrogate, which the drivers would send as {@code ?}. Invalid UTF-8 bytes would become
 * U+FFFD. Both are rejected rather than changed.
 */
final class UnicodeText {
    /** What a client is told about a value with an unpaired surrogate. */
    static final String UNPAIRED_SURROGATE = "must be valid Unicode text (it has an unpaired surrogate)";

    private UnicodeText() {
    }

    /** Whether {@code text} has a high surrogate not followed by a low one, or a low one on its own. */
    static boolean hasUnpairedSurrogate(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any string or field name in {@code node} has an unpaired surrogate. */
    static boolean hasUnpairedSurrogate(JsonNode node) {
        if (node.isTextual()) {
            return hasUnpairedSurrogate(node.textValue());
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (hasUnpairedSurrogate(field.getKey()) || hasUnpairedSurrogate(field.getValue())) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (hasUnpairedSurrogate(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@code bytes} decoded as UTF-8.
     *
     * @throws CharacterCodingException when they are not valid UTF-8
     */
    static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    /**
     * Text a client sent, fit to be repeated in an answer: at most {@code max} characters (then
     * {@code …}), unpaired surrogates replaced by U+FFFD.
     */
    static String forAnswer(String text, int max) {
        boolean cut = text.length() > max;
        int end = cut ? max : text.length();
        if (cut && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        StringBuilder out = new StringBuilder(end + 1);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return cut ? out.append('…').toString() : out.toString();
    }
}
