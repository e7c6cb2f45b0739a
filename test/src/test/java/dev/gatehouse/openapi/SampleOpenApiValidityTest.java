package dev.gatehouse.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.sample.SampleApp;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

/** The sample app's document is valid OpenAPI 3.0 for a real parser, extensions aside. */
class SampleOpenApiValidityTest {

    @Test
    void sampleDocumentParsesWithoutMessages() {
        App app = new App();
        JsonNode document = SampleApp.define(app).getApi().getResolvedOpenApiDocument();

        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(document.toString(), null, options);

        assertNotNull(result.getOpenAPI(), "not parsed: " + result.getMessages());
        assertEquals(List.of(), result.getMessages());
        // 4 standard operations, and ANY /catalog/{proxy+} as API Gateway's path item extension
        assertEquals(4, result.getOpenAPI().getPaths().values().stream()
                .mapToInt(item -> item.readOperations().size()).sum());
        assertNotNull(result.getOpenAPI().getPaths().get("/catalog/{proxy+}").getExtensions()
                .get("x-amazon-apigateway-any-method"));
    }
}
