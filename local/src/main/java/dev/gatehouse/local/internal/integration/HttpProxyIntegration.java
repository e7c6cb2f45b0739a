package dev.gatehouse.local.internal.integration;

import dev.gatehouse.local.internal.api.Operation;
import dev.gatehouse.local.internal.http.GatewayResult;
import dev.gatehouse.local.internal.http.Headers;
import dev.gatehouse.local.internal.pipeline.Exchange;
import dev.gatehouse.local.internal.pipeline.GatewayError;
import java.util.Optional;

/**
 * {@code type: http_proxy}: the request goes to the integration's URL (path variables filled from
 * the request parameter mappings, query string and headers passed through) and the backend's
 * response comes back as it is
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/setup-http-integrations.html).
 */
final class HttpProxyIntegration implements Integration {
    private final HttpBackend backend;

    HttpProxyIntegration(HttpBackend backend) {
        this.backend = backend;
    }

    static final class Kind implements IntegrationKind {
        @Override
        public Optional<Integration> create(Operation operation, IntegrationSetup setup) {
            return HttpBackend.integration("http_proxy", operation, setup, HttpProxyIntegration::new);
        }
    }

    @Override
    public GatewayResult invoke(Exchange exchange) throws GatewayError {
        Headers headers = new Headers();
        Headers received = exchange.request().headers();
        received.names().forEach(name -> received.all(name).forEach(value -> headers.add(name, value)));
        backend.mapped("integration.request.header.", exchange).forEach(headers::set);
        return backend.call(exchange, backend.method(exchange), backend.target(exchange, true, TemplateOverrides.NONE), headers,
                exchange.request().body());
    }
}
