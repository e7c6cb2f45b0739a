package dev.gatehouse.api;

/**
 * An AWS WAF web ACL in front of the API's stage: an existing one, or a new one with AWS managed
 * rules (core rule set, known bad inputs, Amazon IP reputation list) and a per-IP rate limit.
 */
public final class WebAcl {
    /** Requests per IP per 5 minutes above which the managed default ACL blocks. */
    public static final int DEFAULT_RATE_LIMIT = 2000;

    private final String arn;
    private final int rateLimit;

    private WebAcl(String arn, int rateLimit) {
        this.arn = arn;
        this.rateLimit = rateLimit;
    }

    /** An existing REGIONAL web ACL. */
    public static WebAcl fromArn(String webAclArn) {
        if (webAclArn == null) {
            throw new IllegalArgumentException("WebAcl.fromArn needs the web ACL's ARN.");
        }
        return new WebAcl(webAclArn, 0);
    }

    /**
     * A new web ACL with AWS managed rule groups and a rate limit of
     * {@value #DEFAULT_RATE_LIMIT} requests per IP per 5 minutes.
     */
    public static WebAcl managedDefaults() {
        return new WebAcl(null, DEFAULT_RATE_LIMIT);
    }

    /**
     * A new web ACL with AWS managed rule groups and the given rate limit per IP per 5 minutes
     * (10 or more; 0 leaves the rate-based rule out).
     */
    public static WebAcl managedDefaults(int requestsPerIpPerFiveMinutes) {
        return new WebAcl(null, requestsPerIpPerFiveMinutes);
    }

    /** The ARN of an existing ACL, or null when Gatehouse creates one. */
    public String getArn() {
        return arn;
    }

    /** The rate limit of a created ACL (0: none). */
    public int getRateLimit() {
        return rateLimit;
    }
}
