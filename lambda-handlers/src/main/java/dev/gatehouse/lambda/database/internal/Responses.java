package dev.gatehouse.lambda.database.internal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** The proxy's HTTP answers. Error bodies carry a fixed error code and the request id, nothing from the database. */
public final class Responses {
    /** Seconds a client should wait before retrying a 503. */
    public static final String RETRY_AFTER_SECONDS = "1";
    /** Problems listed in a 400; the rest are counted. */
    public static final int MAX_LISTED_PROBLEMS = 20;
    /** Characters of a parameter name repeated in a 400 (unknown names are the client's). */
    public static final int MAX_NAME_LENGTH = 100;

    private static final Map<String, String> JSON_HEADERS =
            Map.of("Content-Type", "application/json", "Cache-Control", "no-store");

    private final ObjectMapper mapper;

    public Responses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public APIGatewayProxyResponseEvent json(int status, String body) {
        return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(JSON_HEADERS).withBody(body);
    }

    public APIGatewayProxyResponseEvent empty(int status) {
        return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(Map.of("Cache-Control", "no-store"));
    }

    public APIGatewayProxyResponseEvent error(int status, String error, String requestId) {
        ObjectNode body = mapper.createObjectNode();
        body.put("error", error);
        body.put("requestId", requestId);
        return json(status, body.toString());
    }

    /**
     * A 400 listing the first {@value #MAX_LISTED_PROBLEMS} problems, and how many more there are in
     * {@code moreFields}; names the client chose are shortened to {@value #MAX_NAME_LENGTH}
     * characters. So the answer stays small whatever was sent (Lambda answers at most 6 MB).
     */
    public APIGatewayProxyResponseEvent invalid(List<FieldProblem> problems, String message, String requestId) {
        ObjectNode body = mapper.createObjectNode();
        body.put("error", "invalid_request");
        if (message != null) {
            body.put("message", message);
        }
        ArrayNode fields = body.putArray("fields");
        for (FieldProblem p : problems.subList(0, Math.min(problems.size(), MAX_LISTED_PROBLEMS))) {
            fields.addObject().put("name", UnicodeText.forAnswer(p.name(), MAX_NAME_LENGTH)).put("in", p.in())
                    .put("problem", p.problem());
        }
        if (problems.size() > MAX_LISTED_PROBLEMS) {
            body.put("moreFields", problems.size() - MAX_LISTED_PROBLEMS);
        }
        body.put("requestId", requestId);
        return json(400, body.toString());
    }

    public APIGatewayProxyResponseEvent unavailable(String error, String requestId) {
        APIGatewayProxyResponseEvent response = error(503, error, requestId);
        response.setHeaders(Map.of("Content-Type", "application/json", "Cache-Control", "no-store",
                "Retry-After", RETRY_AFTER_SECONDS));
        return response;
    }
}
