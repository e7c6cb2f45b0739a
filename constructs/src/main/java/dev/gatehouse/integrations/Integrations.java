package dev.gatehouse.integrations;

import software.amazon.awscdk.services.lambda.IFunction;

/**
 * Makes the integrations Gatehouse has, one kind each:
 * {@code api.route("GET /orders/{id}", Integrations.lambda(fn), options)}.
 */
public final class Integrations {
    private Integrations() {
    }

    /**
     * Lambda proxy integration: the function receives the whole request and returns the response
     * (streamed with {@link LambdaRouteIntegrationOptions#getStreamingMode()}).
     */
    public static RouteIntegration lambda(IFunction handler) {
        return new LambdaRouteIntegration(handler, LambdaRouteIntegrationOptions.builder().build());
    }

    /**
     * Lambda integration with options: proxy, or non-proxy with a
     * {@link LambdaRouteIntegrationOptions#getMapping() mapping} (request templates, integration
     * responses). Pass a {@code Version} or {@code Alias} to invoke a qualified function (needed for
     * SnapStart).
     */
    public static RouteIntegration lambda(IFunction handler, LambdaRouteIntegrationOptions options) {
        return new LambdaRouteIntegration(handler, options);
    }

    /**
     * HTTP proxy integration to an absolute URL. {@code {name}} in the URL is filled from the route
     * path variable of the same name, e.g. {@code GET /orders/{id}} to
     * {@code https://backend.example.com/orders/{id}}; the query string is passed through.
     */
    public static RouteIntegration http(String url) {
        return new HttpRouteIntegration(url, HttpRouteIntegrationOptions.builder().build());
    }

    /**
     * HTTP integration with options (backend method, timeout, streaming): proxy, or non-proxy with
     * a {@link HttpRouteIntegrationOptions#getMapping() mapping}.
     */
    public static RouteIntegration http(String url, HttpRouteIntegrationOptions options) {
        return new HttpRouteIntegration(url, options);
    }

    /**
     * Private HTTP proxy integration: requests go through a VPC link V2 to a load balancer listener
     * in a VPC ({@code PrivateTarget.of(listener)}), to the route's own path there. The link is the
     * one Gatehouse creates once per API in the load balancer's VPC.
     */
    public static RouteIntegration privateHttp(PrivateTarget target) {
        return new PrivateHttpRouteIntegration(target, PrivateHttpOptions.builder().build());
    }

    /**
     * Private HTTP proxy integration with options: backend path and host, a shared or imported VPC
     * link (or a legacy VPC link V1 to a Network Load Balancer), timeout, streaming.
     */
    public static RouteIntegration privateHttp(PrivateTarget target, PrivateHttpOptions options) {
        return new PrivateHttpRouteIntegration(target, options);
    }

    /** A static response from API Gateway itself, e.g. for a health route. */
    public static RouteIntegration mock(MockResponse response) {
        return new MockRouteIntegration(response);
    }
}
