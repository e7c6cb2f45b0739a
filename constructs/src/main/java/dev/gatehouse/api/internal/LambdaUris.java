package dev.gatehouse.api.internal;

import java.util.Optional;
import software.amazon.awscdk.Aws;

/** The API Gateway service URI through which integrations and authorizers invoke Lambda. */
public final class LambdaUris {
    private LambdaUris() {
    }

    /**
     * The invocation URI of {@code functionArn}. Its Region is the function's when the ARN names
     * one literally: API Gateway reaches a function in another Region only through that Region's
     * URI. Otherwise (a token) it is the stack's Region.
     */
    public static String invocation(String functionArn) {
        return lambdaPath(functionArn) + "2015-03-31/functions/" + functionArn + "/invocations";
    }

    /**
     * The URI through which API Gateway streams the response of {@code functionArn}
     * ({@code InvokeWithResponseStream}), in the Region {@link #invocation} chooses.
     */
    public static String streamingInvocation(String functionArn) {
        return lambdaPath(functionArn) + "2021-11-15/functions/" + functionArn + "/response-streaming-invocations";
    }

    private static String lambdaPath(String functionArn) {
        return "arn:" + literalSegment(functionArn, 1).orElse(Aws.PARTITION) + ":apigateway:"
                + literalSegment(functionArn, 3).orElse(Aws.REGION) + ":lambda:path/";
    }

    /**
     * Segment {@code index} of an ARN ({@code arn:partition:service:region:account:...}) when it is
     * written literally; empty for a token, an empty segment or a string that is not an ARN.
     */
    public static Optional<String> literalSegment(String arn, int index) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || parts[index].isEmpty() || Tokens.containsToken(parts[index])) {
            return Optional.empty();
        }
        return Optional.of(parts[index]);
    }
}
