package dev.gatehouse.openapi;

import dev.gatehouse.testing.CdkJsonContext;
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
        App app = CdkJsonContext.app();
        JsonNode document = SampleApp.define(app).getApi().getResolvedOpenApiDocument();

        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(document.toString(), null, options);

        assertNotNull(result.getOpenAPI(), "not parsed: " + result.getMessages());
        // API Gateway's greedy path variable {proxy+} is its own extension of path templating: its
        // parameter is named "proxy" (as in API Gateway's own exports), which OpenAPI tools report.
        List<String> messages = result.getMessages().stream()
                .filter(m -> !m.matches("paths\\.'[^']*\\{(\\w+)\\+}'\\. Declared path parameter \\w+\\+ needs to be "
                        + "defined as a path parameter in path or operation level"))
                .toList();
        assertEquals(List.of(), messages);
        // 12 routes with standard methods and 12 CORS preflights (one per path); ANY /catalog/{proxy+}
        // is API Gateway's path item extension
        assertEquals(24, result.getOpenAPI().getPaths().values().stream()
                .mapToInt(item -> item.readOperations().size()).sum());
        assertNotNull(result.getOpenAPI().getPaths().get("/catalog/{proxy+}").getExtensions()
                .get("x-amazon-apigateway-any-method"));
    }
}
