package dev.gatehouse.api.internal;

import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An API's binary media types ({@code x-amazon-apigateway-binary-media-types}): media types or
 * wildcards of them, each once (rule GH233).
 */
public final class BinaryMediaTypes {
    private BinaryMediaTypes() {
    }

    /** The accepted types, in the order given; the others are reported. Empty for none. */
    public static List<String> check(List<String> types, String subject, Findings findings) {
        List<String> accepted = new ArrayList<>();
        if (types == null) {
            return accepted;
        }
        Set<String> seen = new HashSet<>();
        for (String type : types) {
            if (!MediaTypes.isMediaRange(type)) {
                findings.report(Rules.BINARY_MEDIA_TYPES, subject, "the binary media type '" + type
                        + "' is not type/subtype.",
                        "write a media type (image/png) or a wildcard of one (image/*, */*), without parameters.");
            } else if (!seen.add(type.toLowerCase(Locale.ROOT))) {
                findings.report(Rules.BINARY_MEDIA_TYPES, subject, "the binary media type '" + type
                        + "' is listed twice.", "list it once.");
            } else {
                accepted.add(type);
            }
        }
        return accepted;
    }
}
