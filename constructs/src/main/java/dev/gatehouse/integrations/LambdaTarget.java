package dev.gatehouse.integrations;

import dev.gatehouse.api.internal.LambdaUris;
import java.util.Objects;

/**
 * A Lambda function as the routes of one API invoke it, from
 * {@link IntegrationContext#lambdaTarget}: the API may already invoke it.
 */
public final class LambdaTarget {
    private final String functionArn;
    private final String invocationUri;
    private final String path;
    private final boolean snapStartUnqualified;

    /**
     * @param functionArn the ARN the API invokes (qualified for a version or alias)
     * @param invocationUri the {@code arn:...:apigateway:...:lambda:path/.../invocations} URI
     * @param path the function's construct path, for messages
     * @param snapStartUnqualified whether the function has SnapStart on but is invoked unqualified
     */
    public LambdaTarget(String functionArn, String invocationUri, String path, boolean snapStartUnqualified) {
        this.functionArn = Objects.requireNonNull(functionArn, "functionArn");
        this.invocationUri = Objects.requireNonNull(invocationUri, "invocationUri");
        this.path = Objects.requireNonNull(path, "path");
        this.snapStartUnqualified = snapStartUnqualified;
    }

    /** The ARN the API invokes (qualified for a version or alias). */
    public String getFunctionArn() {
        return functionArn;
    }

    /** The integration URI API Gateway invokes the function through. */
    public String getInvocationUri() {
        return invocationUri;
    }

    /**
     * The integration URI through which API Gateway streams the function's response
     * ({@code .../2021-11-15/functions/{arn}/response-streaming-invocations}).
     */
    public String getStreamingInvocationUri() {
        return LambdaUris.streamingInvocation(functionArn);
    }

    /** The function's construct path, for messages. */
    public String getPath() {
        return path;
    }

    /** True when the function has SnapStart on but is invoked unqualified (rule GH204). */
    public boolean isSnapStartUnqualified() {
        return snapStartUnqualified;
    }
}
