package dev.gatehouse.integrations;

import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;

/**
 * Makes the integrations Gatehouse has, one kind each:
 * {@code api.route("GET /orders/{id}", Integrations.lambda(fn), options)}.
 */
public final class Integrations {
    private Integrations() {
    }

    /**
     * Lambda proxy integration: the function receives the whole request and returns the response
     * (streamed with {@link LambdaRouteIntegrationOptions#getStreamingMode()}).
     */
    public static RouteIntegration lambda(IFunction handler) {
        return new LambdaRouteIntegration(handler, LambdaRouteIntegrationOptions.builder().build());
    }

    /**
     * Lambda integration with options: proxy, or non-proxy with a
     * {@link LambdaRouteIntegrationOptions#getMapping() mapping} (request templates, integration
     * responses). Pass a {@code Version} or {@code Alias} to invoke a qualified function (needed for
     * SnapStart).
     */
    public static RouteIntegration lambda(IFunction handler, LambdaRouteIntegrationOptions options) {
        return new LambdaRouteIntegration(handler, options);
    }

    /**
     * HTTP proxy integration to an absolute URL. {@code {name}} in the URL is filled from the route
     * path variable of the same name, e.g. {@code GET /orders/{id}} to
     * {@code https://backend.example.com/orders/{id}}; the query string is passed through.
     */
    public static RouteIntegration http(String url) {
        return new HttpRouteIntegration(url, HttpRouteIntegrationOptions.builder().build());
    }

    /**
     * HTTP integration with options (backend method, timeout, streaming): proxy, or non-proxy with
     * a {@link HttpRouteIntegrationOptions#getMapping() mapping}.
     */
    public static RouteIntegration http(String url, HttpRouteIntegrationOptions options) {
        return new HttpRouteIntegration(url, options);
    }

    /**
     * Private HTTP proxy integration: requests go through a VPC link V2 to a load balancer listener
     * in a VPC ({@code PrivateTarget.of(listener)}), to the route's own path there. The link is the
     * one Gatehouse creates once per API in the load balancer's VPC.
     */
    public static RouteIntegration privateHttp(PrivateTarget target) {
        return new PrivateHttpRouteIntegration(target, PrivateHttpOptions.builder().build());
    }

    /**
     * Private HTTP proxy integration with options: backend path and host, a shared or imported VPC
     * link (or a legacy VPC link V1 to a Network Load Balancer), timeout, streaming.
     */
    public static RouteIntegration privateHttp(PrivateTarget target, PrivateHttpOptions options) {
        return new PrivateHttpRouteIntegration(target, options);
    }

    /** A static response from API Gateway itself, e.g. for a health route. */
    public static RouteIntegration mock(MockResponse response) {
        return new MockRouteIntegration(response);
    }

    /**
     * Runs a Step Functions workflow synchronously ({@code StartSyncExecution}, EXPRESS state
     * machines): the execution's output is the response body; a failed execution is 500, a timed
     * out one 504. The execution input is {@code {"body", "path", "querystring"}}.
     */
    public static RouteIntegration stepFunctions(IStateMachine stateMachine) {
        return new StepFunctionsRouteIntegration(stateMachine, StepFunctionsRouteIntegrationOptions.builder().build());
    }

    /**
     * Runs a Step Functions workflow with options: asynchronously (202 with the execution ARN),
     * error names mapped to 4xx statuses ({@code errorStatus("OrderNotFound", 404)}), what the
     * execution input carries.
     */
    public static RouteIntegration stepFunctions(IStateMachine stateMachine, StepFunctionsRouteIntegrationOptions options) {
        return new StepFunctionsRouteIntegration(stateMachine, options);
    }

    /** Sends the request body to an SQS queue ({@code SendMessage}); 202 with {@code {"messageId"}}. */
    public static RouteIntegration sqs(IQueue queue) {
        return new SqsRouteIntegration(queue, SqsRouteIntegrationOptions.builder().build());
    }

    /** Sends the request body to an SQS queue with options (a FIFO queue's message group, timeout). */
    public static RouteIntegration sqs(IQueue queue, SqsRouteIntegrationOptions options) {
        return new SqsRouteIntegration(queue, options);
    }

    /**
     * Puts the request body on an event bus as the detail of one event whose source and detail
     * type are the route's ({@code PutEvents}); 202 with {@code {"eventId"}}, and not a 200 when
     * EventBridge refused the entry.
     */
    public static RouteIntegration eventBridge(IEventBus bus, EventBridgeRouteIntegrationOptions options) {
        return new EventBridgeRouteIntegration(bus, options);
    }

    /**
     * Reads or writes a DynamoDB table: GetItem (the item as plain JSON, or 404), PutItem (the body
     * under the route's key; 204) or Query, with key values from path variables or the query string.
     */
    public static RouteIntegration dynamoDb(ITable table, DynamoDbRouteIntegrationOptions options) {
        return new DynamoDbRouteIntegration(table, options);
    }
}
