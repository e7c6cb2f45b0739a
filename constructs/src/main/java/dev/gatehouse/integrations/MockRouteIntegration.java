package dev.gatehouse.integrations;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.internal.HttpTokens;
import dev.gatehouse.rules.Rules;
import java.util.Map;
import java.util.Objects;

/** Mock integration: API Gateway answers with a static response, no backend involved. */
final class MockRouteIntegration extends RouteIntegration {
    private final MockResponse response;

    MockRouteIntegration(MockResponse response) {
        this.response = Objects.requireNonNull(response, "response");
    }

    @Override
    public RouteIntegrationConfig bind(IntegrationContext context) {
        check(context);
        String status = Integer.toString(response.getStatusCode());

        ObjectNode integration = JsonNodeFactory.instance.objectNode();
        integration.put("type", "mock");
        integration.putObject("requestTemplates")
                .put("application/json", "{\"statusCode\": " + status + "}");
        integration.put("passthroughBehavior", "when_no_match");
        ObjectNode selected = integration.putObject("responses").putObject("default");
        selected.put("statusCode", status);
        if (!response.getHeaders().isEmpty()) {
            ObjectNode parameters = selected.putObject("responseParameters");
            response.getHeaders().forEach((name, value) ->
                    parameters.put("method.response.header." + name, "'" + value + "'"));
        }
        selected.putObject("responseTemplates").put(response.getContentType(), response.getBody());

        ObjectNode responses = RouteIntegrationConfig.responses(status, "Static response");
        if (!response.getHeaders().isEmpty()) {
            ObjectNode headers = ((ObjectNode) responses.get(status)).putObject("headers");
            response.getHeaders().keySet().forEach(name ->
                    headers.putObject(name).putObject("schema").put("type", "string"));
        }
        return RouteIntegrationConfig.owning(integration, responses);
    }

    private void check(IntegrationContext context) {
        int status = response.getStatusCode();
        if (status < 100 || status > 599) {
            context.report(Rules.MOCK_RESPONSE, "the mock status code " + status + " is not an HTTP status code.",
                    "use a status code from 100 to 599.");
        }
        for (Map.Entry<String, String> header : response.getHeaders().entrySet()) {
            if (!HttpTokens.HEADER_NAME.matcher(header.getKey()).matches()) {
                context.report(Rules.MOCK_RESPONSE, "the mock header name '" + header.getKey() + "' is not an HTTP token.",
                        "use letters, digits and '-' in header names, e.g. 'Cache-Control'.");
            }
            String value = header.getValue();
            if (value.contains("'") || value.contains("\r") || value.contains("\n")) {
                context.report(Rules.MOCK_RESPONSE,
                        "the value of mock header '" + header.getKey() + "' contains a single quote or a line break.",
                        "remove them; API Gateway quotes static header values with single quotes.");
            }
        }
        if (response.getBody().contains("$") || response.getBody().contains("#")) {
            context.report(Rules.MOCK_RESPONSE, "the mock body contains '$' or '#', which VTL would evaluate.",
                    "remove '$' and '#' from the static body.");
        }
        if (response.getContentType().isBlank()) {
            context.report(Rules.MOCK_RESPONSE, "the mock content type is empty.",
                    "set a content type such as application/json.");
        }
    }
}
