package dev.gatehouse.lambda.database;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A local HTTP server speaking Secrets Manager's JSON protocol for GetSecretValue: POST, {@code
 * X-Amz-Target: secretsmanager.GetSecretValue}, {@code application/x-amz-json-1.1}. It holds one
 * secret whose value the test changes (a rotation) and records each request.
 */
final class LocalSecretsManager implements AutoCloseable {
    static final String SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One request as received. */
    static final class Received {
        final String method;
        final String target;
        final String contentType;
        final String authorization;
        final JsonNode body;

        Received(String method, String target, String contentType, String authorization, JsonNode body) {
            this.method = method;
            this.target = target;
            this.contentType = contentType;
            this.authorization = authorization;
            this.body = body;
        }
    }

    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile String secretString;

    LocalSecretsManager(String username, String password) throws IOException {
        setCredentials(username, password);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The secret's new value, as a rotation would store it (with the extra keys RDS adds). */
    void setCredentials(String username, String password) {
        ObjectNode secret = MAPPER.createObjectNode().put("engine", "postgres").put("host", "db.internal")
                .put("port", 5432).put("username", username).put("password", password).put("dbname", "app");
        secretString = secret.toString();
    }

    void setSecretString(String value) {
        secretString = value;
    }

    int calls() {
        return calls.get();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The real SDK client pointed at this server, with dummy credentials. */
    SecretsManagerClient client() {
        return SecretsManagerClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "dummy-secret-key")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] request = exchange.getRequestBody().readAllBytes();
        JsonNode body = request.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(request);
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        received.add(new Received(exchange.getRequestMethod(), target, contentType,
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        calls.incrementAndGet();
        ObjectNode response = MAPPER.createObjectNode();
        int status;
        if (!"POST".equals(exchange.getRequestMethod()) || !"secretsmanager.GetSecretValue".equals(target)
                || contentType == null || !contentType.startsWith("application/x-amz-json-1.1")) {
            status = 400;
            response.put("__type", "InvalidRequestException").put("message", "unsupported request");
        } else if (!SECRET_ARN.equals(body.path("SecretId").asText())) {
            status = 400;
            response.put("__type", "ResourceNotFoundException").put("message", "Secrets Manager can't find the specified secret.");
        } else {
            status = 200;
            response.put("ARN", SECRET_ARN).put("Name", "db").put("SecretString", secretString)
                    .put("VersionId", "v" + calls.get()).put("CreatedDate", 1.7e9);
            response.putArray("VersionStages").add("AWSCURRENT");
        }
        byte[] bytes = response.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "local-" + calls.get());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
