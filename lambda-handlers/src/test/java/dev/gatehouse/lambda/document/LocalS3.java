package dev.gatehouse.lambda.document;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A local HTTP server speaking S3's REST protocol for GetObject, HeadObject and PutObject, path
 * style ({@code /bucket/key}), with versioned buckets: every PUT makes a new version, whose id is
 * returned in {@code x-amz-version-id}. A PUT's {@code x-amz-checksum-sha256} is verified (400
 * {@code BadDigest} otherwise), as S3 does; a body in {@code aws-chunked} encoding is decoded.
 * Buckets named in {@link #denied} answer 403 {@code AccessDenied} to every request, those in
 * {@link #readOnly} to PUTs. Every request is recorded.
 */
final class LocalS3 implements AutoCloseable {
    /** An object version as stored. */
    record StoredObject(byte[] bytes, String versionId, String contentType, Map<String, String> metadata) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** A request as received: method and path, and the headers a test may look at. */
    record Received(String method, String path, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final Map<String, List<StoredObject>> objects = new ConcurrentHashMap<>();
    private final AtomicInteger versions = new AtomicInteger();
    final List<Received> received = new CopyOnWriteArrayList<>();
    final Set<String> denied = ConcurrentHashMap.newKeySet();
    final Set<String> readOnly = ConcurrentHashMap.newKeySet();

    LocalS3() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The SDK's S3 client, pointed at this server. */
    S3Client client() {
        return S3Client.builder()
                .endpointOverride(endpoint())
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Stores an object as if uploaded (a new version). */
    StoredObject put(String bucket, String key, String text) {
        return store(bucket + "/" + key, text.getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
    }

    /** The current version of an object, or null. */
    StoredObject current(String bucket, String key) {
        List<StoredObject> all = objects.get(bucket + "/" + key);
        return all == null ? null : all.get(all.size() - 1);
    }

    /** Every version of an object, oldest first. */
    List<StoredObject> versions(String bucket, String key) {
        return objects.getOrDefault(bucket + "/" + key, List.of());
    }

    /** The keys of a bucket. */
    List<String> keys(String bucket) {
        return objects.keySet().stream().filter(k -> k.startsWith(bucket + "/"))
                .map(k -> k.substring(bucket.length() + 1)).sorted().toList();
    }

    long count(String method) {
        return received.stream().filter(r -> r.method().equals(method)).count();
    }

    private synchronized StoredObject store(String path, byte[] bytes, String contentType, Map<String, String> metadata) {
        StoredObject stored = new StoredObject(bytes, "v" + versions.incrementAndGet(), contentType, metadata);
        objects.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(stored);
        return stored;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath().substring(1);
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(method, path, headers));
            String bucket = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
            if (denied.contains(bucket) || (method.equals("PUT") && readOnly.contains(bucket))) {
                error(exchange, method, 403, "AccessDenied", "Access Denied");
                return;
            }
            switch (method) {
                case "GET", "HEAD" -> read(exchange, method, path);
                case "PUT" -> write(exchange, path, headers, body);
                default -> error(exchange, method, 405, "MethodNotAllowed", "not supported here");
            }
        }
    }

    private void read(HttpExchange exchange, String method, String path) throws IOException {
        List<StoredObject> all = objects.get(path);
        if (all == null) {
            error(exchange, method, 404, "NoSuchKey", "The specified key does not exist.");
            return;
        }
        StoredObject object = all.get(all.size() - 1);
        exchange.getResponseHeaders().set("Content-Type", object.contentType());
        exchange.getResponseHeaders().set("ETag", etag(object.bytes()));
        exchange.getResponseHeaders().set("x-amz-version-id", object.versionId());
        object.metadata().forEach((name, value) -> exchange.getResponseHeaders().set("x-amz-meta-" + name, value));
        if (method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(object.bytes().length));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, object.bytes().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(object.bytes());
        }
    }

    private void write(HttpExchange exchange, String path, Map<String, String> headers, byte[] body) throws IOException {
        Map<String, String> trailers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byte[] content = headers.getOrDefault("x-amz-content-sha256", "").startsWith("STREAMING-")
                ? decodeChunked(body, trailers) : body;
        String checksum = headers.containsKey("x-amz-checksum-sha256") ? headers.get("x-amz-checksum-sha256")
                : trailers.get("x-amz-checksum-sha256");
        if (checksum != null && !checksum.equals(Base64.getEncoder().encodeToString(sha256(content)))) {
            error(exchange, "PUT", 400, "BadDigest", "The SHA256 you specified did not match the calculated checksum.");
            return;
        }
        Map<String, String> metadata = new TreeMap<>();
        headers.forEach((name, value) -> {
            if (name.toLowerCase().startsWith("x-amz-meta-")) {
                metadata.put(name.substring("x-amz-meta-".length()).toLowerCase(), value);
            }
        });
        StoredObject stored = store(path, content, headers.getOrDefault("Content-Type", "binary/octet-stream"), metadata);
        exchange.getResponseHeaders().set("ETag", etag(content));
        exchange.getResponseHeaders().set("x-amz-version-id", stored.versionId());
        if (checksum != null) {
            exchange.getResponseHeaders().set("x-amz-checksum-sha256", checksum);
        }
        exchange.sendResponseHeaders(200, -1);
    }

    /** An {@code aws-chunked} body: {@code <hex size>[;chunk-signature=...]\r\n<bytes>\r\n}..., then trailers. */
    private static byte[] decodeChunked(byte[] body, Map<String, String> trailers) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(body);
        while (true) {
            String header = line(in);
            int size = Integer.parseInt(header.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
                    int colon = trailer.indexOf(':');
                    trailers.put(trailer.substring(0, colon).trim(), trailer.substring(colon + 1).trim());
                }
                return content.toByteArray();
            }
            content.write(in.readNBytes(size));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static void error(HttpExchange exchange, String method, int status, String code, String message)
            throws IOException {
        if (method.equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>LOCAL</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, xml.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(xml);
        }
    }

    private static String etag(byte[] bytes) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every key with at least one version, for assertions. */
    List<String> allPaths() {
        return new ArrayList<>(objects.keySet());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
