package dev.gatehouse.local.internal.integration;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.local.internal.api.Operation;
import java.net.URI;
import java.util.Optional;

/**
 * A route whose backend does not run locally (Step Functions, another AWS service, a function
 * outside the stack) but was given a local URL with {@code --integration-url}: the request is
 * proxied there as an HTTP proxy integration would.
 */
final class ForwardedIntegration {
    private ForwardedIntegration() {
    }

    static final class Kind implements IntegrationKind {
        @Override
        public Optional<Integration> create(Operation operation, IntegrationSetup setup) {
            URI local = setup.localUrls().get(operation.routeKey());
            if (local == null) {
                return Optional.empty();
            }
            ObjectNode definition = operation.definition().deepCopy();
            ObjectNode integration = JsonNodeFactory.instance.objectNode();
            integration.put("type", "http_proxy").put("httpMethod", "ANY").put("uri", local.toString());
            definition.set("x-amazon-apigateway-integration", integration);
            Operation forwarded = new Operation(operation.method(), operation.resourcePath(), definition,
                    operation.pathParameters());
            return Optional.of(new HttpProxyIntegration(new HttpBackend(forwarded, setup, local.toString(), null)));
        }
    }
}
