package dev.gatehouse.api.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Writes the OpenAPI document as JSON text for the RestApi {@code Body}: an {@code Fn::Join} of
 * parts, one per top-level field and one per group of path items. A part whose text holds tokens
 * (a function's ARN, the Region) is an {@code Fn::Sub} of that text; the other parts are plain
 * strings.
 *
 * <p>Path items are grouped, about {@value #AVERAGE_GROUP} to a part, because the CDK's cost (and
 * that of its template validation) grows with the number of parts: a thousand routes in one part
 * per path take about twice as long to synthesize as in a part per group. Where a group ends is
 * decided by the path alone (a group ends after a path whose key's CRC-32 is a multiple of
 * {@value #AVERAGE_GROUP}), not by its position, so adding or removing a path changes only the
 * part it belongs to (or splits or merges that one), and {@code cdk diff} shows that part.
 *
 * <p>Why text: the CDK moves, resolves and validates a Body object value by value, which for a
 * thousand routes costs several times a small API's whole synthesis; the same document as a few
 * dozen strings costs a few milliseconds. CloudFormation's resource schema types {@code Body}
 * as an object or a string.
 */
public final class BodyText {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Path items per part, on average; a power of two (see {@link #endsGroup}). */
    static final int AVERAGE_GROUP = 16;

    private BodyText() {
    }

    /**
     * The {@code Fn::Join} that CloudFormation turns into the document's JSON text.
     *
     * @param tokenVariables the {@code Fn::Sub} variables that hold CDK tokens (values from other
     *     stacks), by name, across all parts; empty when there are none
     * @param jsonSafe whether every deploy-time value is known to need no JSON escaping
     *     ({@link TemplateValues.SubJson}); when not, the text could break at deploy time
     * @param textDigest SHA-256 of the parts' texts, which name deploy-time values by logical id,
     *     pseudo parameter or variable name: with {@code tokenVariables} resolved, it identifies
     *     the document deployed
     */
    public record Rendering(Map<String, Object> join, Map<String, Object> tokenVariables, boolean jsonSafe,
            byte[] textDigest) {
    }

    /** Renders {@code document} as JSON text; {@code values} turns its tokens into references. */
    public static Rendering render(ObjectNode document, TemplateValues values) {
        List<Object> parts = new ArrayList<>();
        Totals totals = new Totals();
        String prefix = "{";
        Iterator<Map.Entry<String, JsonNode>> fields = document.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("paths") && field.getValue().isObject() && !field.getValue().isEmpty()) {
                String pathPrefix = prefix + "\"paths\":{";
                Iterator<Map.Entry<String, JsonNode>> paths = field.getValue().fields();
                List<Map.Entry<String, JsonNode>> group = new ArrayList<>();
                while (paths.hasNext()) {
                    Map.Entry<String, JsonNode> path = paths.next();
                    group.add(path);
                    if (endsGroup(path.getKey()) || !paths.hasNext()) {
                        parts.add(part(pathPrefix, group, values, totals));
                        group = new ArrayList<>();
                        pathPrefix = ",";
                    }
                }
                prefix = "},";
            } else {
                parts.add(part(prefix, List.of(field), values, totals));
                prefix = ",";
            }
        }
        String closing = prefix.startsWith("}") ? "}}" : "}";
        if (parts.isEmpty()) {
            parts.add("{}");
        } else {
            parts.add(closing);
        }
        Map<String, Object> join = new LinkedHashMap<>();
        join.put("Fn::Join", List.of("", parts));
        MessageDigest digest = Hashing.sha256();
        for (Object part : parts) {
            // a tag per kind, since a plain part keeps "${" where an Fn::Sub names a variable
            digest.update((byte) (part instanceof String ? 'P' : 'S'));
            digest.update((part instanceof String plain ? plain : subText(part)).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return new Rendering(join, totals.tokenVariables, totals.jsonSafe, digest.digest());
    }

    private static String subText(Object part) {
        Object sub = ((Map<?, ?>) part).get("Fn::Sub");
        return sub instanceof List<?> withVariables ? (String) withVariables.get(0) : (String) sub;
    }

    /** What the parts add up to, for {@link Rendering}. */
    private static final class Totals {
        final Map<String, Object> tokenVariables = new TreeMap<>();
        boolean jsonSafe = true;
    }

    /**
     * Whether the group of path items ends after {@code path}: the path's own property, so that a
     * path added elsewhere does not move where groups end.
     */
    static boolean endsGroup(String path) {
        CRC32 crc = new CRC32();
        crc.update(path.getBytes(StandardCharsets.UTF_8));
        return (crc.getValue() & (AVERAGE_GROUP - 1)) == 0;
    }

    /**
     * {@code prefix"key":value,"key":value...}, as a plain string or, when it holds tokens, as an
     * Fn::Sub. Jackson writes the JSON; the token markers in it are then replaced by references.
     */
    private static Object part(String prefix, List<Map.Entry<String, JsonNode>> fields, TemplateValues values,
            Totals totals) {
        String json = prefix + plain(fields);
        if (json.contains("{{resolve:")) {
            totals.jsonSafe = false; // a dynamic reference: CloudFormation fills in any text
        }
        if (!json.contains("${Token[")) {
            return json; // no token: a literal "${" stays as it is
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        TemplateValues.SubJson sub = values.subJson(json, variables);
        totals.jsonSafe &= sub.jsonSafe();
        variables.forEach((name, value) -> {
            if (!name.equals(TemplateValues.LITERAL_VARIABLE)) {
                totals.tokenVariables.put(name, value);
            }
        });
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("Fn::Sub", variables.isEmpty() ? sub.text() : List.of(sub.text(), variables));
        return part;
    }

    /** {@code "key":value,...} as plain JSON. */
    private static String plain(List<Map.Entry<String, JsonNode>> fields) {
        ObjectNode object = JSON.createObjectNode();
        fields.forEach(field -> object.set(field.getKey(), field.getValue()));
        try {
            return withoutBraces(JSON.writeValueAsString(object));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a part of the OpenAPI document could not be written as JSON", e);
        }
    }

    /** The fields of a JSON object's text, without its "{" and "}". */
    private static String withoutBraces(String object) {
        return object.substring(1, object.length() - 1);
    }
}
