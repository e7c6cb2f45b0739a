package dev.gatehouse.api.internal;

import software.amazon.awscdk.Aws;

/** The API Gateway service URI through which integrations and authorizers invoke Lambda. */
public final class LambdaUris {
    private LambdaUris() {
    }

    public static String invocation(String functionArn) {
        return "arn:" + Aws.PARTITION + ":apigateway:" + Aws.REGION
                + ":lambda:path/2015-03-31/functions/" + functionArn + "/invocations";
    }
}
