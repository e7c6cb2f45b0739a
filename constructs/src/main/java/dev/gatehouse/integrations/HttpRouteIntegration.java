package dev.gatehouse.integrations;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.HttpMethod;
import dev.gatehouse.api.internal.Tokens;
import dev.gatehouse.rules.Rules;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * HTTP integration to a URL on the internet: proxy ({@code http_proxy}), or non-proxy
 * ({@code http}) with a mapping.
 */
final class HttpRouteIntegration extends RouteIntegration {
    private final String url;
    private final HttpRouteIntegrationOptions options;

    HttpRouteIntegration(String url, HttpRouteIntegrationOptions options) {
        this.url = Objects.requireNonNull(url, "url");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public RouteIntegrationConfig bind(IntegrationContext context) {
        checkUrl(context);
        HttpMethod backendMethod = options.getHttpMethod() != null ? options.getHttpMethod() : context.getRoute().getMethod();

        IntegrationMapping mapping = options.getMapping();
        ObjectNode integration = JsonNodeFactory.instance.objectNode();
        integration.put("type", mapping == null ? "http_proxy" : "http");
        integration.put("httpMethod", backendMethod.name());
        integration.put("uri", url);
        integration.put("connectionType", "INTERNET");
        if (mapping == null) {
            integration.put("passthroughBehavior", "when_no_match");
        }
        UrlVariables.map(url, context, integration);
        IntegrationTimeout.apply(options.getTimeout(), options.getStreamingMode(), context, integration);
        String status = mapping == null ? "200" : NonProxyMapping.apply(mapping, integration, context);
        return RouteIntegrationConfig.owning(integration,
                RouteIntegrationConfig.responses(status, "Response of the HTTP backend"));
    }

    private void checkUrl(IntegrationContext context) {
        String fix = "give an absolute URL without query string or fragment, e.g. "
                + "\"https://backend.example.com/orders/{id}\".";
        String literal = Tokens.replaceTokens(url, "token");
        String prefix = Tokens.literalPrefix(url);
        boolean schemeKnown = !prefix.isEmpty() || !Tokens.containsToken(url);
        if (schemeKnown && !(literal.startsWith("https://") || literal.startsWith("http://"))) {
            context.report(Rules.HTTP_URL, "the backend URL '" + url + "' does not start with http:// or https://.", fix);
            return;
        }
        if (literal.contains("?") || literal.contains("#")) {
            context.report(Rules.HTTP_URL, "the backend URL '" + url + "' has a query string or fragment.",
                    "remove it; API Gateway passes the client's query string to the backend.");
            return;
        }
        if (!schemeKnown) {
            return;
        }
        try {
            URI uri = new URI(UrlVariables.VARIABLE.matcher(literal).replaceAll("x"));
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                context.report(Rules.HTTP_URL, "the backend URL '" + url + "' has no host.", fix);
            }
        } catch (URISyntaxException e) {
            context.report(Rules.HTTP_URL, "the backend URL '" + url + "' is not a valid URL (" + e.getReason() + ").", fix);
        }
    }
}
