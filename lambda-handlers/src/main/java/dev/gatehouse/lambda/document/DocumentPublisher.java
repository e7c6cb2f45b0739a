package dev.gatehouse.lambda.document;

import dev.gatehouse.lambda.document.internal.CustomResourceRequest;
import dev.gatehouse.lambda.document.internal.CustomResourceResponse;
import dev.gatehouse.lambda.document.internal.DocumentException;
import dev.gatehouse.lambda.document.internal.DocumentTemplate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Publishes an OpenAPI document for a RestApi's {@code BodyS3Location}: the custom resource
 * {@value #RESOURCE_TYPE}.
 *
 * <p>On {@code Create} and {@code Update} it reads the document Gatehouse synthesized (a file asset
 * at {@value #SOURCE_BUCKET}/{@value #SOURCE_KEY}), fills in its placeholders from
 * {@value #VALUES} ({@link DocumentTemplate}), checks that the result is one JSON object within API
 * Gateway's import limit, and writes it to {@value #BUCKET} under
 * {@code <}{@value #KEY_PREFIX}{@code ><sha256>.json}. The key is the content's hash, so a changed
 * document is a new object and an old one stays where a rollback looks for it. An object already
 * at that key with the same hash is not written again: a retried request answers with the same
 * version. The answer's attributes are {@value #ATTRIBUTE_BUCKET}, {@value #ATTRIBUTE_KEY} and
 * {@value #ATTRIBUTE_VERSION}.
 *
 * <p>{@code Delete} does nothing: documents stay, for a rollback to read them again, until the
 * bucket is emptied by hand.
 */
public final class DocumentPublisher {
    /** The custom resource type Gatehouse declares. */
    public static final String RESOURCE_TYPE = "Custom::GatehouseOpenApiDocument";
    /** Property: the bucket of the synthesized document (a CDK file asset). */
    public static final String SOURCE_BUCKET = "SourceBucket";
    /** Property: the key of the synthesized document. */
    public static final String SOURCE_KEY = "SourceKey";
    /** Property: the bucket to write the filled document to. */
    public static final String BUCKET = "Bucket";
    /** Property: the start of the key the filled document is written under. */
    public static final String KEY_PREFIX = "KeyPrefix";
    /** Property: each placeholder's value, by name. */
    public static final String VALUES = "Values";
    /** Attribute: the bucket the document is in. */
    public static final String ATTRIBUTE_BUCKET = "Bucket";
    /** Attribute: the document's key. */
    public static final String ATTRIBUTE_KEY = "Key";
    /** Attribute: the object's version. */
    public static final String ATTRIBUTE_VERSION = "VersionId";
    /** Object metadata holding the document's SHA-256 (hex). */
    static final String SHA256_METADATA = "gatehouse-sha256";
    /**
     * API Gateway's limit for a document it imports ({@code PutRestApi}: "The maximum size of the API
     * definition file is 6MB"), read as 6 MiB.
     */
    public static final long MAX_DOCUMENT_BYTES = 6L * 1024 * 1024;

    private final S3Client s3;

    public DocumentPublisher(S3Client s3) {
        this.s3 = s3;
    }

    /** Handles one request; every outcome is an answer for CloudFormation, failures included. */
    public CustomResourceResponse handle(CustomResourceRequest request) {
        try {
            return switch (String.valueOf(request.requestType())) {
                case "Create", "Update" -> publish(request);
                case "Delete" -> CustomResourceResponse.success(request, request.physicalResourceId(), Map.of());
                default -> CustomResourceResponse.failed(request, "unknown RequestType " + request.requestType() + ".");
            };
        } catch (DocumentException e) {
            return CustomResourceResponse.failed(request, e.getMessage());
        }
    }

    private CustomResourceResponse publish(CustomResourceRequest request) {
        String sourceBucket = request.requiredText(SOURCE_BUCKET);
        String sourceKey = request.requiredText(SOURCE_KEY);
        String bucket = request.requiredText(BUCKET);
        Object prefixProperty = request.properties().get(KEY_PREFIX);
        String prefix = prefixProperty == null ? "" : String.valueOf(prefixProperty);
        Map<String, String> values = request.requiredStrings(VALUES);

        String template = s3("GetObject", sourceBucket, sourceKey,
                () -> s3.getObjectAsBytes(b -> b.bucket(sourceBucket).key(sourceKey)).asUtf8String());
        String document = DocumentTemplate.fill(template, values);
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            throw new DocumentException("the document is " + bytes.length + " bytes, more than the " + MAX_DOCUMENT_BYTES
                    + " bytes (6 MB) API Gateway imports; split the API into several APIs.");
        }
        DocumentTemplate.requireJsonObject(document);
        byte[] digest = sha256(bytes);
        String hex = HexFormat.of().formatHex(digest);
        String key = prefix + hex + ".json";
        String version = existingVersion(bucket, key, hex).orElseGet(() -> put(bucket, key, bytes, digest, hex));
        System.out.println("gatehouse-openapi-document: " + request.requestType() + " " + request.logicalResourceId()
                + ": s3://" + bucket + "/" + key + " version " + version + " (" + bytes.length + " bytes)");
        return CustomResourceResponse.success(request, "s3://" + bucket + "/" + key,
                Map.of(ATTRIBUTE_BUCKET, bucket, ATTRIBUTE_KEY, key, ATTRIBUTE_VERSION, version));
    }

    /** The version of the object already at {@code key} when it holds this document. */
    private Optional<String> existingVersion(String bucket, String key, String hex) {
        return s3("HeadObject", bucket, key, () -> {
            try {
                HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
                return hex.equals(head.metadata().get(SHA256_METADATA)) ? Optional.ofNullable(head.versionId())
                        : Optional.<String>empty();
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return Optional.<String>empty();
                }
                throw e;
            }
        });
    }

    /** One S3 call; a failure names the operation and the object. */
    private static <T> T s3(String operation, String bucket, String key, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw new DocumentException("S3 " + operation + " s3://" + bucket + "/" + key + " failed: " + e.getMessage());
        }
    }

    private String put(String bucket, String key, byte[] bytes, byte[] digest, String hex) {
        PutObjectResponse put = s3("PutObject", bucket, key, () -> s3.putObject(b -> b.bucket(bucket).key(key)
                .contentType("application/json")
                .checksumSHA256(Base64.getEncoder().encodeToString(digest))
                .metadata(Map.of(SHA256_METADATA, hex)), RequestBody.fromBytes(bytes)));
        if (put.versionId() == null) {
            throw new DocumentException("the bucket " + bucket + " did not return a version for " + key
                    + "; the document bucket must have versioning on.");
        }
        return put.versionId();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
