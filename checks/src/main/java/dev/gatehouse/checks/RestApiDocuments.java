package dev.gatehouse.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.checks.internal.Intrinsics;
import io.swagger.v3.core.util.Yaml;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenAPI documents of a template's {@code AWS::ApiGateway::RestApi} resources, wherever the
 * template keeps them:
 *
 * <ul>
 *   <li>{@code Body} as an object, as JSON text ({@link RestApiBody}), or as a JSON or YAML string;</li>
 *   <li>{@code Body} as an {@code AWS::Include} transform of a file in S3, which CloudFormation
 *       reads and resolves intrinsics in;</li>
 *   <li>{@code BodyS3Location}, a file in S3 that API Gateway imports as it is; or, when it names
 *       the attributes of Gatehouse's {@code Custom::GatehouseOpenApiDocument}, the file that
 *       resource writes at deploy time from its asset and values.</li>
 * </ul>
 *
 * Documents in S3 are read through {@link S3Documents} (from the cloud assembly); what cannot be
 * read is listed with the reason and its severity.
 */
public final class RestApiDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REST_API = "AWS::ApiGateway::RestApi";
    /** The custom resource that writes a Gatehouse API's document to S3 at deploy time. */
    static final String GATEHOUSE_PUBLISHER = "Custom::GatehouseOpenApiDocument";

    /**
     * A RestApi's document.
     *
     * @param resource the RestApi's logical id
     * @param subject what findings call it: {@code "<id> Body"}, or {@code "<id> BodyS3Location
     *     (<asset file>)"}
     * @param document the document in object form, with CloudFormation intrinsics where the
     *     template has them
     * @param resolvedByCloudFormation true when CloudFormation resolves intrinsics in it (a
     *     {@code Body}, included or not); false for {@code BodyS3Location}, which API Gateway
     *     imports as it is
     * @param inS3 true when it was read from S3 (from the cloud assembly)
     */
    public record Document(String resource, String subject, JsonNode document, boolean resolvedByCloudFormation,
            boolean inS3) {
    }

    /** A RestApi whose document cannot be read, and why. */
    public record Unreadable(String subject, Severity severity, String problem) {
    }

    /** What was read from a template. */
    public record Read(List<Document> documents, List<Unreadable> unreadable) {
        public Read {
            documents = List.copyOf(documents);
            unreadable = List.copyOf(unreadable);
        }

        /** How many documents came from S3. */
        public long fromS3() {
            return documents.stream().filter(Document::inS3).count();
        }
    }

    private RestApiDocuments() {
    }

    /** Every RestApi document of {@code template}, with those in S3 looked up in {@code s3}. */
    public static Read of(JsonNode template, S3Documents s3) {
        List<Document> documents = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : template.path("Resources").properties()) {
            if (!REST_API.equals(e.getValue().path("Type").asText())) {
                continue;
            }
            String id = e.getKey();
            JsonNode properties = e.getValue().path("Properties");
            JsonNode body = properties.get("Body");
            if (body != null) {
                body(id, body, s3, documents, unreadable);
            } else if (properties.has("BodyS3Location")) {
                JsonNode location = properties.get("BodyS3Location");
                Optional<JsonNode> publisher = gatehousePublisher(template, location);
                if (publisher.isPresent()) {
                    fromGatehousePublisher(id, publisher.get(), s3, documents, unreadable);
                } else {
                    fromS3(id, id + " BodyS3Location", location, false, s3, documents, unreadable);
                }
            }
        }
        return new Read(documents, unreadable);
    }

    private static void body(String id, JsonNode body, S3Documents s3, List<Document> documents, List<Unreadable> unreadable) {
        String subject = id + " Body";
        if (body.isTextual()) {
            parse(body.asText()).ifPresentOrElse(d -> documents.add(new Document(id, subject, d, true, false)),
                    () -> unreadable.add(new Unreadable(subject, Severity.ERROR, "the Body string is neither JSON nor YAML.")));
            return;
        }
        Optional<JsonNode> read;
        try {
            read = RestApiBody.document(body);
        } catch (IllegalArgumentException notJson) {
            unreadable.add(new Unreadable(subject, Severity.ERROR, notJson.getMessage()));
            return;
        }
        if (read.isPresent()) {
            documents.add(new Document(id, subject, read.get(), true, false));
        } else if (isInclude(body)) {
            fromS3(id, subject, body.at("/Fn::Transform/Parameters/Location"), true, s3, documents, unreadable);
        } else {
            unreadable.add(new Unreadable(subject, Severity.WARNING, "the Body is computed at deploy time ("
                    + Intrinsics.function(body) + "); it cannot be checked before deployment."));
        }
    }

    /** {"Fn::Transform": {"Name": "AWS::Include", "Parameters": {"Location": ...}}} */
    private static boolean isInclude(JsonNode body) {
        return "Fn::Transform".equals(Intrinsics.function(body))
                && "AWS::Include".equals(body.path("Fn::Transform").path("Name").asText())
                && !body.at("/Fn::Transform/Parameters/Location").isMissingNode();
    }

    private static void fromS3(String id, String subject, JsonNode location, boolean resolved, S3Documents s3,
            List<Document> documents, List<Unreadable> unreadable) {
        S3Document found = s3.find(location);
        if (found instanceof S3Document.Unavailable missing) {
            unreadable.add(new Unreadable(subject, missing.severity(), missing.problem()));
            return;
        }
        S3Document.Found file = (S3Document.Found) found;
        String where = subject + " (" + file.name() + ")";
        parse(file.text()).ifPresentOrElse(d -> documents.add(new Document(id, where, d, resolved, true)),
                () -> unreadable.add(new Unreadable(where, Severity.ERROR, "the file is neither JSON nor YAML.")));
    }

    /**
     * The properties of the {@value #GATEHOUSE_PUBLISHER} resource whose attributes a
     * {@code BodyS3Location} names ({@code Fn::GetAtt} of its {@code Key}), if it is one.
     */
    private static Optional<JsonNode> gatehousePublisher(JsonNode template, JsonNode location) {
        JsonNode getAtt = location.path("Key").path("Fn::GetAtt");
        String resource = getAtt.isArray() ? getAtt.path(0).asText()
                : getAtt.isTextual() ? getAtt.asText().replaceFirst("\\..*", "") : "";
        JsonNode publisher = template.path("Resources").path(resource);
        return GATEHOUSE_PUBLISHER.equals(publisher.path("Type").asText())
                ? Optional.of(publisher.path("Properties")) : Optional.empty();
    }

    /**
     * A document that Gatehouse's publisher writes at deploy time: its asset ({@code SourceBucket},
     * {@code SourceKey}) is JSON text in {@code Fn::Sub} syntax, filled in with {@code Values}, so
     * it is read as the {@code Body} {@code {"Fn::Sub": [text, Values]}} would be; its deploy-time
     * values are resolved, as CloudFormation resolves a Body's.
     */
    private static void fromGatehousePublisher(String id, JsonNode publisher, S3Documents s3, List<Document> documents,
            List<Unreadable> unreadable) {
        String subject = id + " BodyS3Location";
        ObjectNode source = JSON.createObjectNode();
        source.set("Bucket", publisher.path("SourceBucket"));
        source.set("Key", publisher.path("SourceKey"));
        S3Document found = s3.find(source);
        if (found instanceof S3Document.Unavailable missing) {
            unreadable.add(new Unreadable(subject, missing.severity(), missing.problem()));
            return;
        }
        S3Document.Found file = (S3Document.Found) found;
        String where = subject + " (" + GATEHOUSE_PUBLISHER + " of " + file.name() + ")";
        ObjectNode sub = JSON.createObjectNode();
        sub.putArray("Fn::Sub").add(file.text()).add(publisher.path("Values").isObject()
                ? publisher.get("Values") : JSON.createObjectNode());
        try {
            RestApiBody.document(sub).ifPresentOrElse(d -> documents.add(new Document(id, where, d, true, true)),
                    () -> unreadable.add(new Unreadable(where, Severity.ERROR, "the publisher's Values reuse a "
                            + "variable name with another value, so the document cannot be filled in.")));
        } catch (IllegalArgumentException notJson) {
            unreadable.add(new Unreadable(where, Severity.ERROR, notJson.getMessage()));
        }
    }

    /** A JSON or YAML text as a document; empty when it is neither (or not an object). */
    static Optional<JsonNode> parse(String text) {
        try {
            String trimmed = text.trim();
            JsonNode node = trimmed.startsWith("{") ? JSON.readTree(trimmed) : Yaml.mapper().readTree(trimmed);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
