package dev.gatehouse.api;

/**
 * How the OpenAPI document is written into the RestApi's {@code Body} in the template. Both deploy
 * the same API; CloudFormation's resource schema types {@code Body} as an object or a string.
 */
public enum BodyFormat {
    /**
     * JSON text: an {@code Fn::Join} with one part per path item and per other top-level field,
     * each a string or, when it names a function or the Region, an {@code Fn::Sub}. Synthesis is
     * several times faster for large APIs, and {@code cdk diff} shows the changed paths' lines.
     * Only for documents whose deploy-time values need no JSON escaping (rule GH304).
     */
    JSON_TEXT,

    /**
     * A JSON object. The template shows every field of the document, but the CDK handles (and by
     * default validates) the object value by value: a thousand routes make synthesis several times
     * slower than a few.
     */
    OBJECT
}
