package dev.gatehouse.local.internal.database;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A Secrets Manager endpoint on 127.0.0.1 that answers GetSecretValue (the AWS JSON 1.1 protocol)
 * with one secret: the local database's user and password. The bundled database proxy reads its
 * credentials through the AWS SDK as on AWS, with the SDK's endpoint set to this server.
 */
final class LocalSecretsManager implements AutoCloseable {
    static final String SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:gatehouse-local-database";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String secretString;

    LocalSecretsManager(String user, String password) throws IOException {
        ObjectNode secret = JSON.createObjectNode().put("username", user).put("password", password);
        this.secretString = secret.toString();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", this::serve);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            int status;
            ObjectNode body = JSON.createObjectNode();
            if ("secretsmanager.GetSecretValue".equals(target)) {
                status = 200;
                body.put("ARN", SECRET_ARN).put("Name", "gatehouse-local-database").put("SecretString", secretString)
                        .put("VersionId", "local").putArray("VersionStages").add("AWSCURRENT");
            } else {
                status = 400;
                body.put("__type", "InvalidRequestException").put("message", "the local Secrets Manager answers"
                        + " GetSecretValue only, not " + target);
            }
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
