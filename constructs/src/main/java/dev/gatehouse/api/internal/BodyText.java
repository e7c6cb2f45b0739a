package dev.gatehouse.api.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the OpenAPI document as JSON text for the RestApi {@code Body}: an {@code Fn::Join} of
 * parts, one per top-level field and one per path item, so a template shows (and {@code cdk diff}
 * compares) the document a path at a time. A part whose text holds tokens (a function's ARN, the
 * Region) is an {@code Fn::Sub} of that text; the other parts are plain strings.
 *
 * <p>Why text: the CDK moves, resolves and validates a Body object value by value, which for a
 * thousand routes costs several times a small API's whole synthesis; the same document as a few
 * hundred strings costs a few milliseconds. CloudFormation's resource schema types {@code Body}
 * as an object or a string.
 */
public final class BodyText {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BodyText() {
    }

    /**
     * The {@code Fn::Join} that CloudFormation turns into the document's JSON text.
     *
     * @param hasVariables whether a part has {@code Fn::Sub} variables that hold CDK tokens
     * @param jsonSafe whether every deploy-time value is known to need no JSON escaping
     *     ({@link TemplateValues#isJsonSafe}); when not, the text could break at deploy time
     */
    public record Rendering(Map<String, Object> join, boolean hasVariables, boolean jsonSafe) {
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
                String pathPrefix = prefix + text(TextNode.valueOf("paths")) + ":{";
                Iterator<Map.Entry<String, JsonNode>> paths = field.getValue().fields();
                while (paths.hasNext()) {
                    Map.Entry<String, JsonNode> path = paths.next();
                    parts.add(part(pathPrefix, path.getKey(), path.getValue(), values, totals));
                    pathPrefix = ",";
                }
                prefix = "},";
            } else {
                parts.add(part(prefix, field.getKey(), field.getValue(), values, totals));
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
        return new Rendering(join, totals.hasVariables, totals.jsonSafe);
    }

    /** What the parts add up to, for {@link Rendering}. */
    private static final class Totals {
        boolean hasVariables;
        boolean jsonSafe = true;
    }

    /** {@code prefix"key":value}, as a plain string or, when it holds tokens, as an Fn::Sub. */
    private static Object part(String prefix, String key, JsonNode value, TemplateValues values, Totals totals) {
        Map<String, Object> variables = new LinkedHashMap<>();
        SubWriter writer = new SubWriter(values, variables);
        String sub = writer.write(prefix, key, value);
        totals.jsonSafe &= writer.jsonSafe;
        if (!writer.sawToken) {
            // No token: the same text without Fn::Sub's literal variable ("${" stays as it is).
            return writer.escaped ? prefix + text(TextNode.valueOf(key)) + ":" + text(value) : sub;
        }
        totals.hasVariables |= variables.keySet().stream().anyMatch(name -> !name.equals(TemplateValues.LITERAL_VARIABLE));
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("Fn::Sub", variables.isEmpty() ? sub : List.of(sub, variables));
        return part;
    }

    /** Writes JSON in Fn::Sub syntax in one pass: token strings as references, literal "${" a variable. */
    private static final class SubWriter {
        private final TemplateValues values;
        private final Map<String, Object> variables;
        private boolean sawToken;
        private boolean escaped;
        private boolean jsonSafe = true;

        SubWriter(TemplateValues values, Map<String, Object> variables) {
            this.values = values;
            this.variables = variables;
        }

        String write(String prefix, String key, JsonNode value) {
            StringWriter out = new StringWriter();
            try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
                g.writeStartObject();
                g.writeFieldName(literal(key));
                write(g, value);
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // drop the "{" and "}" of the wrapper object: prefix + "key":value
            String text = out.toString();
            return prefix + text.substring(1, text.length() - 1);
        }

        private void write(JsonGenerator g, JsonNode node) throws IOException {
            if (node.isObject()) {
                g.writeStartObject();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (Tokens.containsToken(field.getKey())) {
                        jsonSafe = false;
                    }
                    g.writeFieldName(literal(field.getKey()));
                    write(g, field.getValue());
                }
                g.writeEndObject();
            } else if (node.isArray()) {
                g.writeStartArray();
                for (JsonNode element : node) {
                    write(g, element);
                }
                g.writeEndArray();
            } else if (node.isTextual()) {
                String text = node.textValue();
                if (Tokens.containsToken(text)) {
                    sawToken = true;
                    jsonSafe &= values.isJsonSafe(text);
                    g.writeString(values.subText(text, variables));
                } else {
                    g.writeString(literal(text));
                }
            } else {
                g.writeTree(node);
            }
        }

        private String literal(String text) {
            if (text.contains("{{resolve:")) {
                jsonSafe = false;
            }
            if (text.contains("${")) {
                escaped = true;
                return TemplateValues.literalSub(text, variables);
            }
            return text;
        }
    }

    private static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a part of the OpenAPI document could not be written as JSON", e);
        }
    }
}
