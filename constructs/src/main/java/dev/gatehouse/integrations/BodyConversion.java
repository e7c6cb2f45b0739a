package dev.gatehouse.integrations;

/**
 * How API Gateway converts a payload between text and binary ({@code contentHandling}) on its way
 * to the backend or back to the client. A payload is binary when its content type (the
 * {@code Content-Type} of a request, the {@code Accept} of a response) matches one of the API's
 * binary media types (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings-workflow.html).
 */
public enum BodyConversion {
    /** A Base64-encoded text payload is decoded into a binary blob; a binary one is passed on as is. */
    CONVERT_TO_BINARY,
    /** A binary payload is Base64-encoded into text; a text one is passed on as is. */
    CONVERT_TO_TEXT
}
