package dev.gatehouse.api;

/**
 * How the OpenAPI document is written into the RestApi's {@code Body} in the template. Both deploy
 * the same API; CloudFormation's resource schema types {@code Body} as an object or a string.
 */
public enum BodyFormat {
    /**
     * JSON text: an {@code Fn::Join} with one part per other top-level field and one per group of
     * about 16 path items, each a string or, when it names a function or the Region, an
     * {@code Fn::Sub}. Where a group ends depends only on the paths in it, so adding a route changes
     * one part, which is what {@code cdk diff} shows. Synthesis is several times faster for large
     * APIs. Only for documents whose deploy-time values need no JSON escaping (rule GH304).
     */
    JSON_TEXT,

    /**
     * A JSON object. The template shows every field of the document, but the CDK handles (and by
     * default validates) the object value by value: a thousand routes make synthesis several times
     * slower than a few.
     */
    OBJECT
}
