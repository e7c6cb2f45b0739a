package dev.gatehouse.api.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes CDK token markers ({@code ${Token[...]}}) in strings without a call into the jsii
 * runtime, which matters when a document has thousands of strings.
 */
public final class Tokens {
    /**
     * How CDK encodes an unresolved value inside a string: {@code ${Token[} and {@code ]}} around
     * CDK's key characters only, so that a literal <code>${Token[</code> in text cannot match across
     * other text up to a real marker.
     */
    public static final Pattern STRING_TOKEN = Pattern.compile("\\$\\{Token\\[[a-zA-Z0-9:._-]+\\]\\}");

    private Tokens() {
    }

    /**
     * The end (exclusive) of the token marker that starts at {@code at} in {@code text}, or -1 when
     * none does: what {@link #STRING_TOKEN} would match there, found without a matcher.
     */
    public static int markerEnd(String text, int at) {
        if (!text.startsWith("${Token[", at)) {
            return -1;
        }
        int keyStart = at + "${Token[".length();
        int i = keyStart;
        while (i < text.length() && isKeyChar(text.charAt(i))) {
            i++;
        }
        return i > keyStart && text.startsWith("]}", i) ? i + 2 : -1;
    }

    private static boolean isKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == ':' || c == '.' || c == '_' || c == '-';
    }

    public static boolean containsToken(String value) {
        return value != null && value.contains("${Token[") && STRING_TOKEN.matcher(value).find();
    }

    /** The literal text before the first token (the whole string if it has none). */
    public static String literalPrefix(String value) {
        Matcher m = STRING_TOKEN.matcher(value);
        return m.find() ? value.substring(0, m.start()) : value;
    }

    /** The string with every token replaced by {@code replacement}. */
    public static String replaceTokens(String value, String replacement) {
        return STRING_TOKEN.matcher(value).replaceAll(Matcher.quoteReplacement(replacement));
    }
}
