package dev.gatehouse.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.api.Authorization;
import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.RouteOptions;
import dev.gatehouse.integrations.Integrations;
import dev.gatehouse.integrations.MockResponse;
import dev.gatehouse.lambda.document.DocumentPublisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cxapi.CloudAssembly;

/** Sizes computed as the CDK writes templates, checked against templates the CDK wrote. */
class TemplateSizeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aWholeTemplateMeasuresAsTheFileTheCdkWrote() throws Exception {
        // Given a stack whose document has escapes, non-ASCII text, empty objects, numbers and booleans
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api");
        api.route("GET /a", Integrations.mock(MockResponse.json(200, "{\"ok\": true}")), RouteOptions.builder()
                .authorization(Authorization.iam()).summary("quote \" tab \t line\n é ✓ \uD83D\uDE00 bell \u0007").build());
        CloudAssembly assembly = app.synth();
        Path file = Path.of(assembly.getStackByName("S").getTemplateFullPath());

        // When the parsed template is measured at the top level
        long measured = TemplateSize.bytes(JSON.readValue(file.toFile(), Map.class), 0);

        // Then it is the file's size, byte for byte
        assertEquals(Files.size(file), measured);
    }

    @Test
    void emptyAndNestedValues() {
        assertEquals("{}".length(), TemplateSize.bytes(Map.of(), 3));
        assertEquals("[]".length(), TemplateSize.bytes(List.of(), 0));
        // {\n "a": [\n  1,\n  "x"\n ]\n}
        assertEquals("{\n \"a\": [\n  1,\n  \"x\"\n ]\n}".length(), TemplateSize.bytes(Map.of("a", List.of(1, "x")), 0));
        assertEquals("\"\\u0001\"".length(), TemplateSize.string("\u0001"));
        assertEquals(2 + 6, TemplateSize.string("\uD800")); // a lone surrogate is escaped
        assertEquals("1.5".length(), TemplateSize.bytes(1.5, 0));
        assertEquals("3".length(), TemplateSize.bytes(3.0, 0));
    }

    @Test
    void theImportLimitIsTheSameOnBothSides() {
        assertEquals(DocumentPublisher.MAX_DOCUMENT_BYTES, DocumentLimits.MAX_IMPORT_BYTES);
    }
}
