package dev.gatehouse.lambda.database.internal;

import dev.gatehouse.database.config.ParameterType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Pagination cursors: the cursor column's value in the last row of a page, as text, behind a
 * version prefix, in unpadded base64url. Opaque to clients; a decoded cursor is checked like any
 * parameter of the cursor type and bound as a value, never spliced into SQL.
 */
public final class CursorCodec {
    private static final String PREFIX = "1:";
    private static final int MAX_CURSOR_LENGTH = 512;

    private final ValueParser parser;

    public CursorCodec(ValueParser parser) {
        this.parser = parser;
    }

    public String encode(String valueText) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + valueText).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The typed value of a cursor.
     *
     * @throws ValueParser.BadValue when it is not a cursor this proxy issued for that type
     */
    public Object decode(ParameterType type, String cursor) throws ValueParser.BadValue {
        if (cursor.length() > MAX_CURSOR_LENGTH) {
            throw new ValueParser.BadValue("is not a valid cursor");
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ValueParser.BadValue("is not a valid cursor");
        }
        if (!text.startsWith(PREFIX)) {
            throw new ValueParser.BadValue("is not a valid cursor");
        }
        try {
            return parser.fromText(type, text.substring(PREFIX.length()), null);
        } catch (ValueParser.BadValue e) {
            throw new ValueParser.BadValue("is not a valid cursor");
        }
    }
}
