package dev.gatehouse.api.internal;

import dev.gatehouse.Defaults;
import dev.gatehouse.functions.internal.BundledFunctionProps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigateway.CfnRestApi;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.assets.Asset;
import software.constructs.Construct;

/**
 * An API's OpenAPI document in S3, for the RestApi's {@code BodyS3Location}. The document is
 * synthesized as a file asset: its JSON text with each deploy-time value as a placeholder in
 * {@code Fn::Sub} syntax (<code>${OrdersA9B65338.Arn}</code>, <code>${AWS::Region}</code>,
 * <code>${GatehouseValue0}</code>, <code>${GatehouseDollarBrace}</code> for a literal
 * <code>${</code>). A custom resource ({@value #RESOURCE_TYPE}, the bundled {@code openapi-document}
 * function) reads it at deploy time, fills in the values it is given as properties, and writes the
 * result to this API's document bucket under a key made of its SHA-256; its attributes
 * {@code Bucket}, {@code Key} and {@code VersionId} are the RestApi's {@code BodyS3Location}.
 *
 * <p>Least privilege: the function may read the one asset object, read and write objects under
 * {@value #KEY_PREFIX} in its own bucket, and list that bucket (so that a document not written yet
 * is a 404, not a 403); nothing else. The bucket is encrypted (S3-managed keys, which
 * CloudFormation's role can read without a KMS grant), versioned, blocks public access and refuses
 * requests without TLS. It is kept when the stack is deleted, with its documents: a rollback reads
 * old documents again, and the custom resource's delete does nothing.
 */
public final class DocumentInS3 extends Construct {
    /** The custom resource type, as the publisher knows it. */
    public static final String RESOURCE_TYPE = "Custom::GatehouseOpenApiDocument";
    /** The start of every document's key in the bucket. */
    public static final String KEY_PREFIX = "openapi/";
    /** Entry point of the bundled publisher. */
    static final String HANDLER = "dev.gatehouse.lambda.document.DocumentPublisherHandler::handleRequest";

    /** Where this JVM writes document assets (see {@link #privateDirectory()}). */
    private static Path privateDirectory;

    private final CustomResource resource;
    private final Bucket bucket;
    private final Asset asset;

    /**
     * @param text the document's JSON text with placeholders
     * @param values each placeholder's value, by name: tokens the CDK resolves, or plain strings
     */
    public DocumentInS3(Construct scope, String id, String text, Map<String, Object> values) {
        super(scope, id);
        this.asset = Asset.Builder.create(this, "Asset").path(assetFile(text).toString()).build();
        this.bucket = Bucket.Builder.create(this, "Bucket")
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true)
                .versioned(true)
                .build();
        Function publisher = new Function(this, "Publisher", BundledFunctionProps.of(this, "Publisher",
                        "openapi-document", HANDLER, Map.of())
                .description("Writes the OpenAPI document of " + scope.getNode().getPath() + " to S3 (Gatehouse)")
                .timeout(Duration.seconds(Defaults.DOCUMENT_PUBLISHER_TIMEOUT_SECONDS))
                .build());
        IRole role = publisher.getRole();
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject"))
                .resources(List.of(asset.getBucket().arnForObjects(asset.getS3ObjectKey())))
                .build());
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject", "s3:PutObject"))
                .resources(List.of(bucket.arnForObjects(KEY_PREFIX + "*")))
                .build());
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(bucket.getBucketArn()))
                .build());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("SourceBucket", asset.getS3BucketName());
        properties.put("SourceKey", asset.getS3ObjectKey());
        properties.put("Bucket", bucket.getBucketName());
        properties.put("KeyPrefix", KEY_PREFIX);
        properties.put("Values", values);
        this.resource = CustomResource.Builder.create(this, "Resource")
                .serviceToken(publisher.getFunctionArn())
                .resourceType(RESOURCE_TYPE)
                .properties(properties)
                // an answer lost to a crash fails the deployment in minutes, not CloudFormation's hour
                .serviceTimeout(Duration.seconds(Defaults.DOCUMENT_PUBLISHER_SERVICE_TIMEOUT_SECONDS))
                .build();
        // the function may only run once its permissions are attached
        resource.getNode().addDependency(role);
        // aws:asset:path and aws:asset:property, as the CDK marks the resources that use assets (for
        // tools reading cdk.out: the offline checks, a local gateway)
        asset.addResourceMetadata((CfnResource) resource.getNode().getDefaultChild(), "SourceKey");
    }

    /** Where the RestApi imports the document from. */
    public CfnRestApi.S3LocationProperty location() {
        return CfnRestApi.S3LocationProperty.builder()
                .bucket(resource.getAttString("Bucket"))
                .key(resource.getAttString("Key"))
                .version(resource.getAttString("VersionId"))
                .build();
    }

    /** The bucket the documents are written to. */
    public Bucket bucket() {
        return bucket;
    }

    /** The synthesized document with placeholders. */
    public Asset asset() {
        return asset;
    }

    /**
     * The text as a file named after its content, in a directory of this JVM's own (created with
     * only its user's permissions, so nobody else can plant a file where the asset is read), written
     * once per content: an unchanged document is an unchanged asset, and an existing file is reused
     * only when its bytes are the text's.
     */
    static Path assetFile(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path dir = privateDirectory().resolve("openapi-" + Hashing.sha256Hex(bytes));
        Path file = dir.resolve("openapi.json");
        try {
            if (Files.isRegularFile(file) && Files.size(file) == bytes.length
                    && Arrays.equals(Files.readAllBytes(file), bytes)) {
                return file;
            }
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, "openapi", ".partial");
            Files.write(partial, bytes);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the OpenAPI document asset to " + file, e);
        }
    }

    /** A directory under java.io.tmpdir that only this JVM's user may read or write, made once per JVM. */
    private static synchronized Path privateDirectory() {
        if (privateDirectory == null) {
            try {
                privateDirectory = Files.createTempDirectory("gatehouse-assets-");
            } catch (IOException e) {
                throw new UncheckedIOException("could not create a directory for OpenAPI document assets under "
                        + System.getProperty("java.io.tmpdir"), e);
            }
        }
        return privateDirectory;
    }
}
