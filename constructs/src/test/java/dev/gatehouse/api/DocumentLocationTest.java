package dev.gatehouse.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.Defaults;
import dev.gatehouse.api.internal.DocumentInS3;
import dev.gatehouse.integrations.Integrations;
import dev.gatehouse.integrations.MockResponse;
import dev.gatehouse.lambda.document.DocumentPublisher;
import dev.gatehouse.lambda.document.internal.DocumentTemplate;
import dev.gatehouse.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.services.lambda.Function;

/**
 * Where the document goes: into the template while it fits the stack's budget, to S3 past it (or
 * wherever it is told), with the same Deployment and the same exported document either way.
 */
class DocumentLocationTest {
    private static final String FN_ARN = "arn:aws:lambda:us-east-1:123456789012:function:Orders";
    private static final String REMOTE_ARN = "arn:aws:lambda:us-east-1:123456789012:function:Remote";
    private static CloudAssembly assembly;
    private static JsonNode inline;
    private static JsonNode forced;
    private static JsonNode large;
    private static JsonNode two;
    private static JsonNode keptInline;
    private static GatewayApi inlineApi;
    private static GatewayApi forcedApi;
    private static String fnId;

    @BeforeAll
    static void synthesize() {
        // Given the same API in two stacks, once with the default location and once told to be in S3;
        // an API whose document alone passes the budget; and two APIs in one stack that pass it together
        // (with asset metadata on, as the CDK CLI runs apps)
        App app = App.Builder.create().context(Map.of("aws:cdk:enable-asset-metadata", true)).build();
        Stack backend = new Stack(app, "Backend");
        Function remote = Fixtures.function(backend, "Remote");
        Stack inlineStack = new Stack(app, "Inline");
        inlineApi = declare(inlineStack, remote, null);
        Stack forcedStack = new Stack(app, "Forced");
        forcedApi = declare(forcedStack, remote, DocumentLocation.S3);
        fnId = forcedStack.resolve(((Function) forcedStack.getNode().findChild("Fn")).getFunctionArn())
                .toString().replaceAll(".*\\[(\\w+),.*", "$1");
        Stack largeStack = new Stack(app, "Large");
        documented(largeStack, "Api", 90, 7_000);
        Stack keptStack = new Stack(app, "Kept");
        documented(keptStack, "Api", 90, 7_000, DocumentLocation.INLINE);
        Stack twoStack = new Stack(app, "Two");
        documented(twoStack, "First", 50, 7_000);
        documented(twoStack, "Second", 50, 7_000);

        // When the app is synthesized
        assembly = app.synth();
        inline = template(inlineStack);
        forced = template(forcedStack);
        large = template(largeStack);
        two = template(twoStack);
        keptInline = template(keptStack);
    }

    private static JsonNode template(Stack stack) {
        try {
            return Fixtures.JSON.readTree(Path.of(assembly.getStackByName(stack.getStackName()).getTemplateFullPath()).toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An API with a route to its own function, one to a function of another stack, and a literal "${". */
    private static GatewayApi declare(Stack stack, Function remote, DocumentLocation location) {
        Function fn = Fixtures.function(stack, "Fn");
        GatewayApi api = GatewayApi.Builder.create(stack, "Api").documentLocation(location).build();
        RouteOptions iam = RouteOptions.of(Authorization.iam());
        api.route("GET /orders/{id}", Integrations.lambda(fn), iam);
        api.route("PUT /orders/{id}", Integrations.lambda(fn), RouteOptions.builder().authorization(Authorization.iam())
                .summary("Costs ${ in " + Aws.REGION + "} and \"quotes\"").build());
        api.route("GET /remote", Integrations.lambda(remote), iam);
        api.route("GET /health", Integrations.mock(MockResponse.json(200, "{\"status\":\"ok\"}")),
                RouteOptions.of(Authorization.none()));
        return api;
    }

    /** An API of {@code routes} mock routes whose summaries take {@code summaryChars} each. */
    private static GatewayApi documented(Stack stack, String id, int routes, int summaryChars) {
        return documented(stack, id, routes, summaryChars, null);
    }

    private static GatewayApi documented(Stack stack, String id, int routes, int summaryChars,
            DocumentLocation location) {
        GatewayApi api = GatewayApi.Builder.create(stack, id).documentLocation(location).build();
        for (int i = 0; i < routes; i++) {
            api.route("GET /items" + i, Integrations.mock(MockResponse.json(200, "{}")), RouteOptions.builder()
                    .authorization(Authorization.iam()).summary("x".repeat(summaryChars)).build());
        }
        return api;
    }

    private static JsonNode restApi(JsonNode template, String idPrefix) {
        for (Iterator<Map.Entry<String, JsonNode>> it = template.get("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith(idPrefix) && e.getValue().get("Type").asText().equals("AWS::ApiGateway::RestApi")) {
                return e.getValue().get("Properties");
            }
        }
        throw new AssertionError("no RestApi " + idPrefix);
    }

    @Test
    void aSmallDocumentStaysInTheTemplate() {
        JsonNode properties = restApi(inline, "Api");
        assertTrue(properties.has("Body"));
        assertFalse(properties.has("BodyS3Location"));
        assertEquals(0, Fixtures.countResources(inline, DocumentInS3.RESOURCE_TYPE));
        assertEquals(0, Fixtures.countResources(inline, "AWS::S3::Bucket"));
    }

    @Test
    void aDocumentToldToBeInS3IsReadFromTheObjectTheCustomResourceWrites() {
        // Then the RestApi has no Body, and its BodyS3Location names the custom resource's object
        JsonNode properties = restApi(forced, "Api");
        assertFalse(properties.has("Body"), properties.toString());
        JsonNode resource = Fixtures.onlyResource(forced, DocumentInS3.RESOURCE_TYPE);
        String id = resource.get("id").asText();
        assertEquals(Fixtures.JSON.createObjectNode()
                .<ObjectNode>set("Bucket", getAtt(id, "Bucket"))
                .<ObjectNode>set("Key", getAtt(id, "Key"))
                .set("Version", getAtt(id, "VersionId")), properties.get("BodyS3Location"));
        // And the custom resource reads the asset and writes to the API's bucket, with every value it fills in
        JsonNode p = resource.get("Properties");
        // (and a lost answer fails it in minutes, not in CloudFormation's default hour)
        assertEquals(String.valueOf(Defaults.DOCUMENT_PUBLISHER_SERVICE_TIMEOUT_SECONDS), p.get("ServiceTimeout").asText());
        String bucketId = Fixtures.onlyResource(forced, "AWS::S3::Bucket").get("id").asText();
        assertEquals(Fixtures.JSON.createObjectNode().put("Ref", bucketId), p.get(DocumentPublisher.BUCKET));
        assertEquals(DocumentInS3.KEY_PREFIX, p.get(DocumentPublisher.KEY_PREFIX).asText());
        assertTrue(p.get(DocumentPublisher.SOURCE_KEY).asText().endsWith(".json"), p.toString());
        assertTrue(p.has(DocumentPublisher.SOURCE_BUCKET));
        JsonNode values = p.get(DocumentPublisher.VALUES);
        assertEquals(getAtt(fnId, "Arn"), values.get(fnId + ".Arn"));
        assertEquals(Fixtures.JSON.createObjectNode().put("Ref", "AWS::Region"), values.get("AWS::Region"));
        assertEquals(Fixtures.JSON.createObjectNode().put("Ref", "AWS::Partition"), values.get("AWS::Partition"));
        assertEquals("${", values.get("GatehouseDollarBrace").asText());
        assertTrue(values.get("GatehouseValue0").has("Fn::ImportValue"), values.toString());
        assertEquals(DocumentPublisher.RESOURCE_TYPE, DocumentInS3.RESOURCE_TYPE);
        // And it names its asset as the CDK names the assets of resources, for tools that read cdk.out
        assertEquals("asset." + p.get(DocumentPublisher.SOURCE_KEY).asText(),
                resource.at("/Metadata/aws:asset:path").asText());
        assertEquals("SourceKey", resource.at("/Metadata/aws:asset:property").asText());
    }

    private static JsonNode getAtt(String id, String attribute) {
        ObjectNode node = Fixtures.JSON.createObjectNode();
        node.putArray("Fn::GetAtt").add(id).add(attribute);
        return node;
    }

    @Test
    void theBucketIsPrivateEncryptedVersionedAndTlsOnly() {
        JsonNode bucket = Fixtures.onlyResource(forced, "AWS::S3::Bucket");
        JsonNode p = bucket.get("Properties");
        assertEquals("AES256", p.at("/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/SSEAlgorithm").asText());
        assertEquals("Enabled", p.at("/VersioningConfiguration/Status").asText());
        JsonNode block = p.get("PublicAccessBlockConfiguration");
        for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            assertTrue(block.get(setting).asBoolean(), setting);
        }
        assertEquals("Retain", bucket.get("DeletionPolicy").asText());
        JsonNode statement = Fixtures.onlyResource(forced, "AWS::S3::BucketPolicy").at("/Properties/PolicyDocument/Statement/0");
        assertEquals("Deny", statement.get("Effect").asText());
        assertEquals("false", statement.at("/Condition/Bool/aws:SecureTransport").asText());
    }

    @Test
    void thePublisherMayReadTheAssetAndWriteDocumentsOnly() {
        // Then the publisher's role may read the one asset object, read and write under openapi/ in its bucket, list it
        String bucketId = Fixtures.onlyResource(forced, "AWS::S3::Bucket").get("id").asText();
        JsonNode statements = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = forced.get("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("ApiDocumentPublisherRole") && e.getValue().get("Type").asText().equals("AWS::IAM::Policy")) {
                statements = e.getValue().at("/Properties/PolicyDocument/Statement");
            }
        }
        assertTrue(statements != null, "no policy of the publisher's role");
        Map<String, JsonNode> s3 = new LinkedHashMap<>();
        for (JsonNode statement : statements) {
            String actions = statement.get("Action").toString();
            if (actions.contains("s3:")) {
                s3.put(actions, statement.get("Resource"));
            }
            assertEquals("Allow", statement.get("Effect").asText());
            assertFalse(actions.contains("s3:*") || actions.contains("s3:Delete"), actions);
        }
        assertEquals(List.of("\"s3:GetObject\"", "[\"s3:GetObject\",\"s3:PutObject\"]", "\"s3:ListBucket\""),
                List.copyOf(s3.keySet()));
        String assetObject = s3.get("\"s3:GetObject\"").toString();
        String sourceKey = Fixtures.onlyResource(forced, DocumentInS3.RESOURCE_TYPE).at("/Properties/SourceKey").asText();
        assertTrue(assetObject.contains("/" + sourceKey), assetObject);
        String documents = s3.get("[\"s3:GetObject\",\"s3:PutObject\"]").toString();
        assertTrue(documents.contains(bucketId) && documents.contains("/openapi/*"), documents);
        assertEquals("{\"Fn::GetAtt\":[\"" + bucketId + "\",\"Arn\"]}", s3.get("\"s3:ListBucket\"").toString());
        // And the custom resource waits for those permissions
        JsonNode dependsOn = Fixtures.onlyResource(forced, DocumentInS3.RESOURCE_TYPE).get("DependsOn");
        assertTrue(dependsOn.toString().contains("ApiDocumentPublisherRoleDefaultPolicy"), dependsOn.toString());
    }

    @Test
    void theAssetFilledInIsTheDocumentTheTemplateWouldHold() throws Exception {
        // Given the asset file in cdk.out, and the values CloudFormation would resolve
        JsonNode resource = Fixtures.onlyResource(forced, DocumentInS3.RESOURCE_TYPE);
        Path asset = Path.of(assembly.getDirectory(), "asset." + resource.at("/Properties/SourceKey").asText()
                .replace(".json", "") + ".json");
        String text = Files.readString(asset);
        Map<String, String> values = Map.of(fnId + ".Arn", FN_ARN, "AWS::Region", "us-east-1", "AWS::Partition", "aws",
                "GatehouseValue0", REMOTE_ARN, "GatehouseDollarBrace", "${");

        // When the publisher fills it in
        JsonNode filled = Fixtures.JSON.readTree(DocumentTemplate.fill(text, values));

        // Then it is the inline Body of the same API with the same values filled in
        JsonNode body = restApi(inline, "Api").get("Body");
        assertEquals(substitute(body, Map.of(fnId + ".Arn", FN_ARN, "AWS::Region", "us-east-1", "AWS::Partition", "aws"),
                REMOTE_ARN), filled);
        // And it is plain JSON with placeholders only inside strings
        assertTrue(Fixtures.JSON.readTree(text).isObject());
        assertFalse(text.contains("Token["), text);
        // And the template, with the filled document where API Gateway reads it, passes the deploy checks
        Fixtures.assertPassesDeployChecks(forced, dev.gatehouse.checks.CloudAssembly.read(Path.of(assembly.getDirectory())));
        ObjectNode withBody = forced.deepCopy();
        for (JsonNode each : withBody.get("Resources")) {
            if (each.get("Type").asText().equals("AWS::ApiGateway::RestApi")) {
                ObjectNode properties = (ObjectNode) each.get("Properties");
                properties.remove("BodyS3Location");
                properties.set("Body", filled);
            }
        }
        Fixtures.assertPassesDeployChecks(withBody);
    }

    /** The inline Body with its Fn::Sub objects filled in and its import given {@code imported}. */
    private static JsonNode substitute(JsonNode node, Map<String, String> values, String imported) {
        if (node.isObject() && node.has("Fn::Sub")) {
            JsonNode sub = node.get("Fn::Sub");
            String text = sub.isArray() ? sub.get(0).asText() : sub.asText();
            Map<String, String> all = new LinkedHashMap<>(values);
            if (sub.isArray()) {
                sub.get(1).fields().forEachRemaining(v -> all.put(v.getKey(), v.getValue().asText()));
            }
            for (Map.Entry<String, String> v : all.entrySet()) {
                text = text.replace("${" + v.getKey() + "}", v.getValue());
            }
            return Fixtures.JSON.getNodeFactory().textNode(text);
        }
        if (node.isObject() && node.has("Fn::Join")) {
            return Fixtures.JSON.getNodeFactory().textNode(
                    "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + imported + "/invocations");
        }
        if (node.isObject()) {
            ObjectNode copy = Fixtures.JSON.createObjectNode();
            node.fields().forEachRemaining(f -> copy.set(f.getKey(), substitute(f.getValue(), values, imported)));
            return copy;
        }
        if (node.isArray()) {
            var copy = Fixtures.JSON.createArrayNode();
            node.forEach(e -> copy.add(substitute(e, values, imported)));
            return copy;
        }
        return node;
    }

    @Test
    void theDeploymentAndTheExportedDocumentDoNotDependOnTheLocation() {
        assertEquals(Fixtures.onlyResource(inline, "AWS::ApiGateway::Deployment").get("id"),
                Fixtures.onlyResource(forced, "AWS::ApiGateway::Deployment").get("id"));
        assertEquals(inlineApi.getOpenApiDocument().toString().replaceAll("Token\\[[^]]*]", "T"),
                forcedApi.getOpenApiDocument().toString().replaceAll("Token\\[[^]]*]", "T"));
    }

    @Test
    void aDocumentPastTheBudgetGoesToS3ByItself() {
        JsonNode properties = restApi(large, "Api");
        assertFalse(properties.has("Body"));
        assertTrue(properties.has("BodyS3Location"));
        assertTrue(large.toString().length() < 100_000, "template of " + large.toString().length() + " characters");
    }

    @Test
    void aDocumentToldToStayInTheTemplateStaysTherePastTheBudget() {
        JsonNode properties = restApi(keptInline, "Api");
        assertTrue(properties.has("Body"));
        assertFalse(properties.has("BodyS3Location"));
        assertEquals(0, Fixtures.countResources(keptInline, DocumentInS3.RESOURCE_TYPE));
    }

    @Test
    void aStacksDocumentsShareTheBudgetInTheOrderTheirApisWereAdded() {
        assertTrue(restApi(two, "First").has("Body"));
        assertTrue(restApi(two, "Second").has("BodyS3Location"));
        assertFalse(restApi(two, "Second").has("Body"));
        assertEquals(600_000, Defaults.INLINE_DOCUMENTS_BUDGET_BYTES);
    }

    @Test
    void jsonTextCannotBeAskedForADocumentInS3() {
        App app = new App();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GatewayApi.Builder
                .create(new Stack(app, "S"), "Api").bodyFormat(BodyFormat.JSON_TEXT).documentLocation(DocumentLocation.S3)
                .build());
        assertEquals("GatewayApi 'S/Api': bodyFormat JSON_TEXT is how a document is written into the template, and "
                + "documentLocation S3 keeps it out of the template. Leave bodyFormat unset with documentLocation S3.",
                e.getMessage());
    }
}
