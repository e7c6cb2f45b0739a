package dev.gatehouse.lambda.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for the presigned S3 URL CloudFormation gives a custom resource to answer at:
 * it records each PUT (its Content-Type and JSON body) and answers 200, as S3 does.
 */
final class ResponseUrl implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer as received. */
    record Answer(String method, String contentType, JsonNode body) {
    }

    final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    ResponseUrl() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            answers.add(new Answer(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    JSON.readTree(body)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    /** A URL like CloudFormation's: a bucket path with a presigned query. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cloudformation-custom-resource-response-euwest1/"
                + "arn%3Aaws%3Acloudformation%3Aeu-west-1%3A123456789012%3Astack/S/1%7CApiStageCache%7Crequest-1"
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=7200&X-Amz-Signature=abc";
    }

    /** The only answer so far. */
    JsonNode only() {
        if (answers.size() != 1) {
            throw new AssertionError("expected one answer, got " + answers);
        }
        return answers.get(0).body();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
