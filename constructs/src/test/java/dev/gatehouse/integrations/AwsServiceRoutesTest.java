package dev.gatehouse.integrations;

import static dev.gatehouse.testing.Fixtures.countResources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.Authorization;
import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.RouteOptions;
import dev.gatehouse.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.Pass;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;

/**
 * Step Functions, SQS, EventBridge and DynamoDB routes in one API: the integrations they render,
 * the one execution role with one statement per target and action, and the deploy checks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsServiceRoutesTest {
    private static final RouteOptions IAM = RouteOptions.of(Authorization.iam());
    private JsonNode template;
    private JsonNode paths;

    static StateMachine stateMachine(Stack stack, String id, StateMachineType type) {
        return StateMachine.Builder.create(stack, id)
                .stateMachineType(type)
                .definitionBody(DefinitionBody.fromChainable(Pass.Builder.create(stack, id + "Pass").build()))
                .build();
    }

    @BeforeAll
    void synthesize() {
        // Given one API with routes to each kind, some targets routed to twice
        App app = new App();
        Stack stack = new Stack(app, "S");
        StateMachine checkout = stateMachine(stack, "Checkout", StateMachineType.EXPRESS);
        StateMachine fulfilment = stateMachine(stack, "Fulfilment", StateMachineType.STANDARD);
        Queue queue = Queue.Builder.create(stack, "Queue").enforceSsl(true).build();
        EventBus bus = EventBus.Builder.create(stack, "Bus").build();
        Table table = Table.Builder.create(stack, "Orders")
                .partitionKey(Attribute.builder().name("customer").type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name("orderId").type(AttributeType.NUMBER).build())
                .build();
        table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder().indexName("byStatus")
                .partitionKey(Attribute.builder().name("status").type(AttributeType.STRING).build()).build());
        GatewayApi api = new GatewayApi(stack, "Api");
        api.route("POST /checkout", Integrations.stepFunctions(checkout, StepFunctionsRouteIntegrationOptions.builder()
                .errorStatus("OrderNotFound", 404).errorStatus("OutOfStock", 409).headers(List.of("X-Request-Id"))
                .build()), IAM);
        api.route("POST /checkout/{cart}", Integrations.stepFunctions(checkout), IAM);
        api.route("POST /fulfilments", Integrations.stepFunctions(fulfilment, StepFunctionsRouteIntegrationOptions.builder()
                .execution(StepFunctionsExecution.ASYNCHRONOUS).build()), IAM);
        api.route("POST /jobs", Integrations.sqs(queue), IAM);
        api.route("POST /jobs/urgent", Integrations.sqs(queue), IAM);
        api.route("POST /events", Integrations.eventBridge(bus, EventBridgeRouteIntegrationOptions.builder()
                .source("com.example.orders").detailType("OrderPlaced").build()), IAM);
        api.route("GET /customers/{customer}/orders/{orderId}", Integrations.dynamoDb(table,
                DynamoDbRouteIntegrationOptions.builder().action(DynamoDbAction.GET_ITEM)
                        .partitionKey(DynamoDbKeyValue.fromPath("customer"))
                        .sortKey(DynamoDbKeyValue.fromPath("orderId")).build()), IAM);
        api.route("PUT /customers/{customer}/orders/{orderId}", Integrations.dynamoDb(table,
                DynamoDbRouteIntegrationOptions.builder().action(DynamoDbAction.PUT_ITEM)
                        .partitionKey(DynamoDbKeyValue.fromPath("customer"))
                        .sortKey(DynamoDbKeyValue.fromPath("orderId")).build()), IAM);
        api.route("GET /customers/{customer}/orders", Integrations.dynamoDb(table,
                DynamoDbRouteIntegrationOptions.builder().action(DynamoDbAction.QUERY)
                        .partitionKey(DynamoDbKeyValue.fromPath("customer")).limit(20).build()), IAM);
        api.route("GET /orders", Integrations.dynamoDb(table,
                DynamoDbRouteIntegrationOptions.builder().action(DynamoDbAction.QUERY).indexName("byStatus")
                        .partitionKey(DynamoDbKeyValue.fromQueryString("status")).build()), IAM);

        // When it is synthesized
        template = Fixtures.templateJson(stack);
        paths = Fixtures.onlyResource(template, "AWS::ApiGateway::RestApi").at("/Properties/Body/paths");
    }

    @Test
    void dump() throws Exception {
        System.out.println(Fixtures.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(template));
    }

    @Test
    void theTemplatePassesTheDeployChecks() {
        Fixtures.assertPassesDeployChecks(template);
    }
}
