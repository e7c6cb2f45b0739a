package dev.gatehouse.lambda.echo;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns an API Gateway proxy request into a JSON description of where it was routed.
 *
 * <p>Only routing facts are returned (method, resource, path, path and query parameters, stage,
 * request id and the authorizer's principal); headers and body are deliberately left out.
 */
public final class EchoResponder {
    private final ObjectMapper mapper;

    public EchoResponder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public APIGatewayProxyResponseEvent respond(APIGatewayProxyRequestEvent request) {
        ObjectNode body = mapper.createObjectNode();
        body.put("method", request.getHttpMethod());
        body.put("resource", request.getResource());
        body.put("path", request.getPath());
        body.set("pathParameters", mapper.valueToTree(sorted(request.getPathParameters())));
        body.set("queryParameters", mapper.valueToTree(sorted(request.getQueryStringParameters())));
        APIGatewayProxyRequestEvent.ProxyRequestContext context = request.getRequestContext();
        if (context != null) {
            body.put("stage", context.getStage());
            body.put("requestId", context.getRequestId());
            Map<String, Object> authorizer = context.getAuthorizer();
            Object principal = authorizer == null ? null : authorizer.get("principalId");
            body.put("principal", principal == null ? null : principal.toString());
        }
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json", "Cache-Control", "no-store"))
                .withBody(write(body));
    }

    private static Map<String, String> sorted(Map<String, String> values) {
        return values == null ? Map.of() : new TreeMap<>(values);
    }

    private String write(ObjectNode body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            // An ObjectNode of strings always serializes; reaching this is a bug in this class.
            throw new IllegalStateException("could not serialize the echo response", e);
        }
    }
}
