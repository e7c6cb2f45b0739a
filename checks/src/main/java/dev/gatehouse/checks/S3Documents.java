package dev.gatehouse.checks;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where the checks find an OpenAPI document that a template keeps in S3: a RestApi's
 * {@code BodyS3Location}, or the {@code Location} of an {@code AWS::Include} transform in its
 * {@code Body}. The CDK writes such documents as file assets into the cloud assembly, so
 * {@link CloudAssembly} finds them there; {@link #NONE} is for a template on its own.
 */
@FunctionalInterface
public interface S3Documents {
    /** For a template checked without its cloud assembly: every S3 document is reported as unchecked. */
    S3Documents NONE = location -> new S3Document.Unavailable(Severity.WARNING, "the document is in S3 and only the "
            + "template was given, so it is not checked. Fix: check the cloud assembly (cdk.out) it came from: "
            + "DeployChecks.deployability(template, CloudAssembly.read(cdkOut)), or the command-line checker on the "
            + "cdk.out directory.");

    /**
     * The document at {@code location}: a {@code BodyS3Location} object ({@code Bucket},
     * {@code Key}), or an {@code AWS::Include} {@code Location} ({@code s3://bucket/key}, possibly
     * an intrinsic that builds it).
     */
    S3Document find(JsonNode location);
}
