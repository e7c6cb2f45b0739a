package dev.gatehouse.lambda.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for CloudFormation's pre-signed response URL: records each PUT (its JSON body and
 * whether it carried a Content-Type) and answers 200.
 */
final class ResponseCatcher implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One response as CloudFormation would receive it. */
    record Caught(String method, String query, boolean hasContentType, JsonNode body) {
    }

    private final HttpServer server;
    final List<Caught> caught = new CopyOnWriteArrayList<>();

    ResponseCatcher() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                caught.add(new Caught(exchange.getRequestMethod(), exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders().containsKey("Content-Type"), JSON.readTree(body)));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
    }

    /** A pre-signed-looking URL of this server. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cloudformation-response?X-Amz-Signature=abc";
    }

    /** A custom resource request event as CloudFormation sends it, answering to this server. */
    Map<String, Object> event(String requestType, String physicalId, Map<String, Object> properties) {
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("RequestType", requestType);
        event.put("ResponseURL", url());
        event.put("StackId", "arn:aws:cloudformation:us-east-1:123456789012:stack/Orders/1a2b");
        event.put("RequestId", "request-" + requestType);
        event.put("ResourceType", DocumentPublisher.RESOURCE_TYPE);
        event.put("LogicalResourceId", "ApiDocument1A2B3C4D");
        if (physicalId != null) {
            event.put("PhysicalResourceId", physicalId);
        }
        event.put("ResourceProperties", properties);
        return event;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
