package dev.gatehouse.integrations;

import static dev.gatehouse.testing.Fixtures.countResources;
import static dev.gatehouse.testing.Fixtures.onlyResource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.Authorization;
import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.RouteOptions;
import dev.gatehouse.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Function;

/** Streamed and buffered Lambda and HTTP proxy routes of one API, synthesized once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponseStreamingTest {
    private JsonNode template;
    private JsonNode paths;
    private String functionId;

    @BeforeAll
    void synthesize() {
        // Given one Node.js function behind a streamed and a buffered route, and a streamed HTTP proxy
        App app = new App();
        Stack stack = new Stack(app, "Chat");
        Function fn = Fixtures.function(stack, "Answer");
        GatewayApi api = GatewayApi.Builder.create(stack, "Api").defaultAuthorization(Authorization.iam()).build();
        api.route("POST /chat", Integrations.lambda(fn, LambdaRouteIntegrationOptions.builder()
                .streamingMode(StreamingMode.STREAM).timeout(Duration.minutes(15)).build()), RouteOptions.builder().build());
        api.route("GET /chat/{id}", Integrations.lambda(fn), RouteOptions.builder().build());
        api.route("GET /videos/{proxy+}", Integrations.http("https://media.example.com/{proxy}",
                HttpRouteIntegrationOptions.builder().streamingMode(StreamingMode.STREAM).build()),
                RouteOptions.builder().build());

        // When it is synthesized
        template = Fixtures.templateJson(stack);
        paths = onlyResource(template, "AWS::ApiGateway::RestApi").at("/Properties/Body/paths");
        functionId = onlyResource(template, "AWS::Lambda::Function").get("id").asText();
    }

    @Test
    void aStreamedLambdaRouteInvokesWithResponseStream() {
        JsonNode chat = paths.at("/~1chat/post/x-amazon-apigateway-integration");
        assertEquals("aws_proxy", chat.get("type").asText());
        assertEquals("STREAM", chat.get("responseTransferMode").asText());
        assertEquals("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2021-11-15/functions/${"
                + functionId + ".Arn}/response-streaming-invocations", chat.at("/uri/Fn::Sub").asText());
        // up to 15 minutes, past the 29 s of a buffered route
        assertEquals(900_000, chat.get("timeoutInMillis").asInt());
    }

    @Test
    void aBufferedRouteOfTheSameFunctionKeepsTheInvokeUriAndOnePermission() {
        JsonNode buffered = paths.at("/~1chat~1{id}/get/x-amazon-apigateway-integration");
        assertFalse(buffered.has("responseTransferMode"), buffered.toString());
        assertEquals("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${"
                + functionId + ".Arn}/invocations", buffered.at("/uri/Fn::Sub").asText());
        // InvokeWithResponseStream is authorized by lambda:InvokeFunction: one permission for both
        assertEquals(1, countResources(template, "AWS::Lambda::Permission"));
    }

    @Test
    void aStreamedHttpProxyRouteSaysSo() {
        JsonNode videos = paths.at("/~1videos~1{proxy+}/get/x-amazon-apigateway-integration");
        assertEquals("http_proxy", videos.get("type").asText());
        assertEquals("STREAM", videos.get("responseTransferMode").asText());
        assertFalse(videos.has("timeoutInMillis"));
    }

    @Test
    void passesTheDeployChecks() {
        Fixtures.assertPassesDeployChecks(template);
    }
}
