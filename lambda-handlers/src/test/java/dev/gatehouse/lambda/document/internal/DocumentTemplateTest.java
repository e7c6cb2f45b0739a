package dev.gatehouse.lambda.document.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Placeholders are filled as JSON string content, whatever the value holds. */
class DocumentTemplateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void valuesAreEscapedForTheJsonStringTheyStandIn() throws Exception {
        // Given a placeholder inside a JSON string, and a value with every character JSON escapes
        String value = "quote \" backslash \\ newline \n return \r tab \t bell \u0007 slash / é ✓ \uD83D\uDE00";
        String template = "{\"a\":\"before ${V} after\"}";

        // When it is filled
        String filled = DocumentTemplate.fill(template, Map.of("V", value));

        // Then the JSON reads back the value exactly
        assertEquals("before " + value + " after", JSON.readTree(filled).get("a").asText());
        assertEquals("{\"a\":\"before quote \\\" backslash \\\\ newline \\n return \\r tab \\t bell \\u0007 slash / é ✓ "
                + "\uD83D\uDE00 after\"}", filled);
    }

    @Test
    void everyOccurrenceIsFilledAndTheRestIsKept() {
        // Given the same name twice, a literal-dollar-brace variable and text between them
        String template = "{\"u\":\"arn:${AWS::Partition}:x:${AWS::Region}/${Fn.Arn}/${AWS::Region}\",\"s\":\"${GatehouseDollarBrace}x}\"}";

        // When filled
        String filled = DocumentTemplate.fill(template, Map.of("AWS::Partition", "aws-cn", "AWS::Region", "cn-north-1",
                "Fn.Arn", "arn:aws-cn:lambda:cn-north-1:1:function:f", "GatehouseDollarBrace", "${"));

        // Then
        assertEquals("{\"u\":\"arn:aws-cn:x:cn-north-1/arn:aws-cn:lambda:cn-north-1:1:function:f/cn-north-1\",\"s\":\"${x}\"}",
                filled);
    }

    @Test
    void malformedPlaceholdersAreRefused() {
        // Given an unclosed placeholder and one whose name is not a Gatehouse name
        DocumentException unclosed = assertThrows(DocumentException.class,
                () -> DocumentTemplate.fill("{\"a\":\"${AWS::Region\"}", Map.of()));
        DocumentException spaced = assertThrows(DocumentException.class,
                () -> DocumentTemplate.fill("{\"a\":\"${not a name}\"}", Map.of()));

        // Then each names where it is
        assertEquals("the document has a malformed placeholder at character 6 (${AWS::Region\"}); it was not written "
                + "by Gatehouse, or was changed after.", unclosed.getMessage());
        assertEquals("the document has a malformed placeholder at character 6 (${not a name}\"}); it was not written "
                + "by Gatehouse, or was changed after.", spaced.getMessage());
    }

    @Test
    void aTextWithoutPlaceholdersIsUnchanged() {
        assertEquals("{\"a\":1}", DocumentTemplate.fill("{\"a\":1}", Map.of()));
    }

    @Test
    void onlyOneJsonObjectPasses() {
        assertDoesNotThrow(() -> DocumentTemplate.requireJsonObject(" {\"a\":[1,{\"b\":null}]} \n"));
        assertEquals("the filled document is not a JSON object.", assertThrows(DocumentException.class,
                () -> DocumentTemplate.requireJsonObject("[1]")).getMessage());
        assertEquals("the filled document has text after its JSON object.", assertThrows(DocumentException.class,
                () -> DocumentTemplate.requireJsonObject("{} {}")).getMessage());
        String broken = assertThrows(DocumentException.class,
                () -> DocumentTemplate.requireJsonObject("{\"a\":\"unterminated}")).getMessage();
        assertEquals(true, broken.startsWith("the filled document is not valid JSON: "), broken);
    }
}
