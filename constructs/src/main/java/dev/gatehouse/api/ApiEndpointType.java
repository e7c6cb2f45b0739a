package dev.gatehouse.api;

/**
 * Where an API's endpoint is
 * (<a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-endpoint-types.html">API
 * endpoint types</a>). Written to the RestApi's {@code EndpointConfiguration.Types}.
 */
public enum ApiEndpointType {
    /** In the API's Region; clients in other Regions reach it over the internet. */
    REGIONAL,
    /** Behind a CloudFront distribution that API Gateway manages. */
    EDGE,
    /** Reachable only through interface VPC endpoints named in the resource policy (rule GH303). */
    PRIVATE
}
