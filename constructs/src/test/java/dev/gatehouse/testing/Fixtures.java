package dev.gatehouse.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.checks.DeployChecks;
import dev.gatehouse.checks.RestApiBody;
import dev.gatehouse.checks.Finding;
import dev.gatehouse.checks.S3Documents;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpoint;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.constructs.Construct;

/** Shared test fixtures: cheap functions, synthesis helpers. */
public final class Fixtures {
    public static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** A function with inline code: no asset, so synthesis stays fast. */
    public static Function function(Construct scope, String id) {
        return Function.Builder.create(scope, id)
                .runtime(Runtime.NODEJS_22_X)
                .handler("index.handler")
                .code(Code.fromInline("exports.handler = async () => ({ statusCode: 200, body: 'ok' });"))
                .build();
    }

    /** The synthesized template as JSON. */
    public static JsonNode templateJson(Stack stack) {
        return JSON.valueToTree(Template.fromStack(stack).toJSON());
    }

    /**
     * Asserts that CloudFormation and API Gateway would accept {@code template} (resource schema,
     * OpenAPI and import rules) and that its APIs keep Gatehouse's posture (authorization declared,
     * request validation, logging and tracing): {@link DeployChecks#findings}.
     */
    public static void assertPassesDeployChecks(JsonNode template) {
        assertPassesDeployChecks(template, S3Documents.NONE);
    }

    /** As {@link #assertPassesDeployChecks(JsonNode)}, reading documents in S3 from {@code s3} (the cloud assembly). */
    public static void assertPassesDeployChecks(JsonNode template, S3Documents s3) {
        List<Finding> findings = DeployChecks.findings(template, s3);
        if (!findings.isEmpty()) {
            throw new AssertionError("the template has " + findings.size() + " deploy check finding(s):\n"
                    + findings.stream().map(Finding::toString).collect(Collectors.joining("\n")));
        }
    }

    /** An execute-api interface endpoint in a new one-AZ VPC, for PRIVATE APIs. */
    public static InterfaceVpcEndpoint executeApiEndpoint(Stack stack) {
        Vpc vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(1).natGateways(0).build();
        return InterfaceVpcEndpoint.Builder.create(stack, "ExecuteApi")
                .vpc(vpc).service(InterfaceVpcEndpointAwsService.APIGATEWAY).build();
    }

    /**
     * The single resource of {@code type} in the template, with its logical id under "id". A
     * RestApi's Body comes in object form whichever way the template writes it
     * ({@link RestApiBody#document}), so tests read the document the same way.
     */
    public static JsonNode onlyResource(JsonNode template, String type) {
        JsonNode found = null;
        for (Map.Entry<String, JsonNode> e : iterable(template.get("Resources"))) {
            if (type.equals(e.getValue().get("Type").asText())) {
                if (found != null) {
                    throw new AssertionError("more than one " + type + " in the template");
                }
                found = ((com.fasterxml.jackson.databind.node.ObjectNode) e.getValue().deepCopy()).put("id", e.getKey());
            }
        }
        if (found == null) {
            throw new AssertionError("no " + type + " in the template");
        }
        JsonNode properties = found.path("Properties");
        if (properties.has("Body")) {
            RestApiBody.document(properties.get("Body"))
                    .ifPresent(document -> ((com.fasterxml.jackson.databind.node.ObjectNode) properties).set("Body", document));
        }
        return found;
    }

    public static int countResources(JsonNode template, String type) {
        int n = 0;
        for (Map.Entry<String, JsonNode> e : iterable(template.get("Resources"))) {
            if (type.equals(e.getValue().get("Type").asText())) {
                n++;
            }
        }
        return n;
    }

    /**
     * Synthesizes {@code app}, expecting validation to fail; returns the error message (without
     * the copy jsii appends with the Node.js stack trace).
     */
    public static String synthError(App app) {
        RuntimeException e = assertThrows(RuntimeException.class, app::synth);
        String message = e.getMessage();
        int copy = message.indexOf("\n@jsii/kernel.RuntimeError");
        return copy < 0 ? message : message.substring(0, copy);
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
