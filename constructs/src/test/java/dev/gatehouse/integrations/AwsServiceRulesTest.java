package dev.gatehouse.integrations;

import static dev.gatehouse.testing.Fixtures.synthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.api.Authorization;
import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.RouteOptions;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;

/** One test per rule of the AWS-service and Step Functions routes (GH240-GH245), asserting its message. */
class AwsServiceRulesTest {
    private static final RouteOptions IAM = RouteOptions.of(Authorization.iam());

    private static String errorOf(Consumer<GatewayApi> routes) {
        App app = new App();
        GatewayApi api = new GatewayApi(new Stack(app, "S"), "Api");
        routes.accept(api);
        return synthError(app);
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected «" + part + "» in:\n" + message);
        }
    }

    private static Table table(Stack stack, boolean sortKey) {
        Table.Builder table = Table.Builder.create(stack, "Orders")
                .partitionKey(Attribute.builder().name("customer").type(AttributeType.STRING).build());
        if (sortKey) {
            table.sortKey(Attribute.builder().name("orderId").type(AttributeType.NUMBER).build());
        }
        return table.build();
    }

    @Test
    void gh240SynchronousRoutesNeedExpressStateMachines() {
        String message = errorOf(api -> api.route("POST /fulfil", Integrations.stepFunctions(
                AwsServiceRoutesTest.stateMachine(Stack.of(api), "Fulfil", StateMachineType.STANDARD)), IAM));
        assertMentions(message, "[GH240] route 'POST /fulfil': it runs the STANDARD state machine 'S/Fulfil' synchronously "
                        + "(StartSyncExecution), which Step Functions refuses for STANDARD workflows: every call would fail.",
                "Fix: run it asynchronously (StepFunctionsRouteIntegrationOptions.builder().execution("
                        + "StepFunctionsExecution.ASYNCHRONOUS): the route answers 202 with the execution ARN), or make the "
                        + "state machine EXPRESS.");
    }

    @Test
    void gh240AlsoForAnImportedStateMachineDeclaredStandard() {
        String message = errorOf(api -> api.route("POST /fulfil", Integrations.stepFunctions(
                StateMachine.fromStateMachineName(Stack.of(api), "Fulfil", "fulfil"),
                StepFunctionsRouteIntegrationOptions.builder().stateMachineType(StateMachineType.STANDARD).build()), IAM));
        assertMentions(message, "[GH240] route 'POST /fulfil': it runs the STANDARD state machine 'S/Fulfil' synchronously");
    }

    @Test
    void aDeclaredTypeThatContradictsTheStateMachineThrows() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api");
        StateMachine express = AwsServiceRoutesTest.stateMachine(stack, "Checkout", StateMachineType.EXPRESS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> api.route("POST /checkout",
                Integrations.stepFunctions(express, StepFunctionsRouteIntegrationOptions.builder()
                        .stateMachineType(StateMachineType.STANDARD).build()), IAM));
        assertEquals("route 'POST /checkout': stateMachineType(STANDARD) contradicts the state machine 'S/Checkout', which "
                + "is EXPRESS; leave stateMachineType out for a state machine of this app.", e.getMessage());
    }

    @Test
    void gh241WarnsWhenAnImportedStateMachinesTypeIsUnknown() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api");
        api.route("POST /checkout", Integrations.stepFunctions(
                StateMachine.fromStateMachineName(stack, "Checkout", "checkout")), IAM);
        api.route("POST /declared", Integrations.stepFunctions(StateMachine.fromStateMachineName(stack, "Declared", "d"),
                StepFunctionsRouteIntegrationOptions.builder().stateMachineType(StateMachineType.EXPRESS).build()), IAM);
        app.synth();
        Annotations annotations = Annotations.fromStack(stack);
        annotations.hasWarning("/S/Api", Match.stringLikeRegexp(".*\\[GH241\\] route 'POST /checkout': it runs the imported "
                + "state machine 'S/Checkout' synchronously, which works only if it is EXPRESS, and its type is not known at "
                + "synth\\. Fix: state its type: StepFunctionsRouteIntegrationOptions\\.builder\\(\\)\\.stateMachineType\\("
                + "StateMachineType\\.EXPRESS\\), or run it asynchronously\\..*"));
        assertEquals(1, annotations.findWarning("/S/Api", Match.stringLikeRegexp(".*GH241.*")).size(),
                "no warning for the route that states the type");
    }

    @Test
    void gh242ErrorStatusesAndHeadersFitTheTemplates() {
        String message = errorOf(api -> {
            StateMachine express = AwsServiceRoutesTest.stateMachine(Stack.of(api), "Checkout", StateMachineType.EXPRESS);
            api.route("POST /a", Integrations.stepFunctions(express, StepFunctionsRouteIntegrationOptions.builder()
                    .errorStatus("Order\"NotFound", 404).errorStatus("Gone", 503).headers(List.of("X'Bad")).build()), IAM);
            api.route("POST /b", Integrations.stepFunctions(express, StepFunctionsRouteIntegrationOptions.builder()
                    .execution(StepFunctionsExecution.ASYNCHRONOUS).errorStatus("Gone", 410).build()), IAM);
        });
        assertMentions(message,
                "[GH242] route 'POST /a': the workflow error name 'Order\"NotFound' is empty, longer than 256 characters, or "
                        + "has a quote, backslash, '$', '#' or control character. Fix: map the error name as the workflow "
                        + "raises it, e.g. errorStatus(\"OrderNotFound\", 404).",
                "[GH242] route 'POST /a': the workflow error 'Gone' maps to 503, which is not a 4xx status. Fix: map "
                        + "workflow errors to 400-499; other failures are 500 already.",
                "[GH242] route 'POST /a': the header 'X'Bad' is not a header name the template can hold.",
                "[GH242] route 'POST /b': it runs the workflow asynchronously, so there is no execution result to map "
                        + "errorStatuses or exposeErrorCause from. Fix: remove errorStatuses and exposeErrorCause, or run the "
                        + "workflow synchronously.");
    }

    @Test
    void gh243FifoQueuesNeedAMessageGroup() {
        String message = errorOf(api -> {
            Stack stack = Stack.of(api);
            Queue fifo = Queue.Builder.create(stack, "Fifo").fifo(true).enforceSsl(true).build();
            Queue standard = Queue.Builder.create(stack, "Standard").enforceSsl(true).build();
            api.route("POST /a", Integrations.sqs(fifo), IAM);
            api.route("POST /b", Integrations.sqs(standard, SqsRouteIntegrationOptions.builder().messageGroupId("g").build()), IAM);
            api.route("POST /c", Integrations.sqs(fifo, SqsRouteIntegrationOptions.builder().messageGroupId("a&b").build()), IAM);
        });
        assertMentions(message,
                "[GH243] route 'POST /a': the queue 'S/Fifo' is a FIFO queue, which refuses messages without a message "
                        + "group. Fix: name one: SqsRouteIntegrationOptions.builder().messageGroupId(\"orders\").",
                "[GH243] route 'POST /b': the queue 'S/Standard' is a standard queue, which takes no message group ('g'). "
                        + "Fix: remove messageGroupId, or route to a FIFO queue.",
                "[GH243] route 'POST /c': the message group 'a&b' is not 1 to 128 letters, digits and punctuation");
    }

    @Test
    void gh244EventsHaveAValidSourceAndDetailType() {
        String message = errorOf(api -> {
            EventBus bus = EventBus.Builder.create(Stack.of(api), "Bus").build();
            api.route("POST /a", Integrations.eventBridge(bus, EventBridgeRouteIntegrationOptions.builder()
                    .source("aws.orders").detailType("Order \"Placed\"").build()), IAM);
            api.route("POST /b", Integrations.eventBridge(bus, EventBridgeRouteIntegrationOptions.builder()
                    .source("").detailType("x".repeat(129)).build()), IAM);
        });
        assertMentions(message,
                "[GH244] route 'POST /a': the event source 'aws.orders' starts with 'aws.', which is reserved for AWS "
                        + "services. Fix: use your own, e.g. \"com.example.orders\".",
                "[GH244] route 'POST /a': the event detail type 'Order \"Placed\"' is empty, longer than 128 characters, or "
                        + "has a quote, backslash, '$', '#' or control character. Fix: give a plain detail type, e.g. "
                        + "\"OrderPlaced\".",
                "[GH244] route 'POST /b': the event source '' is empty, longer than 256 characters",
                "[GH244] route 'POST /b': the event detail type 'xxxxxxxx");
    }

    @Test
    void gh245DynamoDbRoutesGiveTheWholeKey() {
        String message = errorOf(api -> {
            Stack stack = Stack.of(api);
            Table orders = table(stack, true);
            api.route("GET /orders/{id}", Integrations.dynamoDb(orders, DynamoDbRouteIntegrationOptions.builder()
                    .action(DynamoDbAction.GET_ITEM).partitionKey(DynamoDbKeyValue.fromPath("customer")).build()), IAM);
            api.route("GET /orders", Integrations.dynamoDb(orders, DynamoDbRouteIntegrationOptions.builder()
                    .action(DynamoDbAction.QUERY).indexName("byStatus")
                    .partitionKey(DynamoDbKeyValue.fromQueryString("status")).build()), IAM);
            api.route("PUT /orders/{id}", Integrations.dynamoDb(orders, DynamoDbRouteIntegrationOptions.builder()
                    .action(DynamoDbAction.PUT_ITEM).partitionKey(DynamoDbKeyValue.fromPath("id"))
                    .sortKey(DynamoDbKeyValue.fromQueryString("order id")).limit(5).build()), IAM);
            api.route("GET /legacy/{id}", Integrations.dynamoDb(Table.fromTableName(stack, "Legacy", "legacy"),
                    DynamoDbRouteIntegrationOptions.builder().action(DynamoDbAction.GET_ITEM)
                            .partitionKey(DynamoDbKeyValue.fromPath("id")).build()), IAM);
        });
        assertMentions(message,
                "[GH245] route 'GET /orders/{id}': the key attribute 'customer' comes from the path variable {customer}, "
                        + "which the route does not have. Fix: use one of the route's variables [id].",
                "[GH245] route 'GET /orders/{id}': GET_ITEM needs the whole key, and the table 'S/Orders' has the sort key "
                        + "'orderId'. Fix: give sortKey(DynamoDbKeyValue.fromPath(...)) or fromQueryString(...).",
                "[GH245] route 'GET /orders': the table 'S/Orders' has no index 'byStatus'. Fix: add the index to the table "
                        + "before declaring the route, or name one of its indexes.",
                "[GH245] route 'PUT /orders/{id}': PUT_ITEM takes no limit (Query options). Fix: remove them, or use "
                        + "DynamoDbAction.QUERY.",
                "[GH245] route 'PUT /orders/{id}': the query string parameter 'order id' has characters other than letters, "
                        + "digits, '.', '_' and '-'.",
                "[GH245] route 'GET /legacy/{id}': the table 'S/Legacy' is imported, so its key schema is not known at synth. "
                        + "Fix: give it: partitionKeyAttribute(Attribute.builder().name(\"pk\").type(AttributeType.STRING)"
                        + ".build()) and, if the table has one, sortKeyAttribute(...).");
    }

    @Test
    void gh245SortKeysAndBinaryKeys() {
        String message = errorOf(api -> {
            Stack stack = Stack.of(api);
            Table flat = table(stack, false);
            api.route("GET /orders/{customer}/{id}", Integrations.dynamoDb(flat, DynamoDbRouteIntegrationOptions.builder()
                    .action(DynamoDbAction.GET_ITEM).partitionKey(DynamoDbKeyValue.fromPath("customer"))
                    .sortKey(DynamoDbKeyValue.fromPath("id")).build()), IAM);
            Table binary = Table.Builder.create(stack, "Blobs")
                    .partitionKey(Attribute.builder().name("hash").type(AttributeType.BINARY).build()).build();
            api.route("GET /blobs/{hash}", Integrations.dynamoDb(binary, DynamoDbRouteIntegrationOptions.builder()
                    .action(DynamoDbAction.GET_ITEM).partitionKey(DynamoDbKeyValue.fromPath("hash")).build()), IAM);
        });
        assertMentions(message,
                "[GH245] route 'GET /orders/{customer}/{id}': the table 'S/Orders' has no sort key, but the route gives one "
                        + "({id}). Fix: remove sortKey.",
                "[GH245] route 'GET /blobs/{hash}': the key attribute 'hash' is BINARY; routes read string and number keys "
                        + "only. Fix: use a string or number key.");
    }
}
