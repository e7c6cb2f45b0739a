package dev.gatehouse.sample;

import dev.gatehouse.api.Authorization;
import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.Integration;
import dev.gatehouse.api.MockResponse;
import dev.gatehouse.api.RouteOptions;
import dev.gatehouse.api.StageOptions;
import dev.gatehouse.api.ThrottleSettings;
import dev.gatehouse.functions.EchoFunction;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * The sample API: orders served by the bundled echo function, a catalog proxied to an HTTP
 * backend, and a public health check answered by API Gateway itself.
 */
public class SampleStack extends Stack {
    private final GatewayApi api;

    public SampleStack(Construct scope, String id, StackProps props) {
        super(scope, id, props);

        EchoFunction orders = new EchoFunction(this, "Orders");

        api = GatewayApi.Builder.create(this, "Api")
                .apiName("gatehouse-sample")
                .description("Gatehouse sample API")
                .stage(StageOptions.builder()
                        .stageName("prod")
                        .throttle(ThrottleSettings.of(50, 100))
                        .build())
                .build();

        RouteOptions signed = RouteOptions.of(Authorization.iam());
        api.route("GET /orders", Integration.lambda(orders), signed);
        api.route("POST /orders", Integration.lambda(orders), signed);
        api.route("GET /orders/{id}", Integration.lambda(orders), RouteOptions.builder()
                .authorization(Authorization.iam())
                .throttle(ThrottleSettings.of(20, 40))
                .operationId("getOrder")
                .build());
        api.route("ANY /catalog/{proxy+}",
                Integration.http("https://catalog.example.com/api/{proxy}"), signed);
        api.route("GET /health", Integration.mock(MockResponse.builder()
                        .header("Cache-Control", "no-store")
                        .body("{\"status\":\"ok\"}")
                        .build()),
                RouteOptions.builder().authorization(Authorization.none()).summary("Liveness check").build());
    }

    public GatewayApi getApi() {
        return api;
    }
}
