package dev.gatehouse.local.internal.integration;

import dev.gatehouse.local.internal.api.Operation;
import java.util.Optional;

/** Builds the integrations of one kind (one {@code x-amazon-apigateway-integration} type and target). */
public interface IntegrationKind {
    /** The integration of a route, or empty when the route's integration is not of this kind. */
    Optional<Integration> create(Operation operation, IntegrationSetup setup);
}
