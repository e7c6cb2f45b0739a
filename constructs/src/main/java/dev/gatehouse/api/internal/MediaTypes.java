package dev.gatehouse.api.internal;

import java.util.regex.Pattern;

/**
 * Media types as API Gateway keys templates and models by them, and as it lists binary media
 * types: {@code type/subtype}, each part made of HTTP token characters (RFC 9110, section 8.3.1),
 * without parameters.
 */
public final class MediaTypes {
    private static final String TOKEN = "[!#$%&'+.^_`|~0-9A-Za-z-]+";
    private static final Pattern MEDIA_TYPE = Pattern.compile(TOKEN + "/" + TOKEN);
    /** A media type or a wildcard of one: {@code image/*}, <code>*&#47;*</code>. */
    private static final Pattern MEDIA_RANGE = Pattern.compile("(" + TOKEN + "/(" + TOKEN + "|\\*))|\\*/\\*");

    private MediaTypes() {
    }

    /** True for {@code type/subtype}, e.g. {@code application/json}. */
    public static boolean isMediaType(String value) {
        return value != null && MEDIA_TYPE.matcher(value).matches();
    }

    /** True for a media type, {@code type/*} or <code>*&#47;*</code>. */
    public static boolean isMediaRange(String value) {
        return value != null && MEDIA_RANGE.matcher(value).matches();
    }
}
