package dev.gatehouse.lambda.database;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gatehouse.lambda.database.internal.IamAuthTokenProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsUtilities;

/**
 * Run by {@link ShadedJarSmokeTest} in a separate JVM whose class path is only the shaded
 * database-proxy jar (plus this class): builds the handler from the environment as Lambda would,
 * answers one request, and generates an IAM token, printing both.
 */
public final class ShadedJarSmoke {
    private ShadedJarSmoke() {
    }

    public static void main(String[] args) {
        DatabaseProxyHandler handler = new DatabaseProxyHandler();
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod("GET").withResource("/answer").withPath("/answer")
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("smoke"));
        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);
        System.out.println("STATUS " + response.getStatusCode());
        System.out.println("BODY " + response.getBody());
        RdsUtilities rds = RdsUtilities.builder().region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create()).build();
        String token = IamAuthTokenProvider.rdsGenerator(rds, "db.example.com", 5432, "app").generate();
        System.out.println("TOKEN " + token.substring(0, token.indexOf("&X-Amz-Signature")));
    }
}
