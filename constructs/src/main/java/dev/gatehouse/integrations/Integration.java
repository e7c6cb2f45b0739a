package dev.gatehouse.integrations;

import software.amazon.awscdk.services.lambda.IFunction;

/**
 * Where a route's requests go. Integrations are plain objects; {@link #bind} turns one into the
 * route's {@code x-amazon-apigateway-integration} when the route is declared.
 *
 * <p>Subclass it for an integration Gatehouse does not have: build the extension object in
 * {@code bind}, report problems through the context, and use
 * {@link IntegrationContext#lambdaTarget(IFunction)} for Lambda targets.
 */
public abstract class Integration {

    /** Lambda proxy integration: the function receives the whole request and returns the response. */
    public static Integration lambda(IFunction handler) {
        return new LambdaIntegration(handler, LambdaIntegrationOptions.builder().build());
    }

    /**
     * Lambda proxy integration with options. Pass a {@code Version} or {@code Alias} to invoke a
     * qualified function (needed for SnapStart).
     */
    public static Integration lambda(IFunction handler, LambdaIntegrationOptions options) {
        return new LambdaIntegration(handler, options);
    }

    /**
     * HTTP proxy integration to an absolute URL. {@code {name}} in the URL is filled from the route
     * path variable of the same name, e.g. {@code GET /orders/{id}} to
     * {@code https://backend.example.com/orders/{id}}; the query string is passed through.
     */
    public static Integration http(String url) {
        return new HttpIntegration(url, HttpIntegrationOptions.builder().build());
    }

    /** HTTP proxy integration with options (backend method, timeout). */
    public static Integration http(String url, HttpIntegrationOptions options) {
        return new HttpIntegration(url, options);
    }

    /** A static response from API Gateway itself, e.g. for a health route. */
    public static Integration mock(MockResponse response) {
        return new MockIntegration(response);
    }

    /** Renders this integration for the route in {@code context}. Called once per route. */
    public abstract IntegrationConfig bind(IntegrationContext context);
}
