package dev.gatehouse.lambda.cache;

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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/**
 * A local HTTP server speaking the part of API Gateway's REST-JSON control plane the stage cache
 * handler uses, for one stage: GetStage ({@code GET /restapis/{id}/stages/{name}}), UpdateStage
 * ({@code PATCH} there, with {@code patchOperations}, applied to the stage's method settings and
 * refused for paths API Gateway refuses) and FlushStageCache
 * ({@code DELETE /restapis/{id}/stages/{name}/cache/data}, 202). Errors carry API Gateway's
 * {@code x-amzn-ErrorType} header. It records every request and can answer the next calls
 * ConflictException, as API Gateway does while a stage is being changed.
 */
final class LocalApiGateway implements AutoCloseable {
    static final String API_ID = "a1b2c3d4e5";
    static final String STAGE = "prod";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STAGE_PATH = Pattern.compile("/restapis/([^/]+)/stages/([^/]+)(/cache/data)?");
    /** What UpdateStage accepts under a method setting key (the caching part Gatehouse patches). */
    private static final Pattern SETTING_PATH = Pattern.compile(
            "/(\\*/\\*|~1[^/]*/(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS))/caching/"
                    + "(requireAuthorizationForCacheControl|unauthorizedCacheControlHeaderStrategy)");

    /** One request as received. */
    record Received(String method, String path, String authorization, JsonNode body) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ObjectNode stage;
    private final AtomicInteger conflictsToAnswer = new AtomicInteger();

    /** A stage with the given method settings (GetStage's keys and fields) and cache cluster status. */
    LocalApiGateway(Map<String, Map<String, Object>> methodSettings, String cacheClusterStatus) throws IOException {
        stage = JSON.createObjectNode();
        stage.put("deploymentId", "dep1").put("stageName", STAGE).put("cacheClusterEnabled", true)
                .put("cacheClusterSize", "0.5").put("cacheClusterStatus", cacheClusterStatus);
        stage.set("methodSettings", JSON.valueToTree(methodSettings));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A method setting as GetStage shows one that CloudFormation created (API Gateway's invalidation defaults). */
    static Map<String, Object> setting(boolean cachingEnabled) {
        return Map.of("cachingEnabled", cachingEnabled, "cacheTtlInSeconds", 300, "cacheDataEncrypted", true,
                "loggingLevel", "ERROR", "requireAuthorizationForCacheControl", true,
                "unauthorizedCacheControlHeaderStrategy", "SUCCEED_WITH_RESPONSE_HEADER");
    }

    /** The next {@code count} calls are answered 409 ConflictException. */
    void answerConflicts(int count) {
        conflictsToAnswer.set(count);
    }

    /** A field of a method setting, as the stage now holds it. */
    String settingField(String key, String field) {
        return stage.path("methodSettings").path(key).path(field).asText();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The real SDK client pointed at this server, with dummy credentials. */
    ApiGatewayClient client() {
        return ApiGatewayClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "dummy")))
                .httpClient(ApacheHttpClient.create())
                .build();
    }

    List<Received> requests(String method) {
        return received.stream().filter(r -> r.method().equals(method)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        JsonNode body = bytes.length == 0 ? JSON.nullNode() : JSON.readTree(bytes);
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(method, path, exchange.getRequestHeaders().getFirst("Authorization"), body));
        Matcher m = STAGE_PATH.matcher(path);
        if (conflictsToAnswer.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            error(exchange, 409, "ConflictException", "Unable to complete operation due to concurrent modification. "
                    + "Please try again later.");
        } else if (!m.matches() || !m.group(1).equals(API_ID)) {
            error(exchange, 404, "NotFoundException", "Invalid REST API identifier specified");
        } else if (!m.group(2).equals(STAGE)) {
            error(exchange, 404, "NotFoundException", "Invalid Stage identifier specified");
        } else if (m.group(3) != null && method.equals("DELETE")) {
            respond(exchange, 202, null);
        } else if (m.group(3) == null && method.equals("GET")) {
            respond(exchange, 200, stage);
        } else if (m.group(3) == null && method.equals("PATCH")) {
            patch(exchange, body);
        } else {
            error(exchange, 400, "BadRequestException", "unsupported request " + method + " " + path);
        }
    }

    private void patch(HttpExchange exchange, JsonNode body) throws IOException {
        for (Iterator<JsonNode> it = body.path("patchOperations").elements(); it.hasNext(); ) {
            JsonNode op = it.next();
            Matcher setting = SETTING_PATH.matcher(op.path("path").asText());
            if (!op.path("op").asText().equals("replace") || !setting.matches()) {
                error(exchange, 400, "BadRequestException", "Invalid method setting path: " + op.path("path").asText());
                return;
            }
            ObjectNode target = (ObjectNode) stage.path("methodSettings").path(setting.group(1));
            if (target.isMissingNode()) {
                error(exchange, 400, "BadRequestException", "No method setting for " + setting.group(1));
                return;
            }
            String value = op.path("value").asText();
            if (setting.group(3).equals("requireAuthorizationForCacheControl")) {
                target.put(setting.group(3), Boolean.parseBoolean(value));
            } else {
                target.put(setting.group(3), value);
            }
        }
        respond(exchange, 200, stage);
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        respond(exchange, status, JSON.createObjectNode().put("message", message));
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "local-" + System.nanoTime());
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
