package dev.gatehouse.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Models are checked against the draft-4 meta-schema and for what API Gateway does not support. */
class ModelSchemaCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void validDraft4ModelHasNoErrors() throws Exception {
        JsonNode model = json("{\"$schema\": \"http://json-schema.org/draft-04/schema#\", \"type\": \"object\","
                + " \"required\": [\"sku\"], \"additionalProperties\": false, \"properties\": {"
                + " \"sku\": {\"type\": \"string\", \"pattern\": \"^[A-Z]+$\"},"
                + " \"tags\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}, \"maxItems\": 10},"
                + " \"price\": {\"type\": \"number\", \"minimum\": 0, \"maximum\": 1000, \"exclusiveMaximum\": true},"
                + " \"kind\": {\"enum\": [\"a\", \"b\"]}, \"note\": {\"type\": [\"string\", \"null\"]}}}");
        assertEquals(List.of(), ModelSchemaCheck.metaSchemaErrors(model));
        assertEquals(List.of(), ModelSchemaCheck.unsupportedKeywords(model));
    }

    @Test
    void metaSchemaErrorsNameTheirPlace() throws Exception {
        assertEquals(List.of("/properties/n/minLength: must have a minimum value of 0",
                        "/properties/p/pattern: does not match the regex pattern must be a valid ECMA-262 regular expression"),
                ModelSchemaCheck.metaSchemaErrors(json("{\"properties\": {\"n\": {\"type\": \"string\", \"minLength\": -1},"
                        + " \"p\": {\"type\": \"string\", \"pattern\": \"[a-\"}}}")));
        // draft 4's exclusiveMinimum is a boolean that needs minimum
        assertEquals(List.of("/exclusiveMinimum: integer found, boolean expected",
                        "(root): has an error with dependencies {exclusiveMaximum=[maximum], exclusiveMinimum=[minimum]}"),
                ModelSchemaCheck.metaSchemaErrors(json("{\"type\": \"integer\", \"exclusiveMinimum\": 5}")));
    }

    @Test
    void unsupportedKeywordsAreFoundAtAnyDepth() throws Exception {
        JsonNode model = json("{\"type\": \"object\", \"properties\": {\"lines\": {\"type\": \"array\", \"items\": "
                + "{\"anyOf\": [{\"type\": \"object\", \"properties\": {\"a/b\": {\"type\": \"string\", \"readOnly\": true}}},"
                + " {\"type\": \"number\", \"format\": \"int64\"}]}}}, \"definitions\": {\"x\": {\"example\": 1}}}");
        assertEquals(List.of("readOnly at /properties/lines/items/anyOf/0/properties/a~1b/readOnly",
                        "number with format int64 at /properties/lines/items/anyOf/1/format (use type integer)",
                        "example at /definitions/x/example"),
                ModelSchemaCheck.unsupportedKeywords(model));
    }
}
