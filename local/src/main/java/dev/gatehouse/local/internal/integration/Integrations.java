package dev.gatehouse.local.internal.integration;

import dev.gatehouse.local.internal.api.Operation;
import java.util.List;
import java.util.Optional;

/**
 * The integration kinds the local gateway runs, asked in order; a route no kind takes answers
 * 501 naming the route. A new kind is a new {@link IntegrationKind} added to {@link #KINDS}.
 */
public final class Integrations {
    static final List<IntegrationKind> KINDS = List.of(
            new MockIntegration.Kind(),
            new LambdaProxyIntegration.Kind(),
            new LambdaIntegration.Kind(),
            new HttpProxyIntegration.Kind(),
            new HttpIntegration.Kind(),
            new ForwardedIntegration.Kind());

    private Integrations() {
    }

    /** The integration of a route. */
    public static Integration of(Operation operation, IntegrationSetup setup) {
        for (IntegrationKind kind : KINDS) {
            Optional<Integration> integration = kind.create(operation, setup);
            if (integration.isPresent()) {
                return integration.get();
            }
        }
        String type = operation.integration().path("type").asText("none");
        return NotImplementedIntegration.of(operation, "its integration (type " + type + ", uri "
                + operation.integration().path("uri").asText("none") + ") does not run locally; give a local URL for it"
                + " with --integration-url '" + operation.routeKey() + "=http://localhost:PORT/...'");
    }
}
