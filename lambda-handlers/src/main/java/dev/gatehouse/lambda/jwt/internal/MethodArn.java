package dev.gatehouse.lambda.jwt.internal;

import dev.gatehouse.authorizer.policy.RouteKey;

/**
 * A parsed {@code methodArn}: {@code arn:{partition}:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}}.
 *
 * @param arn the whole ARN
 * @param prefix everything up to and including {@code {stage}/}
 * @param method the HTTP method
 * @param path the request path with a leading {@code /}
 */
public record MethodArn(String arn, String prefix, String method, String path) {
    /**
     * Parses a methodArn; null if it is not one. The prefix may not contain {@code *} or {@code ?},
     * which would turn the policy's resources into wider patterns.
     */
    public static MethodArn parse(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || parts[1].isEmpty() || !parts[2].equals("execute-api") || parts[3].isEmpty()
                || parts[4].isEmpty()) {
            return null;
        }
        String resource = parts[5];
        String[] pieces = resource.split("/", 4);
        if (pieces.length < 3 || pieces[0].isEmpty() || pieces[1].isEmpty()
                || !RouteKey.METHODS.contains(pieces[2])) {
            return null;
        }
        String prefix = arn.substring(0, arn.length() - resource.length()) + pieces[0] + "/" + pieces[1] + "/";
        // (The prefix starts with "arn:", so "> 0" would be the same: an equivalent mutant.)
        if (prefix.indexOf('*') >= 0 || prefix.indexOf('?') >= 0) {
            return null;
        }
        String path = "/" + (pieces.length == 4 ? pieces[3] : "");
        return new MethodArn(arn, prefix, pieces[2], path);
    }

    /** The part after the prefix: {@code METHOD/path-without-leading-slash}. */
    public String suffix() {
        return method + path;
    }

    /** Whether the ARN contains IAM wildcard characters (it would match more than this request). */
    public boolean hasWildcards() {
        // (A parsed ARN starts with "arn:", so "> 0" would be the same: an equivalent mutant.)
        return arn.indexOf('*') >= 0 || arn.indexOf('?') >= 0;
    }
}
