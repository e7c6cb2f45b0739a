package dev.gatehouse.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.checks.openapi.OpenApiCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a RestApi Body written as JSON text (Fn::Join of strings and Fn::Subs) back into a document. */
class RestApiBodyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String URI = "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
            + "${Fn.Arn}/invocations";

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A Join as Gatehouse writes it: one plain part, one Fn::Sub part, and the closing braces. */
    private static JsonNode textBody(String getOperation) {
        return JSON.createObjectNode().set("Fn::Join", JSON.createArrayNode().add("").add(JSON.createArrayNode()
                .add("{\"openapi\":\"3.0.1\",\"info\":{\"title\":\"t\",\"version\":\"1\"}")
                .add(",\"paths\":{\"/plain\":{\"get\":{\"summary\":\"costs ${amount}\",\"responses\":{\"200\":"
                        + "{\"description\":\"ok\"}},\"x-amazon-apigateway-integration\":{\"type\":\"mock\","
                        + "\"requestTemplates\":{\"application/json\":\"{\\\"statusCode\\\": 200}\"}}}}")
                .add(JSON.createObjectNode().put("Fn::Sub", ",\"/fn\":{\"get\":" + getOperation + "}"))
                .add("}}")));
    }

    private static final String FN_OPERATION = "{\"summary\":\"replaces ${!order}\",\"responses\":{\"200\":"
            + "{\"description\":\"ok\"}},\"x-amazon-apigateway-integration\":{\"type\":\"aws_proxy\","
            + "\"httpMethod\":\"POST\",\"uri\":\"" + URI + "\"}}";

    @Test
    void joinedTextReadsBackAsTheObjectDocument() {
        // Given a Body written as text
        // When it is read
        JsonNode document = RestApiBody.document(textBody(FN_OPERATION)).orElseThrow();

        // Then literals come back as they were, in plain parts and (unescaped) in Fn::Sub parts
        assertEquals("costs ${amount}", document.at("/paths/~1plain/get/summary").asText());
        assertEquals("replaces ${order}", document.at("/paths/~1fn/get/summary").asText());
        // and a string that names deploy-time values becomes that Fn::Sub
        assertEquals(JSON.createObjectNode().put("Fn::Sub", URI),
                document.at("/paths/~1fn/get/x-amazon-apigateway-integration/uri"));
        assertEquals("3.0.1", document.get("openapi").asText());
    }

    @Test
    void subVariablesStayWithTheStringsThatUseThem() {
        // Given a part whose Fn::Sub has a variable holding an import from another stack
        JsonNode body = json("{'Fn::Join': ['', ['{\\'paths\\':{\\'/a\\':{\\'get\\':{\\'summary\\':\\'s\\',"
                + "\\'x\\':\\'${GatehouseValue0}/invocations\\'}}}}']]}");
        JsonNode sub = json("{'Fn::Sub': ['{\\'paths\\':{\\'/a\\':{\\'get\\':{\\'summary\\':\\'s\\',"
                + "\\'x\\':\\'${GatehouseValue0}/invocations\\'}}}}', {'GatehouseValue0': {'Fn::ImportValue': 'Exp'}}]}");

        // When read
        JsonNode fromSub = RestApiBody.document(sub).orElseThrow();

        // Then the string carries its variable; without the Sub the text is literal
        assertEquals(json("{'Fn::Sub': ['${GatehouseValue0}/invocations', {'GatehouseValue0': {'Fn::ImportValue': 'Exp'}}]}"),
                fromSub.at("/paths/~1a/get/x"));
        assertEquals("s", fromSub.at("/paths/~1a/get/summary").asText());
        assertEquals("${GatehouseValue0}/invocations", RestApiBody.document(body).orElseThrow().at("/paths/~1a/get/x").asText());
    }

    @Test
    void literalDollarBracesComeBackWhereTheyWere() {
        // Given a part with a literal "${" written as Gatehouse's literal variable, next to a reference,
        // and a plain part with an unclosed "${"
        JsonNode body = json("{'Fn::Join': ['', ['{\\'a\\':\\'plain ${ open\\'', {'Fn::Sub': [',\\'b\\':\\'costs "
                + "${GatehouseDollarBrace} in ${AWS::Region}\\',\\'c\\':\\'only ${GatehouseDollarBrace}x}\\'}', "
                + "{'GatehouseDollarBrace': '${'}]}]]}");

        // When read
        JsonNode document = RestApiBody.document(body).orElseThrow();

        // Then literal-only strings are plain again, and a string with a reference keeps its variable
        assertEquals("plain ${ open", document.get("a").asText());
        assertEquals("only ${x}", document.get("c").asText());
        assertEquals(json("{'Fn::Sub': ['costs ${GatehouseDollarBrace} in ${AWS::Region}', {'GatehouseDollarBrace': '${'}]}"),
                document.get("b"));
    }

    @Test
    void otherFormsAreReadAsTheyAreOrNotAtAll() {
        // An object is the document itself
        JsonNode object = json("{'openapi': '3.0.1', 'paths': {}}");
        assertEquals(object, RestApiBody.document(object).orElseThrow());
        // other intrinsics, a variable name reused with another value, and strings are not read
        assertTrue(RestApiBody.document(json("{'Fn::If': ['C', {}, {}]}")).isEmpty());
        assertTrue(RestApiBody.document(json("{'Fn::Join': ['', [{'Fn::Sub': ['{', {'V': 'a'}]}, "
                + "{'Fn::Sub': ['}', {'V': 'b'}]}]]}")).isEmpty());
        assertTrue(RestApiBody.document(json("{'Fn::Join': ['', [{'Ref': 'X'}]]}")).isEmpty());
        assertTrue(RestApiBody.document(JSON.getNodeFactory().textNode("openapi: 3.0.1")).isEmpty());
        // and text that does not join into JSON is an error that says so
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RestApiBody.document(json("{'Fn::Join': ['', ['{\\'a\\':', '}']]}")));
        assertTrue(e.getMessage().startsWith("the Body's Fn::Join does not join into JSON text: "), e.getMessage());
    }

    @Test
    void theOpenApiCheckReadsTextBodies() {
        // Given a template whose text Body has an operation without responses
        String broken = FN_OPERATION.replace("\"responses\":{\"200\":{\"description\":\"ok\"}},", "");
        JsonNode template = JSON.createObjectNode().set("Resources", JSON.createObjectNode()
                .set("Api", JSON.createObjectNode().put("Type", "AWS::ApiGateway::RestApi")
                        .set("Properties", JSON.createObjectNode().set("Body", textBody(broken)))));

        // When checked, and when the same template is intact
        CheckResult result = OpenApiCheck.withSharedSpec().checkTemplate(template);
        ((com.fasterxml.jackson.databind.node.ObjectNode) template.at("/Resources/Api/Properties"))
                .set("Body", textBody(FN_OPERATION));
        CheckResult intact = OpenApiCheck.withSharedSpec().checkTemplate(template);

        // Then the problem is found in the document read from the text, and nothing else
        List<Finding> findings = result.findings();
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).message().contains("paths.'/fn'(get).responses is missing"), findings.toString());
        assertEquals(List.of(), intact.findings());
        assertEquals("1 RestApi Body document, 2 operations", intact.checked());
    }
}
