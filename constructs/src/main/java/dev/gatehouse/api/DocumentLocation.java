package dev.gatehouse.api;

/**
 * Where the RestApi finds its OpenAPI document: in the template ({@code Body}) or in S3
 * ({@code BodyS3Location}). Both deploy the same API and the same Deployment (its logical id
 * hashes the document, not where it is), and {@link GatewayApi#getOpenApiDocument()} is the same.
 * See docs/design.md, "Documents too large for the template".
 */
public enum DocumentLocation {
    /**
     * In the template while the stack's inline documents together stay within
     * {@link dev.gatehouse.Defaults#INLINE_DOCUMENTS_BUDGET_BYTES} as the template writes them
     * (APIs are taken in the order they were added to the stack); past that budget, in S3. The
     * default.
     */
    AUTOMATIC,

    /**
     * Always in the template, as the {@code Body}. A document that, with the stack's other inline
     * documents, passes the budget is a warning (GH702); past CloudFormation's template size it is an
     * error (GH701).
     */
    INLINE,

    /**
     * Always in S3: the document is synthesized as a file asset with deploy-time values as
     * placeholders, and a custom resource (a bundled Java function) fills them in at deploy time and
     * writes the result to a bucket Gatehouse creates for the API (encrypted, versioned, public
     * access blocked, TLS only); the RestApi's {@code BodyS3Location} names that object. Adds a
     * bucket with its policy, the function with its role, policy and log group, and the custom
     * resource to the stack.
     */
    S3
}
