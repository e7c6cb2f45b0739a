package dev.gatehouse.lambda.document.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer CloudFormation waits for: {@code SUCCESS} with the resource's physical id and
 * attributes ({@code Data}), or {@code FAILED} with a reason shown in the stack's events.
 */
public record CustomResourceResponse(String status, String reason, String physicalResourceId, String stackId,
        String requestId, String logicalResourceId, Map<String, String> data) {
    /** CloudFormation takes at most 4,096 bytes of a response; a long reason is cut to leave room. */
    static final int MAX_REASON_CHARS = 1_000;
    private static final JsonFactory JSON = new JsonFactory();

    public CustomResourceResponse {
        data = Map.copyOf(data);
    }

    public static CustomResourceResponse success(CustomResourceRequest request, String physicalResourceId,
            Map<String, String> data) {
        return new CustomResourceResponse("SUCCESS", null, physicalResourceId, request.stackId(), request.requestId(),
                request.logicalResourceId(), data);
    }

    /**
     * A failure. A resource that was never created still needs a physical id: the one it had, or
     * one naming the logical id (CloudFormation then asks to delete it, which does nothing).
     */
    public static CustomResourceResponse failed(CustomResourceRequest request, String reason) {
        String physicalId = request.physicalResourceId() != null ? request.physicalResourceId()
                : "gatehouse-openapi-document-not-created-" + request.logicalResourceId();
        String cut = reason.length() <= MAX_REASON_CHARS ? reason : reason.substring(0, MAX_REASON_CHARS - 3) + "...";
        return new CustomResourceResponse("FAILED", cut, physicalId, request.stackId(), request.requestId(),
                request.logicalResourceId(), Map.of());
    }

    public boolean succeeded() {
        return "SUCCESS".equals(status);
    }

    /** The response body CloudFormation reads. */
    public byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("Status", status);
            if (reason != null) {
                json.writeStringField("Reason", reason);
            }
            json.writeStringField("PhysicalResourceId", physicalResourceId);
            json.writeStringField("StackId", stackId);
            json.writeStringField("RequestId", requestId);
            json.writeStringField("LogicalResourceId", logicalResourceId);
            json.writeBooleanField("NoEcho", false);
            json.writeObjectFieldStart("Data");
            for (Map.Entry<String, String> entry : new TreeMap<>(data).entrySet()) {
                json.writeStringField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the custom resource response", e);
        }
        return out.toByteArray();
    }
}
