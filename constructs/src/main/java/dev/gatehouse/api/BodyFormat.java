package dev.gatehouse.api;

/**
 * How the OpenAPI document is written into the RestApi's {@code Body} in the template. Both deploy
 * the same API and the same Deployment (its logical id hashes the document, not the format).
 */
public enum BodyFormat {
    /**
     * A JSON object, deploy-time values as {@code Fn::Sub} objects: the form aws-cdk-lib's
     * {@code SpecRestApi}, SAM and CloudFormation's own examples deploy every day. The default.
     */
    OBJECT,

    /**
     * Opt-in, <b>not yet proven by a deployment</b>: JSON text, an {@code Fn::Join} with one part
     * per other top-level field and one per group of about 16 path items, each a string or, when it
     * names a function or the Region, an {@code Fn::Sub}. CloudFormation's resource schema accepts a
     * string {@code Body}, but whether its resource handler passes the text to API Gateway's import
     * as the document (rather than as a quoted JSON string, which the import rejects) is not known;
     * see docs/design.md. What it buys: about half a second less synthesis per 1,000 routes with
     * the CDK's template validation on (docs/benchmarks.md), and a third smaller template. Only for
     * documents whose deploy-time values need no JSON escaping (rule GH304).
     */
    JSON_TEXT
}
