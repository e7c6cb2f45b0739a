package dev.gatehouse.integrations;

import software.amazon.awscdk.services.lambda.IFunction;

/**
 * Where a route's requests go. Integrations are plain objects, made with {@link Integrations}
 * ({@code Integrations.lambda(fn)}, {@code .http(url)}, {@code .mock(response)}); {@link #bind}
 * turns one into the route's {@code x-amazon-apigateway-integration} when the route is declared.
 *
 * <p>Subclass it for an integration Gatehouse does not have: build the extension object in
 * {@code bind}, report problems through the context, and use
 * {@link IntegrationContext#lambdaTarget(IFunction)} for Lambda targets.
 */
public abstract class RouteIntegration {

    /** Renders this integration for the route in {@code context}. Called once per route. */
    public abstract RouteIntegrationConfig bind(IntegrationContext context);
}
