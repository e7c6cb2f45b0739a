package dev.gatehouse.integrations;

import static dev.gatehouse.testing.Fixtures.countResources;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.Authorization;
import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.RouteOptions;
import dev.gatehouse.testing.Fixtures;
import java.util.List;
import java.util.Map;
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
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
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
    private JsonNode encrypted;

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

        // And an API whose queue and table are encrypted with customer managed keys
        Stack keyed = new Stack(app, "K");
        Key queueKey = Key.Builder.create(keyed, "QueueKey").enableKeyRotation(true).build();
        Key tableKey = Key.Builder.create(keyed, "TableKey").enableKeyRotation(true).build();
        Queue secret = Queue.Builder.create(keyed, "Secret").encryption(QueueEncryption.KMS).encryptionMasterKey(queueKey)
                .enforceSsl(true).build();
        Table vault = Table.Builder.create(keyed, "Vault")
                .partitionKey(Attribute.builder().name("id").type(AttributeType.STRING).build())
                .encryption(TableEncryption.CUSTOMER_MANAGED).encryptionKey(tableKey).build();
        GatewayApi keyedApi = new GatewayApi(keyed, "Api");
        keyedApi.route("POST /secrets", Integrations.sqs(secret), IAM);
        keyedApi.route("GET /vault/{id}", Integrations.dynamoDb(vault, DynamoDbRouteIntegrationOptions.builder()
                .action(DynamoDbAction.GET_ITEM).partitionKey(DynamoDbKeyValue.fromPath("id")).build()), IAM);
        keyedApi.route("PUT /vault/{id}", Integrations.dynamoDb(vault, DynamoDbRouteIntegrationOptions.builder()
                .action(DynamoDbAction.PUT_ITEM).partitionKey(DynamoDbKeyValue.fromPath("id")).build()), IAM);

        // When they are synthesized
        encrypted = Fixtures.templateJson(keyed);
        template = Fixtures.templateJson(stack);
        paths = Fixtures.onlyResource(template, "AWS::ApiGateway::RestApi").at("/Properties/Body/paths");
    }

    @Test
    void oneExecutionRoleHasOneStatementPerTargetAndAction() {
        // Then one role, assumed by API Gateway only
        assertEquals(1, countResources(template, "AWS::IAM::Role") - 2, "the state machines' own roles aside");
        assertEquals(0, countResources(template, "AWS::IAM::Policy"), "the policy is inline: no resource per route");
        JsonNode role = roleOfApi();
        assertEquals(Fixtures.JSON.valueToTree(Map.of("Statement", List.of(Map.of("Action", "sts:AssumeRole",
                "Effect", "Allow", "Principal", Map.of("Service", "apigateway.amazonaws.com"))), "Version", "2012-10-17")),
                role.at("/Properties/AssumeRolePolicyDocument"));
        // And exactly these statements, whatever the number of routes to each target
        String orders = "{\"Fn::GetAtt\":[\"OrdersA9B65338\",\"Arn\"]}";
        assertEquals(json("["
                + statement("states:StartSyncExecution", "{\"Ref\":\"CheckoutB7CD3E82\"}") + ","
                + statement("states:StartExecution", "{\"Ref\":\"FulfilmentB5B164CA\"}") + ","
                + statement("sqs:SendMessage", "{\"Fn::GetAtt\":[\"Queue4A7E3555\",\"Arn\"]}") + ","
                + statement("events:PutEvents", "{\"Fn::GetAtt\":[\"BusEA82B648\",\"Arn\"]}") + ","
                + statement("dynamodb:GetItem", orders) + ","
                + statement("dynamodb:PutItem", orders) + ","
                + statement("dynamodb:Query", "[" + orders + ",{\"Fn::Join\":[\"\",[" + orders + ",\"/index/byStatus\"]]}]")
                + "]"), role.at("/Properties/Policies/0/PolicyDocument/Statement"));
    }

    @Test
    void customerManagedKeysAreAllowedForWhatTheServiceDoesWithThem() {
        JsonNode role = roleOf(encrypted);
        String queueKey = "{\"Fn::GetAtt\":[\"QueueKey" + suffix(encrypted, "QueueKey") + "\",\"Arn\"]}";
        String tableKey = "{\"Fn::GetAtt\":[\"TableKey" + suffix(encrypted, "TableKey") + "\",\"Arn\"]}";
        String vault = "{\"Fn::GetAtt\":[\"Vault" + suffix(encrypted, "Vault") + "\",\"Arn\"]}";
        assertEquals(json("["
                + statement("sqs:SendMessage", "{\"Fn::GetAtt\":[\"Secret" + suffix(encrypted, "Secret") + "\",\"Arn\"]}") + ","
                + statement("kms:GenerateDataKey", queueKey) + ","
                + statement("kms:Decrypt", queueKey) + ","
                + statement("dynamodb:GetItem", vault) + ","
                + statement("kms:Decrypt", tableKey) + ","
                + statement("dynamodb:PutItem", vault) + ","
                + statement("kms:Encrypt", tableKey) + ","
                + statement("kms:GenerateDataKey", tableKey)
                + "]"), role.at("/Properties/Policies/0/PolicyDocument/Statement"));
    }

    /** The hash CDK appends to the logical id of the resource whose id starts with {@code prefix}. */
    private static String suffix(JsonNode template, String prefix) {
        for (java.util.Iterator<String> ids = template.get("Resources").fieldNames(); ids.hasNext(); ) {
            String id = ids.next();
            if (id.matches(prefix + "[0-9A-F]{8}")) {
                return id.substring(prefix.length());
            }
        }
        throw new AssertionError("no resource " + prefix);
    }

    @Test
    void everyServiceRouteCallsWithTheRoleThroughItsServiceUri() {
        JsonNode credentials = Fixtures.JSON.valueToTree(Map.of("Fn::GetAtt", List.of(roleOfApi().get("id").asText(), "Arn")));
        Map<String, String> uris = Map.of(
                "/checkout", "states:action/StartSyncExecution",
                "/fulfilments", "states:action/StartExecution",
                "/jobs", "sqs:path/${AWS::AccountId}/${Queue4A7E3555.QueueName}",
                "/events", "events:action/PutEvents",
                "/customers/{customer}/orders/{orderId}", "dynamodb:action/GetItem",
                "/orders", "dynamodb:action/Query");
        uris.forEach((path, uri) -> {
            JsonNode integration = paths.get(path).fields().next().getValue().get("x-amazon-apigateway-integration");
            assertEquals("aws", integration.get("type").asText(), path);
            assertEquals("POST", integration.get("httpMethod").asText(), path);
            assertEquals("never", integration.get("passthroughBehavior").asText(), path);
            assertEquals(credentials, integration.get("credentials"), path);
            assertEquals("arn:${AWS::Partition}:apigateway:${AWS::Region}:" + uri, integration.at("/uri/Fn::Sub").asText(), path);
        });
        JsonNode events = paths.at("/~1events/post/x-amazon-apigateway-integration/requestParameters");
        assertEquals(json("{\"integration.request.header.X-Amz-Target\":\"'AWSEvents.PutEvents'\","
                + "\"integration.request.header.Content-Type\":\"'application/x-amz-json-1.1'\"}"), events);
        assertEquals("'application/x-www-form-urlencoded'",
                paths.at("/~1jobs/post/x-amazon-apigateway-integration/requestParameters/integration.request.header.Content-Type")
                        .asText());
    }

    @Test
    void responsesDeclareEveryStatusTheTemplatesMayChoose() {
        assertEquals(List.of("200", "400", "404", "409", "429", "500", "502", "504"),
                fieldNames(paths.at("/~1checkout/post/responses")));
        assertEquals(List.of("202", "400", "429", "500", "502"), fieldNames(paths.at("/~1fulfilments/post/responses")));
        assertEquals(List.of("200", "400", "404", "429", "500", "502"),
                fieldNames(paths.at("/~1customers~1{customer}~1orders~1{orderId}/get/responses")));
        assertEquals(List.of("204", "400", "429", "500", "502"),
                fieldNames(paths.at("/~1customers~1{customer}~1orders~1{orderId}/put/responses")));
        JsonNode selections = paths.at("/~1jobs/post/x-amazon-apigateway-integration/responses");
        assertEquals(List.of("default", "4\\d{2}", "5\\d{2}"), fieldNames(selections));
        assertEquals("502", selections.at("/5\\d{2}/statusCode").asText());
    }

    private JsonNode roleOfApi() {
        return roleOf(template);
    }

    private static JsonNode roleOf(JsonNode template) {
        for (Map.Entry<String, JsonNode> resource : (Iterable<Map.Entry<String, JsonNode>>) template.get("Resources")::fields) {
            if (resource.getKey().startsWith("ApiExecutionRole")) {
                return ((com.fasterxml.jackson.databind.node.ObjectNode) resource.getValue().deepCopy()).put("id", resource.getKey());
            }
        }
        throw new AssertionError("no execution role");
    }

    private static String statement(String action, String resource) {
        return "{\"Action\":\"" + action + "\",\"Effect\":\"Allow\",\"Resource\":" + resource + "}";
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode json(String text) {
        try {
            return Fixtures.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(text, e);
        }
    }

    @Test
    void theTemplatePassesTheDeployChecks() {
        Fixtures.assertPassesDeployChecks(template);
    }
}
