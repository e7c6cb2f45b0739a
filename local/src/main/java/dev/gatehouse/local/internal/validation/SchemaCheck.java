package dev.gatehouse.local.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The JSON Schema (draft 4) keywords API Gateway's request body validation uses: type, enum,
 * required, properties, additionalProperties, items, min/maxItems, min/maxLength, pattern,
 * minimum/maximum (with exclusive flags), allOf/anyOf/oneOf/not, and {@code $ref} into the
 * document's {@code components/schemas}
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/models-mappings-models.html).
 */
final class SchemaCheck {
    private final JsonNode document;

    SchemaCheck(JsonNode document) {
        this.document = document;
    }

    /** Whether {@code value} conforms to {@code schema}. */
    boolean valid(JsonNode schema, JsonNode value) {
        return valid(schema, value, 0);
    }

    private boolean valid(JsonNode schema, JsonNode value, int depth) {
        if (depth > 64 || schema == null || !schema.isObject()) {
            return depth <= 64;
        }
        if (schema.has("$ref")) {
            return valid(resolve(schema.path("$ref").asText()), value, depth + 1);
        }
        if (schema.has("type") && !typeMatches(schema.path("type"), value)) {
            return false;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode allowed : schema.path("enum")) {
                found |= allowed.equals(value);
            }
            if (!found) {
                return false;
            }
        }
        if (value.isObject() && !validObject(schema, value, depth)) {
            return false;
        }
        if (value.isArray() && !validArray(schema, value, depth)) {
            return false;
        }
        if (value.isTextual() && !validText(schema, value.textValue())) {
            return false;
        }
        if (value.isNumber() && !validNumber(schema, value.doubleValue())) {
            return false;
        }
        for (JsonNode part : schema.path("allOf")) {
            if (!valid(part, value, depth + 1)) {
                return false;
            }
        }
        if (schema.has("anyOf")) {
            boolean any = false;
            for (JsonNode part : schema.path("anyOf")) {
                any |= valid(part, value, depth + 1);
            }
            if (!any) {
                return false;
            }
        }
        if (schema.has("oneOf")) {
            int matches = 0;
            for (JsonNode part : schema.path("oneOf")) {
                matches += valid(part, value, depth + 1) ? 1 : 0;
            }
            if (matches != 1) {
                return false;
            }
        }
        return !schema.has("not") || !valid(schema.path("not"), value, depth + 1);
    }

    private boolean validObject(JsonNode schema, JsonNode value, int depth) {
        for (JsonNode name : schema.path("required")) {
            if (!value.has(name.asText())) {
                return false;
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode property = properties.get(field.getKey());
            if (property != null) {
                if (!valid(property, field.getValue(), depth + 1)) {
                    return false;
                }
            } else if (additional != null && (additional.isBoolean() && !additional.asBoolean()
                    || additional.isObject() && !valid(additional, field.getValue(), depth + 1))) {
                return false;
            }
        }
        return true;
    }

    private boolean validArray(JsonNode schema, JsonNode value, int depth) {
        if (schema.has("minItems") && value.size() < schema.path("minItems").asInt()
                || schema.has("maxItems") && value.size() > schema.path("maxItems").asInt()) {
            return false;
        }
        JsonNode items = schema.get("items");
        if (items != null && items.isObject()) {
            for (JsonNode item : value) {
                if (!valid(items, item, depth + 1)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean validText(JsonNode schema, String text) {
        int length = text.codePointCount(0, text.length());
        if (schema.has("minLength") && length < schema.path("minLength").asInt()
                || schema.has("maxLength") && length > schema.path("maxLength").asInt()) {
            return false;
        }
        if (schema.has("pattern")) {
            try {
                return Pattern.compile(schema.path("pattern").asText()).matcher(text).find();
            } catch (PatternSyntaxException e) {
                return true; // API Gateway would have refused the model at deployment
            }
        }
        return true;
    }

    private static boolean validNumber(JsonNode schema, double number) {
        if (schema.has("minimum")) {
            double minimum = schema.path("minimum").asDouble();
            if (schema.path("exclusiveMinimum").asBoolean(false) ? number <= minimum : number < minimum) {
                return false;
            }
        }
        if (schema.has("maximum")) {
            double maximum = schema.path("maximum").asDouble();
            return schema.path("exclusiveMaximum").asBoolean(false) ? number < maximum : number <= maximum;
        }
        return true;
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, value)) {
                    return true;
                }
            }
            return false;
        }
        switch (type.asText()) {
            case "object":
                return value.isObject();
            case "array":
                return value.isArray();
            case "string":
                return value.isTextual();
            case "integer":
                return value.isIntegralNumber() || value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue());
            case "number":
                return value.isNumber();
            case "boolean":
                return value.isBoolean();
            case "null":
                return value.isNull();
            default:
                return true;
        }
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            return null;
        }
        JsonNode node = document;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part.replace("~1", "/").replace("~0", "~"));
        }
        return node.isMissingNode() ? null : node;
    }
}
