package dev.gatehouse.authorizer.policy;

import java.util.regex.Pattern;

/**
 * API Gateway's resource matching in policies ({@code *} any string including '/', {@code ?} one
 * character), written with regular expressions independently of {@link ArnGlob}, so that tests do
 * not check the production matcher with itself.
 */
public final class GlobOracle {
    private GlobOracle() {
    }

    public static boolean matches(String glob, String value) {
        StringBuilder out = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    out.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                out.append(c == '*' ? "(?s:.*)" : "(?s:.)");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            out.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(out.toString()).matcher(value).matches();
    }
}
