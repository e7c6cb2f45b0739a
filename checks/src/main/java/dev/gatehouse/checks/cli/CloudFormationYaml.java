package dev.gatehouse.checks.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gatehouse.checks.internal.Intrinsics;
import java.io.IOException;

/**
 * Reads YAML as CloudFormation does: the short forms of intrinsic functions ({@code !Ref X},
 * {@code !Sub '...'}, {@code !GetAtt X.Arn}, {@code !If [...]}...) become their long forms
 * ({@code {"Ref": "X"}}, {@code {"Fn::Sub": "..."}}, {@code {"Fn::GetAtt": ["X", "Arn"]}}). Plain
 * YAML (an OpenAPI document) reads as it is, with the node types a JSON reader gives.
 */
final class CloudFormationYaml {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CloudFormationYaml() {
    }

    static JsonNode read(String text) throws IOException {
        try (JsonParser parser = YAML.createParser(text)) {
            return parser.nextToken() == null ? NODES.missingNode() : value(parser);
        }
    }

    /** The value at the current token, with its tag applied. */
    private static JsonNode value(JsonParser parser) throws IOException {
        Object typeId = parser.getTypeId();
        String tag = typeId == null ? null : typeId.toString();
        JsonNode value = switch (parser.currentToken()) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> array(parser);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            default -> NODES.nullNode();
        };
        return tag == null ? value : intrinsic(tag, value);
    }

    private static ObjectNode object(JsonParser parser) throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            object.set(name, value(parser));
        }
        return object;
    }

    private static ArrayNode array(JsonParser parser) throws IOException {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(value(parser));
        }
        return array;
    }

    /** {@code !Tag value} in long form; tags that are no intrinsic function leave the value as it is. */
    private static JsonNode intrinsic(String tag, JsonNode value) {
        String name = tag.startsWith("!") ? tag.substring(1) : tag;
        if (name.equals("Ref") || name.equals("Condition")) {
            return NODES.objectNode().set(name, value);
        }
        if (!Intrinsics.FUNCTIONS.contains("Fn::" + name)) {
            return value;
        }
        if (name.equals("GetAtt") && value.isTextual() && value.asText().contains(".")) {
            String text = value.asText();
            int dot = text.indexOf('.');
            value = NODES.arrayNode().add(text.substring(0, dot)).add(text.substring(dot + 1));
        }
        return NODES.objectNode().set("Fn::" + name, value);
    }
}
