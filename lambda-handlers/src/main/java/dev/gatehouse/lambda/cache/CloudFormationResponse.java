package dev.gatehouse.lambda.cache;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The answer of a Lambda-backed custom resource: a JSON document PUT to the event's
 * {@code ResponseURL} (a presigned S3 URL, so without a Content-Type that its signature does not
 * cover), as CloudFormation's custom resource protocol requires.
 */
final class CloudFormationResponse {
    /** CloudFormation shows the reason in the stack's events; it takes at most 4 KB of the response. */
    static final int MAX_REASON_CHARS = 2000;

    private final HttpClient http;

    CloudFormationResponse(HttpClient http) {
        this.http = http;
    }

    static CloudFormationResponse create() {
        return new CloudFormationResponse(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    /**
     * Sends the answer to {@code event}'s ResponseURL.
     *
     * @param success SUCCESS or FAILED
     * @param reason why it failed (null on success)
     * @param data the resource's attributes (strings)
     * @throws IllegalStateException when the answer cannot be delivered
     */
    void send(Map<String, Object> event, boolean success, String reason, String physicalId, Map<String, String> data) {
        StringBuilder body = new StringBuilder("{");
        field(body, "Status", success ? "SUCCESS" : "FAILED");
        if (reason != null) {
            field(body, "Reason", reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) : reason);
        }
        field(body, "PhysicalResourceId", physicalId);
        field(body, "StackId", String.valueOf(event.get("StackId")));
        field(body, "RequestId", String.valueOf(event.get("RequestId")));
        field(body, "LogicalResourceId", String.valueOf(event.get("LogicalResourceId")));
        body.append("\"Data\":{");
        data.forEach((key, value) -> field(body, key, value));
        if (!data.isEmpty()) {
            body.setLength(body.length() - 1);
        }
        body.append("}}");
        HttpRequest request = HttpRequest.newBuilder(URI.create(String.valueOf(event.get("ResponseURL"))))
                .timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("CloudFormation's response URL answered " + response.statusCode()
                        + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("the answer could not be sent to CloudFormation: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while answering CloudFormation", e);
        }
    }

    private static void field(StringBuilder body, String name, String value) {
        quote(body, name);
        body.append(':');
        quote(body, value);
        body.append(',');
    }

    /** A JSON string (RFC 8259: quote, backslash and control characters escaped). */
    static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
