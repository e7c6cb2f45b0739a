package dev.gatehouse.api.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Media types key templates and models; binary media types may be wildcards of them. */
class MediaTypesTest {

    @Test
    void mediaTypesAreTypeSlashSubtypeWithoutParametersOrWildcards() {
        for (String type : new String[] {"application/json", "application/x-www-form-urlencoded", "image/svg+xml",
                "application/vnd.api+json"}) {
            assertTrue(MediaTypes.isMediaType(type), type);
            assertTrue(MediaTypes.isMediaRange(type), type);
        }
        for (String type : new String[] {"json", "application/json; charset=utf-8", "application/", "/json",
                "text/*", "*/*", "a/b/c", "", " application/json"}) {
            assertFalse(MediaTypes.isMediaType(type), type);
        }
        assertFalse(MediaTypes.isMediaType(null));
    }

    @Test
    void rangesAllowWholeWildcardParts() {
        assertTrue(MediaTypes.isMediaRange("image/*"));
        assertTrue(MediaTypes.isMediaRange("*/*"));
        assertFalse(MediaTypes.isMediaRange("*/png"));
        assertFalse(MediaTypes.isMediaRange("image/p*g"));
        assertFalse(MediaTypes.isMediaRange("*"));
    }
}
