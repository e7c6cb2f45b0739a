package dev.gatehouse.integrations;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;

/**
 * The parts every AWS-service and Step Functions route shares: an {@code aws} integration that
 * calls the service with the API's execution role, one JSON request template (other content
 * types are refused with 415: nothing reaches the service unmapped), and the integration
 * responses for success and for the service's own errors (aws-client-error.vtl,
 * aws-server-error.vtl).
 */
final class AwsServiceCall {
    private static final String JSON = "application/json";

    private final ObjectNode integration = JsonNodeFactory.instance.objectNode();
    private final ObjectNode responses = JsonNodeFactory.instance.objectNode();

    /**
     * @param region the target's Region (API Gateway calls the service there)
     * @param serviceAndPath e.g. {@code states:action/StartSyncExecution}, {@code sqs:path/123/queue}
     * @param credentials the execution role's ARN
     */
    AwsServiceCall(IntegrationContext context, String region, String serviceAndPath, String credentials,
            String requestTemplate) {
        integration.put("type", "aws");
        integration.put("httpMethod", "POST");
        integration.put("uri", "arn:" + Stack.of(context.getApi()).getPartition() + ":apigateway:" + region + ":"
                + serviceAndPath);
        integration.put("credentials", credentials);
        integration.put("passthroughBehavior", "never");
        integration.putObject("requestTemplates").put(JSON, requestTemplate);
    }

    /** A header sent to the service, a static value. */
    AwsServiceCall header(String name, String value) {
        ObjectNode parameters = integration.has("requestParameters") ? (ObjectNode) integration.get("requestParameters")
                : integration.putObject("requestParameters");
        parameters.put("integration.request.header." + name, "'" + value + "'");
        return this;
    }

    /** The timeout, checked (GH202). */
    AwsServiceCall timeout(Duration timeout, IntegrationContext context) {
        IntegrationTimeout.apply(timeout, StreamingMode.BUFFERED, context, integration);
        return this;
    }

    /**
     * The answer to a successful call: {@code status} with {@code template}, and the other statuses
     * that template may choose ({@code $context.responseOverride.status}), each with its description.
     */
    AwsServiceCall success(String status, String description, String template, Map<String, String> otherStatuses) {
        ObjectNode answers = integration.putObject("responses");
        ObjectNode ok = answers.putObject("default");
        ok.put("statusCode", status);
        ok.putObject("responseTemplates").put(JSON, template);
        ObjectNode client = answers.putObject("4\\d{2}");
        client.put("statusCode", "400");
        client.putObject("responseTemplates").put(JSON, MappingTemplates.render("aws-client-error.vtl"));
        ObjectNode server = answers.putObject("5\\d{2}");
        server.put("statusCode", "502");
        server.putObject("responseTemplates").put(JSON, MappingTemplates.render("aws-server-error.vtl"));

        describe(status, description);
        otherStatuses.forEach(this::describe);
        describe("400", "Bad request");
        describe("429", "Too many requests");
        describe("500", "Internal server error");
        describe("502", "The service failed");
        return this;
    }

    private void describe(String status, String description) {
        if (!responses.has(status)) {
            responses.putObject(status).put("description", description);
        }
    }

    /**
     * True when {@code value} can be written into a mapping template's JSON text as it is: no
     * quotes, backslashes, VTL's '$' and '#', or control characters.
     */
    static boolean templateSafe(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '"' || c == '\\' || c == '$' || c == '#') {
                return false;
            }
        }
        return true;
    }

    RouteIntegrationConfig config() {
        return RouteIntegrationConfig.owning(integration, responses);
    }
}
