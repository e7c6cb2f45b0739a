package dev.gatehouse.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.api.Authorization;
import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.RouteOptions;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueAttributes;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;

/**
 * The mapping templates of the AWS-service and Step Functions routes, as the document has them,
 * run with a real VTL engine (ApiGatewayVtl): what each service receives for a request, and what
 * the client receives for each of the service's answers (AWS's API references for
 * StartSyncExecution, StartExecution, SendMessage, PutEvents, GetItem, PutItem and Query).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MappingTemplatesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MACHINE = "arn:aws:states:eu-west-1:123456789012:stateMachine:checkout";
    private static final String REQUEST_ID = "c0ffee00-0000-4000-8000-000000000001";
    private JsonNode paths;

    @BeforeAll
    void declare() {
        // Given routes to targets imported by ARN, so the templates hold literal values
        App app = new App();
        Stack stack = new Stack(app, "S");
        IStateMachine checkout = StateMachine.fromStateMachineArn(stack, "Checkout", MACHINE);
        ITable orders = Table.fromTableArn(stack, "Orders", "arn:aws:dynamodb:eu-west-1:123456789012:table/orders");
        GatewayApi api = new GatewayApi(stack, "Api");
        RouteOptions iam = RouteOptions.of(Authorization.iam());
        api.route("POST /checkout/{cart}", Integrations.stepFunctions(checkout, StepFunctionsRouteIntegrationOptions.builder()
                .stateMachineType(StateMachineType.EXPRESS).errorStatus("OrderNotFound", 404)
                .headers(List.of("X-Request-Id")).includeAuthorizerContext(true).build()), iam);
        api.route("POST /checkout-explained", Integrations.stepFunctions(checkout, StepFunctionsRouteIntegrationOptions.builder()
                .stateMachineType(StateMachineType.EXPRESS).exposeErrorCause(true).build()), iam);
        api.route("POST /fulfilments", Integrations.stepFunctions(checkout, StepFunctionsRouteIntegrationOptions.builder()
                .execution(StepFunctionsExecution.ASYNCHRONOUS).build()), iam);
        api.route("POST /jobs", Integrations.sqs(Queue.fromQueueArn(stack, "Jobs", "arn:aws:sqs:eu-west-1:123456789012:jobs")), iam);
        api.route("POST /fifo", Integrations.sqs(Queue.fromQueueAttributes(stack, "Fifo", QueueAttributes.builder()
                .queueArn("arn:aws:sqs:eu-west-1:123456789012:jobs.fifo").fifo(true).build()),
                SqsRouteIntegrationOptions.builder().messageGroupId("orders").build()), iam);
        api.route("POST /events", Integrations.eventBridge(
                EventBus.fromEventBusArn(stack, "Bus", "arn:aws:events:eu-west-1:123456789012:event-bus/orders"),
                EventBridgeRouteIntegrationOptions.builder().source("com.example.orders").detailType("OrderPlaced").build()), iam);
        Attribute customer = Attribute.builder().name("customer").type(AttributeType.STRING).build();
        Attribute orderId = Attribute.builder().name("orderId").type(AttributeType.NUMBER).build();
        api.route("GET /customers/{customer}/orders/{orderId}", Integrations.dynamoDb(orders,
                DynamoDbRouteIntegrationOptions.builder().action(DynamoDbAction.GET_ITEM)
                        .partitionKeyAttribute(customer).sortKeyAttribute(orderId)
                        .partitionKey(DynamoDbKeyValue.fromPath("customer")).sortKey(DynamoDbKeyValue.fromPath("orderId"))
                        .consistentRead(true).build()), iam);
        api.route("PUT /customers/{customer}/orders/{orderId}", Integrations.dynamoDb(orders,
                DynamoDbRouteIntegrationOptions.builder().action(DynamoDbAction.PUT_ITEM)
                        .partitionKeyAttribute(customer).sortKeyAttribute(orderId)
                        .partitionKey(DynamoDbKeyValue.fromPath("customer")).sortKey(DynamoDbKeyValue.fromPath("orderId"))
                        .build()), iam);
        api.route("GET /customers/{customer}/orders", Integrations.dynamoDb(orders,
                DynamoDbRouteIntegrationOptions.builder().action(DynamoDbAction.QUERY).indexName("byDay")
                        .partitionKeyAttribute(customer)
                        .sortKeyAttribute(Attribute.builder().name("day").type(AttributeType.STRING).build())
                        .partitionKey(DynamoDbKeyValue.fromPath("customer")).sortKey(DynamoDbKeyValue.fromQueryString("month"))
                        .sortKeyBeginsWith(true).limit(10).scanIndexForward(false).build()), iam);
        paths = api.getOpenApiDocument().get("paths");
    }

    private JsonNode integration(String path, String method) {
        return paths.get(path).get(method).get("x-amazon-apigateway-integration");
    }

    private String requestTemplate(String path, String method) {
        return integration(path, method).at("/requestTemplates/application~1json").asText();
    }

    private String responseTemplate(String path, String method, String selection) {
        return integration(path, method).get("responses").get(selection).at("/responseTemplates/application~1json").asText();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static Map<String, String> map(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    // ---- Step Functions ----------------------------------------------------------------------

    @Test
    void theExecutionInputCarriesBodyPathQueryAllowedHeadersAndAuthorizer() {
        // Given a request with awkward characters everywhere, and a credential header
        ApiGatewayVtl.Request request = new ApiGatewayVtl.Request(
                "{\"items\":[1,2],\"note\":\"it's \\\"ok\\\" / \u00e9\\n\"}",
                map("cart", "c'1"), map("coupon", "a\"b\\c"),
                map("X-Request-Id", "r-1", "Authorization", "Bearer secret"), Map.of("sub", "user-1"));

        // When the request template runs
        JsonNode call = json(ApiGatewayVtl.request(requestTemplate("/checkout/{cart}", "post"), request).body());

        // Then Step Functions gets the ARN, the request id as name, and the input as JSON text
        assertEquals(MACHINE, call.get("stateMachineArn").asText());
        assertEquals(REQUEST_ID, call.get("name").asText());
        JsonNode input = json(call.get("input").asText());
        assertEquals(json("{\"items\":[1,2],\"note\":\"it's \\\"ok\\\" / \u00e9\\n\"}"), input.get("body"));
        assertEquals(json("{\"cart\":\"c'1\"}"), input.get("path"));
        assertEquals(json("{\"coupon\":\"a\\\"b\\\\c\"}"), input.get("querystring"));
        assertEquals(json("{\"X-Request-Id\":\"r-1\"}"), input.get("headers"), "only the allowed header");
        assertEquals(json("{\"sub\":\"user-1\"}"), input.get("authorizer"));
    }

    @Test
    void anEmptyBodyIsNullAndDefaultsLeaveHeadersAndAuthorizerOut() {
        ApiGatewayVtl.Request request = new ApiGatewayVtl.Request("", Map.of(), Map.of(), map("X-Request-Id", "r-1"),
                Map.of("sub", "user-1"));
        JsonNode input = json(json(ApiGatewayVtl.request(requestTemplate("/checkout-explained", "post"), request).body())
                .get("input").asText());
        assertEquals(json("{\"body\":null,\"path\":{},\"querystring\":{}}"), input);
    }

    @Test
    void aSucceededExecutionAnswersItsOutput() {
        ApiGatewayVtl.Result result = ApiGatewayVtl.response(responseTemplate("/checkout/{cart}", "post", "default"),
                "{\"status\":\"SUCCEEDED\",\"output\":\"{\\\"total\\\":42}\",\"executionArn\":\"arn:x\"}");
        assertEquals(json("{\"total\":42}"), json(result.body()));
        assertNull(result.status(), "200, the integration response's status");
    }

    @Test
    void aMappedWorkflowErrorIsItsStatusWithoutTheCause() {
        ApiGatewayVtl.Result result = ApiGatewayVtl.response(responseTemplate("/checkout/{cart}", "post", "default"),
                "{\"status\":\"FAILED\",\"error\":\"OrderNotFound\",\"cause\":\"order 42 of arn:aws:secret\"}");
        assertEquals(404, result.status());
        assertEquals(json("{\"error\":\"OrderNotFound\"}"), json(result.body()));
    }

    @Test
    void otherFailuresAre500AndTimeouts504() {
        String template = responseTemplate("/checkout/{cart}", "post", "default");
        ApiGatewayVtl.Result failed = ApiGatewayVtl.response(template,
                "{\"status\":\"FAILED\",\"error\":\"States.TaskFailed\",\"cause\":\"stack trace\"}");
        assertEquals(500, failed.status());
        assertEquals(json("{\"message\":\"The workflow failed\"}"), json(failed.body()));
        ApiGatewayVtl.Result aborted = ApiGatewayVtl.response(template, "{\"status\":\"ABORTED\"}");
        assertEquals(500, aborted.status());
        ApiGatewayVtl.Result timedOut = ApiGatewayVtl.response(template, "{\"status\":\"TIMED_OUT\",\"error\":\"States.Timeout\"}");
        assertEquals(504, timedOut.status());
        assertEquals(json("{\"message\":\"The workflow timed out\"}"), json(timedOut.body()));
    }

    @Test
    void theCauseIsToldOnlyWhenTheRouteAllowsIt() {
        ApiGatewayVtl.Result result = ApiGatewayVtl.response(responseTemplate("/checkout-explained", "post", "default"),
                "{\"status\":\"FAILED\",\"error\":\"Oops\",\"cause\":\"the \\\"cause\\\"\"}");
        assertEquals(500, result.status());
        assertEquals(json("{\"message\":\"The workflow failed\",\"cause\":\"the \\\"cause\\\"\"}"), json(result.body()));
    }

    @Test
    void anAsynchronousExecutionAnswers202WithItsArn() {
        JsonNode integration = integration("/fulfilments", "post");
        assertEquals("202", integration.at("/responses/default/statusCode").asText());
        assertTrue(integration.get("uri").asText().endsWith(":apigateway:eu-west-1:states:action/StartExecution"),
                integration.get("uri").asText());
        ApiGatewayVtl.Result result = ApiGatewayVtl.response(responseTemplate("/fulfilments", "post", "default"),
                "{\"executionArn\":\"arn:aws:states:eu-west-1:123456789012:execution:checkout:r1\",\"startDate\":1.7E9}");
        assertEquals(json("{\"executionArn\":\"arn:aws:states:eu-west-1:123456789012:execution:checkout:r1\"}"),
                json(result.body().replace("\\/", "/")));
    }

    // ---- The services' own errors ------------------------------------------------------------

    @Test
    void serviceErrorsAreThrottlingConfigurationOrBadInput() {
        String template = responseTemplate("/jobs", "post", "4\\d{2}");
        ApiGatewayVtl.Result throttled = ApiGatewayVtl.response(template,
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\"}");
        assertEquals(429, throttled.status());
        ApiGatewayVtl.Result denied = ApiGatewayVtl.response(template,
                "{\"__type\":\"AccessDeniedException\",\"message\":\"User arn:aws:sts::123:assumed-role/x is not authorized\"}");
        assertEquals(500, denied.status());
        assertEquals(json("{\"message\":\"Internal server error\"}"), json(denied.body()), "nothing about the role");
        ApiGatewayVtl.Result missingQueue = ApiGatewayVtl.response(template,
                "{\"Error\":{\"Code\":\"AWS.SimpleQueueService.NonExistentQueue\",\"Type\":\"Sender\"}}");
        assertEquals(500, missingQueue.status());
        ApiGatewayVtl.Result invalid = ApiGatewayVtl.response(template,
                "{\"Error\":{\"Code\":\"InvalidMessageContents\",\"Type\":\"Sender\"}}");
        assertNull(invalid.status(), "400, the integration response's status");
        assertEquals(json("{\"message\":\"Bad request\"}"), json(invalid.body()));
    }

    // ---- SQS ---------------------------------------------------------------------------------

    @Test
    void sqsGetsTheBodyAsTheMessageAndAnswersTheMessageId() {
        String body = "{\"job\":\"resize\",\"note\":\"a&b=c\"}";
        String form = ApiGatewayVtl.request(requestTemplate("/jobs", "post"), ApiGatewayVtl.Request.body(body)).body();
        Map<String, String> fields = formFields(form);
        assertEquals(Map.of("Action", "SendMessage", "Version", "2012-11-05", "MessageBody", body), fields);

        ApiGatewayVtl.Result result = ApiGatewayVtl.response(responseTemplate("/jobs", "post", "default"),
                "{\"SendMessageResponse\":{\"ResponseMetadata\":{\"RequestId\":\"x\"},\"SendMessageResult\":"
                        + "{\"MD5OfMessageBody\":\"d41d\",\"MessageId\":\"5fea7756-0ea4-451a-a703-a558b933e274\"}}}");
        assertEquals(json("{\"messageId\":\"5fea7756-0ea4-451a-a703-a558b933e274\"}"), json(result.body()));
    }

    @Test
    void aFifoQueueGetsTheRoutesGroupAndTheRequestIdForDeduplication() {
        Map<String, String> fields = formFields(ApiGatewayVtl.request(requestTemplate("/fifo", "post"),
                ApiGatewayVtl.Request.body("{}")).body());
        assertEquals("orders", fields.get("MessageGroupId"));
        assertEquals(REQUEST_ID, fields.get("MessageDeduplicationId"));
    }

    private static Map<String, String> formFields(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    // ---- EventBridge -------------------------------------------------------------------------

    @Test
    void eventBridgeGetsOneEntryWithTheBodyAsDetail() {
        String body = "{\"orderId\":42,\"note\":\"it's\"}";
        JsonNode call = json(ApiGatewayVtl.request(requestTemplate("/events", "post"), ApiGatewayVtl.Request.body(body)).body());
        assertEquals(1, call.get("Entries").size());
        JsonNode entry = call.get("Entries").get(0);
        assertEquals("com.example.orders", entry.get("Source").asText());
        assertEquals("OrderPlaced", entry.get("DetailType").asText());
        assertEquals("arn:aws:events:eu-west-1:123456789012:event-bus/orders", entry.get("EventBusName").asText());
        assertEquals(json(body), json(entry.get("Detail").asText()));
    }

    @Test
    void aRefusedEntryIsNotASuccess() {
        String template = responseTemplate("/events", "post", "default");
        ApiGatewayVtl.Result ok = ApiGatewayVtl.response(template,
                "{\"Entries\":[{\"EventId\":\"11710aed-b79e-4468-a20b-bb3c0c3b4860\"}],\"FailedEntryCount\":0}");
        assertNull(ok.status());
        assertEquals(json("{\"eventId\":\"11710aed-b79e-4468-a20b-bb3c0c3b4860\"}"), json(ok.body()));
        ApiGatewayVtl.Result failed = ApiGatewayVtl.response(template,
                "{\"Entries\":[{\"ErrorCode\":\"InternalFailure\",\"ErrorMessage\":\"x\"}],\"FailedEntryCount\":1}");
        assertEquals(500, failed.status());
        ApiGatewayVtl.Result malformed = ApiGatewayVtl.response(template,
                "{\"Entries\":[{\"ErrorCode\":\"MalformedDetail\",\"ErrorMessage\":\"x\"}],\"FailedEntryCount\":1}");
        assertEquals(400, malformed.status());
    }

    // ---- DynamoDB ----------------------------------------------------------------------------

    @Test
    void getItemReadsTheKeyFromThePath() {
        JsonNode call = json(ApiGatewayVtl.request(requestTemplate("/customers/{customer}/orders/{orderId}", "get"),
                new ApiGatewayVtl.Request("", map("customer", "o'neil \"x\"", "orderId", "7"), Map.of(), Map.of(), Map.of()))
                .body());
        assertEquals(json("{\"TableName\":\"orders\",\"Key\":{\"customer\":{\"S\":\"o'neil \\\"x\\\"\"},"
                + "\"orderId\":{\"N\":\"7\"}},\"ConsistentRead\":true}"), call);
    }

    @Test
    void getItemAnswersPlainJsonOr404() {
        String template = responseTemplate("/customers/{customer}/orders/{orderId}", "get", "default");
        ApiGatewayVtl.Result found = ApiGatewayVtl.response(template, "{\"Item\":{"
                + "\"customer\":{\"S\":\"c\\\"1\"},\"orderId\":{\"N\":\"7\"},\"total\":{\"N\":\"12.50\"},"
                + "\"paid\":{\"BOOL\":true},\"gift\":{\"NULL\":true},\"tags\":{\"SS\":[\"a\",\"b\"]},"
                + "\"sizes\":{\"NS\":[\"1\",\"2.5\"]},\"lines\":{\"L\":[{\"S\":\"x\"},{\"N\":\"3\"},{\"M\":{}}]},"
                + "\"address\":{\"M\":{\"city\":{\"S\":\"Lyon\"},\"zip\":{\"N\":\"69001\"}}}}}");
        assertNull(found.status());
        assertEquals(json("{\"customer\":\"c\\\"1\",\"orderId\":7,\"total\":12.50,\"paid\":true,\"gift\":null,"
                + "\"tags\":[\"a\",\"b\"],\"sizes\":[1,2.5],\"lines\":[\"x\",3,null],"
                + "\"address\":{\"city\":\"Lyon\",\"zip\":69001}}"), json(found.body()));
        ApiGatewayVtl.Result missing = ApiGatewayVtl.response(template, "{}");
        assertEquals(404, missing.status());
        assertEquals(json("{\"message\":\"Not found\"}"), json(missing.body()));
    }

    @Test
    void putItemStoresTheBodyUnderThePathsKey() {
        JsonNode call = json(ApiGatewayVtl.request(requestTemplate("/customers/{customer}/orders/{orderId}", "put"),
                new ApiGatewayVtl.Request("{\"customer\":\"someone else\",\"total\":12.5,\"note\":\"it's \\\"x\\\"\","
                        + "\"paid\":true,\"gift\":null}", map("customer", "c1", "orderId", "7"), Map.of(), Map.of(), Map.of()))
                .body());
        assertEquals(json("{\"TableName\":\"orders\",\"Item\":{\"customer\":{\"S\":\"c1\"},\"orderId\":{\"N\":\"7\"},"
                + "\"total\":{\"N\":\"12.5\"},\"note\":{\"S\":\"it's \\\"x\\\"\"},\"paid\":{\"BOOL\":true},"
                + "\"gift\":{\"NULL\":true}}}"), call);
        JsonNode nested = json(ApiGatewayVtl.request(requestTemplate("/customers/{customer}/orders/{orderId}", "put"),
                new ApiGatewayVtl.Request("{\"lines\":[1]}", map("customer", "c1", "orderId", "7"), Map.of(), Map.of(),
                        Map.of())).body());
        assertEquals(json("{}"), nested.at("/Item/lines"), "an empty attribute value, which DynamoDB refuses (400)");
        assertEquals("204", integration("/customers/{customer}/orders/{orderId}", "put").at("/responses/default/statusCode")
                .asText());
    }

    @Test
    void queryReadsTheIndexByPartitionKeyAndSortKeyPrefix() {
        JsonNode call = json(ApiGatewayVtl.request(requestTemplate("/customers/{customer}/orders", "get"),
                new ApiGatewayVtl.Request("", map("customer", "c1"), map("month", "2026-12"), Map.of(), Map.of())).body());
        assertEquals(json("{\"TableName\":\"orders\",\"KeyConditionExpression\":\"#pk = :pk AND begins_with(#sk, :sk)\","
                + "\"ExpressionAttributeNames\":{\"#pk\":\"customer\",\"#sk\":\"day\"},"
                + "\"ExpressionAttributeValues\":{\":pk\":{\"S\":\"c1\"},\":sk\":{\"S\":\"2026-12\"}},"
                + "\"IndexName\":\"byDay\",\"Limit\":10,\"ScanIndexForward\":false}"), call);
        JsonNode missing = json(ApiGatewayVtl.request(requestTemplate("/customers/{customer}/orders", "get"),
                new ApiGatewayVtl.Request("", map("customer", "c1"), Map.of(), Map.of(), Map.of())).body());
        assertEquals("", missing.at("/ExpressionAttributeValues/:sk/S").asText(), "empty: DynamoDB refuses it (400)");
    }

    @Test
    void queryAnswersItemsCountAndWhetherThereIsMore() {
        String template = responseTemplate("/customers/{customer}/orders", "get", "default");
        ApiGatewayVtl.Result page = ApiGatewayVtl.response(template, "{\"Count\":2,\"ScannedCount\":2,\"Items\":["
                + "{\"customer\":{\"S\":\"c1\"},\"day\":{\"S\":\"2026-12-01\"}},{\"customer\":{\"S\":\"c1\"},\"day\":{\"S\":\"2026-12-02\"}}],"
                + "\"LastEvaluatedKey\":{\"customer\":{\"S\":\"c1\"}}}");
        assertEquals(json("{\"items\":[{\"customer\":\"c1\",\"day\":\"2026-12-01\"},{\"customer\":\"c1\",\"day\":\"2026-12-02\"}],"
                + "\"count\":2,\"hasMore\":true}"), json(page.body()));
        ApiGatewayVtl.Result none = ApiGatewayVtl.response(template, "{\"Count\":0,\"ScannedCount\":0,\"Items\":[]}");
        assertEquals(json("{\"items\":[],\"count\":0,\"hasMore\":false}"), json(none.body()));
        assertFalse(none.body().contains("$"), none.body());
    }
}
