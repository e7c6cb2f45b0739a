package dev.gatehouse.local.internal.pipeline;

/**
 * API Gateway's gateway response types, with their default status codes, the messages the real
 * service answers and its {@code x-amzn-ErrorType} header
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html).
 */
public enum ResponseType {
    ACCESS_DENIED(403, "User is not authorized to access this resource", "AccessDeniedException"),
    API_CONFIGURATION_ERROR(500, "Internal server error", "InternalServerErrorException"),
    AUTHORIZER_CONFIGURATION_ERROR(500, null, "AuthorizerConfigurationException"),
    AUTHORIZER_FAILURE(500, null, "AuthorizerConfigurationException"),
    BAD_REQUEST_PARAMETERS(400, "Missing required request parameters", "BadRequestException"),
    BAD_REQUEST_BODY(400, "Invalid request body", "BadRequestException"),
    EXPIRED_TOKEN(403, "The security token included in the request is expired", "ExpiredTokenException"),
    INTEGRATION_FAILURE(504, "Internal server error", "InternalServerErrorException"),
    INTEGRATION_TIMEOUT(504, "Endpoint request timed out", "InternalServerErrorException"),
    INVALID_API_KEY(403, "Forbidden", "ForbiddenException"),
    INVALID_SIGNATURE(403, "Forbidden", "InvalidSignatureException"),
    MISSING_AUTHENTICATION_TOKEN(403, "Missing Authentication Token", "MissingAuthenticationTokenException"),
    QUOTA_EXCEEDED(429, "Limit Exceeded", "LimitExceededException"),
    REQUEST_TOO_LARGE(413, "Request Too Long", "RequestTooLongException"),
    RESOURCE_NOT_FOUND(404, "Resource not found", "ResourceNotFoundException"),
    THROTTLED(429, "Too Many Requests", "TooManyRequestsException"),
    UNAUTHORIZED(401, "Unauthorized", "UnauthorizedException"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type", "UnsupportedMediaTypeException"),
    /** Any other 4XX the gateway answers itself. */
    DEFAULT_4XX(400, "Bad Request", "BadRequestException"),
    /** Any other 5XX the gateway answers itself (502 for a failed Lambda proxy call, 501 locally). */
    DEFAULT_5XX(500, "Internal server error", "InternalServerErrorException");

    private final int status;
    private final String message;
    private final String errorType;

    ResponseType(int status, String message, String errorType) {
        this.status = status;
        this.message = message;
        this.errorType = errorType;
    }

    public int status() {
        return status;
    }

    /** The default message (null for the authorizer errors, which API Gateway answers as {"message":null}). */
    public String message() {
        return message;
    }

    public String errorType() {
        return errorType;
    }

    /** DEFAULT_4XX or DEFAULT_5XX: the fallback of a status. */
    public static ResponseType fallback(int status) {
        return status >= 500 ? DEFAULT_5XX : DEFAULT_4XX;
    }
}
