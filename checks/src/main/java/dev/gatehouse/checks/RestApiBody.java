package dev.gatehouse.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gatehouse.checks.internal.Intrinsics;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the OpenAPI document of an {@code AWS::ApiGateway::RestApi} {@code Body} in the forms a
 * template holds it: a JSON object; JSON text in an {@code Fn::Sub}; or, as Gatehouse writes it,
 * an {@code Fn::Join} of strings and {@code Fn::Subs}. Text comes back as the object form: a
 * string that names deploy-time values ({@code ${Fn.Arn}}) becomes an {@code {"Fn::Sub": ...}}
 * value with the variables it uses; variables that are plain strings (Gatehouse writes a literal
 * <code>${</code> as {@code ${GatehouseDollarBrace}}) and {@code ${!Literal}} escapes are filled in.
 */
public final class RestApiBody {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Stands for a literal "${" while the text is read; filled in at the end. */
    private static final String LITERAL = "GatehouseDollarBrace";
    private static final JsonNode LITERAL_VALUE = TextNode.valueOf("${");

    private RestApiBody() {
    }

    /**
     * The document in object form; empty when the Body is computed some other way at deploy time
     * (another intrinsic, an {@code Fn::Join} with other parts). A plain string Body is not read
     * here (it may be YAML).
     *
     * @throws IllegalArgumentException when the joined text is not JSON
     */
    public static Optional<JsonNode> document(JsonNode body) {
        if (body == null || body.isTextual() || !body.isObject()) {
            return Optional.empty();
        }
        String function = Intrinsics.function(body);
        if (function == null) {
            return Optional.of(body);
        }
        StringBuilder text = new StringBuilder();
        Map<String, JsonNode> variables = new LinkedHashMap<>();
        if (function.equals("Fn::Sub")) {
            if (!appendSub(body.get("Fn::Sub"), text, variables)) {
                return Optional.empty();
            }
        } else if (function.equals("Fn::Join")) {
            JsonNode join = body.get("Fn::Join");
            if (!join.isArray() || join.size() != 2 || !join.get(0).isTextual() || !join.get(1).isArray()) {
                return Optional.empty();
            }
            String delimiter = join.get(0).asText();
            boolean first = true;
            for (JsonNode part : join.get(1)) {
                String separator = first ? "" : literal(delimiter, variables);
                String plain = part.isTextual() ? literal(part.asText(), variables) : "";
                if (separator == null || plain == null) {
                    return Optional.empty();
                }
                text.append(separator);
                first = false;
                if (part.isTextual()) {
                    text.append(plain);
                } else if (!"Fn::Sub".equals(Intrinsics.function(part)) || !appendSub(part.get("Fn::Sub"), text, variables)) {
                    return Optional.empty();
                }
            }
        } else {
            return Optional.empty();
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(text.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the Body's " + function + " does not join into JSON text: "
                    + e.getOriginalMessage(), e);
        }
        return Optional.of(objectForm(parsed, variables));
    }

    /** Appends an Fn::Sub's text (in Sub syntax); false when a variable name is reused with another value. */
    private static boolean appendSub(JsonNode sub, StringBuilder text, Map<String, JsonNode> variables) {
        if (sub.isTextual()) {
            text.append(sub.asText().replace("${!", "${" + LITERAL + "}"));
            return addLiteral(variables);
        }
        if (!sub.isArray() || sub.size() != 2 || !sub.get(0).isTextual() || !sub.get(1).isObject()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = sub.get(1).fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> variable = fields.next();
            JsonNode known = variables.putIfAbsent(variable.getKey(), variable.getValue());
            if (known != null && !known.equals(variable.getValue())) {
                return false;
            }
        }
        text.append(sub.get(0).asText().replace("${!", "${" + LITERAL + "}"));
        return addLiteral(variables);
    }

    /** Adds the literal variable; false when the template already uses its name for something else. */
    private static boolean addLiteral(Map<String, JsonNode> variables) {
        JsonNode known = variables.putIfAbsent(LITERAL, LITERAL_VALUE);
        return known == null || known.equals(LITERAL_VALUE);
    }

    /** Literal text (of a plain part) in Sub syntax, with "${" as the literal variable; null on a clash. */
    private static String literal(String text, Map<String, JsonNode> variables) {
        if (!text.contains("${")) {
            return text;
        }
        return addLiteral(variables) ? text.replace("${", "${" + LITERAL + "}") : null;
    }

    private static JsonNode objectForm(JsonNode node, Map<String, JsonNode> variables) {
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            node.fields().forEachRemaining(f -> copy.set(plain(f.getKey(), variables), objectForm(f.getValue(), variables)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode(node.size());
            node.forEach(element -> copy.add(objectForm(element, variables)));
            return copy;
        }
        if (node.isTextual()) {
            String text = node.textValue();
            if (!text.contains("${")) {
                return node;
            }
            List<String> names = Intrinsics.subVariables(text);
            boolean allPlain = names.stream().allMatch(name -> variables.containsKey(name) && variables.get(name).isTextual());
            if (allPlain) {
                return TextNode.valueOf(plain(text, variables));
            }
            ObjectNode used = NODES.objectNode();
            for (String name : names) {
                if (variables.containsKey(name)) {
                    used.set(name, variables.get(name));
                }
            }
            ObjectNode sub = NODES.objectNode();
            if (used.isEmpty()) {
                sub.put("Fn::Sub", text);
            } else {
                sub.putArray("Fn::Sub").add(text).add(used);
            }
            return sub;
        }
        return node;
    }

    /** {@code text} with its plain-string variables filled in (other references left as they are). */
    private static String plain(String text, Map<String, JsonNode> variables) {
        if (!text.contains("${")) {
            return text;
        }
        return Intrinsics.substitute(text, name -> variables.containsKey(name) && variables.get(name).isTextual()
                ? variables.get(name).asText() : "${" + name + "}");
    }
}
