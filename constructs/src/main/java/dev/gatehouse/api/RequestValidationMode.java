package dev.gatehouse.api;

/**
 * What API Gateway's request validator checks before a request reaches the integration
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html).
 * A failed check answers 400 Bad Request.
 */
public enum RequestValidationMode {
    /** Required parameters are present and the body matches the route's model for its content type. */
    BODY_AND_PARAMETERS,
    /** Only the body is checked against the route's model. */
    BODY_ONLY,
    /** Only required query string parameters and headers are checked. */
    PARAMETERS_ONLY,
    /** Nothing is checked. */
    NONE
}
