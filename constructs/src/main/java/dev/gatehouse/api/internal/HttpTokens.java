package dev.gatehouse.api.internal;

import java.util.regex.Pattern;

/** HTTP's token syntax (RFC 9110, section 5.6.2), which header names follow. */
public final class HttpTokens {
    /** A header name: one or more token characters. */
    public static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private HttpTokens() {
    }
}
