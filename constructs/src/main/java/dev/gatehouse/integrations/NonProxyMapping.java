package dev.gatehouse.integrations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.Defaults;
import dev.gatehouse.rules.Rules;
import java.util.List;
import java.util.Locale;

/**
 * Writes an {@link IntegrationMapping} into a non-proxy integration: request parameters,
 * templates, passthrough behaviour, content handling and the integration responses. The route
 * table checks the expressions and templates of every integration and declares the method
 * responses and parameters they need, whoever wrote them.
 */
final class NonProxyMapping {
    private NonProxyMapping() {
    }

    /**
     * Adds {@code mapping} to {@code integration} (whose request parameters may already hold the
     * URL's path variables; a mapping of the same target replaces them) and returns the status code
     * of its first integration response, for the operation's responses.
     */
    static String apply(IntegrationMapping mapping, ObjectNode integration, IntegrationContext context) {
        if (!mapping.getRequestParameters().isEmpty()) {
            ObjectNode parameters = integration.has("requestParameters")
                    ? (ObjectNode) integration.get("requestParameters") : integration.putObject("requestParameters");
            mapping.getRequestParameters().forEach(parameters::put);
        }
        if (!mapping.getRequestTemplates().isEmpty()) {
            ObjectNode templates = integration.putObject("requestTemplates");
            mapping.getRequestTemplates().forEach(templates::put);
        }
        TemplatePassthrough passthrough = mapping.getPassthrough() != null ? mapping.getPassthrough()
                : Defaults.TEMPLATE_PASSTHROUGH;
        integration.put("passthroughBehavior", passthrough.name().toLowerCase(Locale.ROOT));
        if (mapping.getContentHandling() != null) {
            integration.put("contentHandling", mapping.getContentHandling().name());
        }
        List<ResponseMapping> responses = mapping.getResponses().isEmpty()
                ? List.of(ResponseMapping.byDefault(Defaults.MAPPING_DEFAULT_STATUS)) : mapping.getResponses();
        ObjectNode selections = integration.putObject("responses");
        for (ResponseMapping response : responses) {
            String key = response.getSelectionPattern() == null ? "default" : response.getSelectionPattern();
            if (selections.has(key)) {
                context.report(Rules.INTEGRATION_RESPONSES, (key.equals("default")
                        ? "it has two default integration responses (without a selection pattern)."
                        : "two integration responses have the selection pattern '" + key + "'."),
                        "keep one; API Gateway keys integration responses by their selection pattern.");
                continue;
            }
            ObjectNode selected = selections.putObject(key);
            selected.put("statusCode", Integer.toString(response.getStatusCode()));
            if (!response.getResponseParameters().isEmpty()) {
                response.getResponseParameters().forEach(selected.putObject("responseParameters")::put);
            }
            if (!response.getResponseTemplates().isEmpty()) {
                response.getResponseTemplates().forEach(selected.putObject("responseTemplates")::put);
            }
            if (response.getContentHandling() != null) {
                selected.put("contentHandling", response.getContentHandling().name());
            }
        }
        return Integer.toString(responses.get(0).getStatusCode());
    }
}
