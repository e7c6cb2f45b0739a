package dev.gatehouse.api;

/**
 * Where API Gateway reads the API key of routes that require one
 * (<a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-api-key-source.html">x-amazon-apigateway-api-key-source</a>).
 */
public enum ApiKeySource {
    /** The {@code x-api-key} request header. */
    HEADER,
    /** The {@code usageIdentifierKey} a Lambda authorizer returns. */
    AUTHORIZER
}
