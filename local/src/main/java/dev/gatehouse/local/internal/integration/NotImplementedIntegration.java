package dev.gatehouse.local.internal.integration;

import dev.gatehouse.local.internal.api.Operation;
import dev.gatehouse.local.internal.pipeline.GatewayError;
import dev.gatehouse.local.internal.pipeline.ResponseType;

/** A route whose backend cannot run locally: 501, naming the route and why. */
final class NotImplementedIntegration {
    private NotImplementedIntegration() {
    }

    static Integration of(Operation operation, String why) {
        String message = "Not implemented locally: " + operation.routeKey() + ": " + why;
        return exchange -> {
            throw new GatewayError(ResponseType.DEFAULT_5XX, 501, message, null);
        };
    }
}
