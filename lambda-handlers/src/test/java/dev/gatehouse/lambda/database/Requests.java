package dev.gatehouse.lambda.database;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** API Gateway REST proxy events as the gateway sends them. */
final class Requests {
    private Requests() {
    }

    /** A request for {@code method resource} at the concrete {@code path}. */
    static Builder request(String method, String resource, String path) {
        return new Builder(method, resource, path);
    }

    static final class Builder {
        private final APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent();
        private final Map<String, String> pathParameters = new HashMap<>();
        private final Map<String, List<String>> query = new HashMap<>();

        Builder(String method, String resource, String path) {
            event.setHttpMethod(method);
            event.setResource(resource);
            event.setPath(path);
            event.setRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("req-test"));
        }

        Builder path(String name, String value) {
            pathParameters.put(name, value);
            return this;
        }

        Builder query(String name, String... values) {
            query.computeIfAbsent(name, k -> new ArrayList<>()).addAll(List.of(values));
            return this;
        }

        Builder body(String json) {
            event.setBody(json);
            event.setHeaders(Map.of("Content-Type", "application/json"));
            return this;
        }

        APIGatewayProxyRequestEvent build() {
            event.setPathParameters(pathParameters.isEmpty() ? null : pathParameters);
            if (!query.isEmpty()) {
                Map<String, String> single = new HashMap<>();
                query.forEach((k, v) -> single.put(k, v.get(v.size() - 1)));
                event.setQueryStringParameters(single);
                event.setMultiValueQueryStringParameters(query);
            }
            return event;
        }
    }
}
