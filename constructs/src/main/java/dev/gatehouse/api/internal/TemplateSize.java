package dev.gatehouse.api.internal;

import java.util.Collection;
import java.util.Map;

/**
 * The size of a value as the CDK writes it into a template: {@code JSON.stringify(template,
 * undefined, 1)}, every nesting level indented by one more space, in UTF-8. Computed from the value
 * without writing it out. A value nested {@code depth} levels deep (a resource property is at depth
 * 4: template, Resources, the resource, Properties) is measured as it appears there; the key
 * before it is not counted.
 */
public final class TemplateSize {
    private TemplateSize() {
    }

    /** Bytes of {@code value} written at {@code depth}. */
    public static long bytes(Object value, int depth) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return 2;
            }
            // "{" "\n", each entry on its own line: indent, "key": value, joined by ",\n"; then "\n" indent "}"
            long size = 2 + 1 + depth + 1;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += depth + 1 + string(String.valueOf(entry.getKey())) + 2 + bytes(entry.getValue(), depth + 1);
            }
            return size + 2L * (map.size() - 1);
        }
        if (value instanceof Collection<?> list) {
            if (list.isEmpty()) {
                return 2;
            }
            long size = 2 + 1 + depth + 1;
            for (Object element : list) {
                size += depth + 1 + bytes(element, depth + 1);
            }
            return size + 2L * (list.size() - 1);
        }
        if (value instanceof String text) {
            return string(text);
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return number == Math.rint(number) && Math.abs(number) < 1e21
                    ? Long.toString((long) number).length() : Double.toString(number).length();
        }
        return String.valueOf(value).length(); // integers, booleans, null
    }

    /** A JSON string as {@code JSON.stringify} writes it: quoted, with its escapes, in UTF-8. */
    static long string(String text) {
        long size = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') {
                size += 2;
            } else if (c < 0x20) {
                size += 6; // \\u00XX
            } else if (c < 0x80) {
                size += 1;
            } else if (c < 0x800) {
                size += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                size += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                size += 6; // a lone surrogate, written as \\uDXXX
            } else {
                size += 3;
            }
        }
        return size;
    }
}
