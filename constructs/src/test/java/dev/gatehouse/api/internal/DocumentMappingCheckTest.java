package dev.gatehouse.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.rules.Finding;
import dev.gatehouse.rules.Findings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole-document check finds every template, whichever part of the document holds it. */
class DocumentMappingCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void checksRouteIntegrationAndGatewayResponseTemplates() {
        // Given a document with a broken template in a request template, an integration response of
        // an ANY route, and a gateway response, and a template with a deploy-time value
        ObjectNode document = JSON.createObjectNode();
        ObjectNode paths = document.putObject("paths");
        ObjectNode get = paths.putObject("/a").putObject("get").putObject("x-amazon-apigateway-integration");
        get.putObject("requestTemplates").put("application/json", "{\"arn\": \"${Token[TOKEN.42]}\"}")
                .put("text/plain", "#if(");
        ObjectNode any = paths.putObject("/b/{proxy+}").putObject("x-amazon-apigateway-any-method")
                .putObject("x-amazon-apigateway-integration");
        any.putObject("responses").putObject("5\\d{2}").putObject("responseTemplates").put("application/json", "#end");
        document.putObject("x-amazon-apigateway-gateway-responses").putObject("DEFAULT_4XX")
                .putObject("responseTemplates").put("application/json", "{\"message\": $context.error.messageString #{else}}");

        // When it is checked
        Findings findings = new Findings();
        DocumentMappingCheck.check(document, findings);

        // Then the three broken templates are reported where they are; the token stands for a value
        assertEquals(List.of(
                "[GH220] route 'GET /a': the request template for text/plain is not valid VTL: line 1, column 5: the "
                        + "template ends inside a directive (an #if, #foreach, #macro or #define without #end, or an "
                        + "unclosed string or parenthesis). Fix: fix the template at that line; API Gateway evaluates "
                        + "it with Velocity and would fail every request it applies to.",
                "[GH220] route 'ANY /b/{proxy+}': the response template of integration response '5\\d{2}' for "
                        + "application/json is not valid VTL: line 1, column 1: Encountered \"#end\". Fix: fix the "
                        + "template at that line; API Gateway evaluates it with Velocity and would fail every request "
                        + "it applies to."),
                findings.all().stream().map(Finding::getMessage).limit(2).toList());
        assertEquals(3, findings.all().size(), findings.all().toString());
        assertEquals("gateway response 'DEFAULT_4XX'", findings.all().get(2).getSubject());
    }
}
