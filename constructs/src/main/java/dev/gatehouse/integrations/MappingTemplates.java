package dev.gatehouse.integrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The VTL mapping templates of Gatehouse's AWS-service and Step Functions integrations, kept as
 * {@code .vtl} files beside this class and filled in at synth. A file's {@code ##} comment lines
 * and indentation are dropped when it is loaded (every route carries its own copy of a template in
 * the document, so bytes count); {@code @NAME@} placeholders are replaced by the values given,
 * and a placeholder left without a value is a bug, so it throws.
 */
final class MappingTemplates {
    private static final Pattern PLACEHOLDER = Pattern.compile("@([A-Z][A-Z_]*)@");
    private static final Map<String, String> LOADED = new ConcurrentHashMap<>();

    private MappingTemplates() {
    }

    /** The template {@code name} (a file beside this class) with its placeholders filled in. */
    static String render(String name, Map<String, String> values) {
        String template = LOADED.computeIfAbsent(name, MappingTemplates::load);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("mapping template " + name + " needs a value for @" + m.group(1) + "@");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The template {@code name} as it is (no placeholders). */
    static String render(String name) {
        return render(name, Map.of());
    }

    private static String load(String name) {
        try (InputStream in = MappingTemplates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("mapping template " + name + " is missing beside "
                        + MappingTemplates.class.getName());
            }
            StringBuilder compact = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("##")) {
                    compact.append(compact.length() == 0 ? "" : "\n").append(trimmed);
                }
            }
            return compact.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("mapping template " + name + " could not be read", e);
        }
    }
}
