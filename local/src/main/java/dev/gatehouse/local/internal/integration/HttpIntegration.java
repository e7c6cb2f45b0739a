package dev.gatehouse.local.internal.integration;

import dev.gatehouse.local.internal.api.Operation;
import dev.gatehouse.local.internal.http.GatewayResult;
import dev.gatehouse.local.internal.http.Headers;
import dev.gatehouse.local.internal.pipeline.Exchange;
import dev.gatehouse.local.internal.pipeline.GatewayError;
import java.util.List;
import java.util.Optional;

/**
 * {@code type: http} (a custom, non-proxy HTTP integration): the backend gets the request
 * template's output (or the body, as the passthrough behaviour allows) and only the mapped
 * headers, query string parameters and path variables; its status code selects the integration
 * response, whose parameters and template ({@code $input} is the backend's body) make the method
 * response; payloads are converted between text and binary as {@code contentHandling} says
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-http-custom-integrations-in-console.html,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-integration-settings-integration-response.html).
 */
final class HttpIntegration implements Integration {
    private final HttpBackend backend;
    private final TemplateMapping mapping;
    private final List<String> binaryMediaTypes;

    private HttpIntegration(HttpBackend backend, TemplateMapping mapping, List<String> binaryMediaTypes) {
        this.backend = backend;
        this.mapping = mapping;
        this.binaryMediaTypes = binaryMediaTypes;
    }

    static final class Kind implements IntegrationKind {
        @Override
        public Optional<Integration> create(Operation operation, IntegrationSetup setup) {
            return HttpBackend.integration("http", operation, setup,
                    backend -> new HttpIntegration(backend, new TemplateMapping(operation, setup),
                            setup.api().binaryMediaTypes()));
        }
    }

    @Override
    public GatewayResult invoke(Exchange exchange) throws GatewayError {
        TemplateMapping.MappedRequest request = mapping.request(exchange);
        Headers headers = new Headers();
        backend.mapped("integration.request.header.", exchange).forEach(headers::set);
        request.overrides().requestHeaders().forEach(headers::set);
        if (!headers.contains("Content-Type")) {
            String contentType = exchange.request().headers().last("Content-Type");
            headers.set("Content-Type", contentType != null ? contentType : "application/json");
        }
        GatewayResult response = backend.call(exchange, backend.method(exchange),
                backend.target(exchange, false, request.overrides()), headers, request.body());
        boolean binary = ProxyEvents.isBinary(response.headers().last("Content-Type"), binaryMediaTypes);
        return mapping.response(exchange, Integer.toString(response.status()), response.status(), response.headers(),
                response.body(), binary);
    }
}
