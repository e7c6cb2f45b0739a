package dev.gatehouse.lambda.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.lambda.document.internal.CustomResourceRequest;
import dev.gatehouse.lambda.document.internal.CustomResourceResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The publisher against a local server speaking S3's wire protocol through the AWS SDK's S3 client:
 * placeholders filled and escaped, content-addressed keys, retries that write nothing new, deletes
 * that touch nothing, and failures that name what is wrong.
 */
class DocumentPublisherTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ASSETS = "cdk-hnb659fds-assets-123456789012-us-east-1";
    static final String ASSET_KEY = "0f1e2d3c4b5a.json";
    static final String DOCUMENTS = "orders-api-documentbucket-1x2y3z";
    static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:Orders";
    /** A document as Gatehouse synthesizes it: Fn::Sub-style placeholders inside JSON strings. */
    static final String TEMPLATE = "{\"openapi\":\"3.0.1\",\"info\":{\"title\":\"orders\",\"version\":\"1.0\"},"
            + "\"paths\":{\"/orders\":{\"get\":{\"summary\":\"Costs ${GatehouseDollarBrace}1} in ${AWS::Region}\","
            + "\"x-amazon-apigateway-integration\":{\"type\":\"aws_proxy\",\"httpMethod\":\"POST\",\"uri\":"
            + "\"arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
            + "${OrdersA9B65338.Arn}/invocations\"}}}},\"x-owner\":\"${GatehouseValue0}\"}";

    private LocalS3 s3;
    private DocumentPublisher publisher;

    @BeforeEach
    void start() throws Exception {
        s3 = new LocalS3();
        s3.put(ASSETS, ASSET_KEY, TEMPLATE);
        s3.received.clear();
        publisher = new DocumentPublisher(s3.client());
    }

    @AfterEach
    void stop() {
        s3.close();
    }

    static Map<String, Object> properties(Map<String, Object> values) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("ServiceToken", "arn:aws:lambda:us-east-1:123456789012:function:Publisher");
        properties.put(DocumentPublisher.SOURCE_BUCKET, ASSETS);
        properties.put(DocumentPublisher.SOURCE_KEY, ASSET_KEY);
        properties.put(DocumentPublisher.BUCKET, DOCUMENTS);
        properties.put(DocumentPublisher.KEY_PREFIX, "openapi/");
        properties.put(DocumentPublisher.VALUES, values);
        return properties;
    }

    static Map<String, Object> values(String owner) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("AWS::Region", "us-east-1");
        values.put("AWS::Partition", "aws");
        values.put("OrdersA9B65338.Arn", FUNCTION_ARN);
        values.put("GatehouseValue0", owner);
        values.put("GatehouseDollarBrace", "${");
        return values;
    }

    private static CustomResourceRequest request(String type, String physicalId, Map<String, Object> properties) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("RequestType", type);
        event.put("ResponseURL", "https://cloudformation-custom-resource-response.example/abc");
        event.put("StackId", "arn:aws:cloudformation:us-east-1:123456789012:stack/Orders/1a2b");
        event.put("RequestId", "req-1");
        event.put("LogicalResourceId", "ApiDocument1A2B3C4D");
        if (physicalId != null) {
            event.put("PhysicalResourceId", physicalId);
        }
        event.put("ResourceProperties", properties);
        return CustomResourceRequest.of(event);
    }

    private static String sha256Hex(String text) {
        return HexFormat.of().formatHex(LocalS3.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void createFillsEveryPlaceholderAndWritesTheDocumentUnderItsHash() throws Exception {
        // Given the synthesized document in the asset bucket, and values that need JSON escaping
        String owner = "Team \"Orders\" \\ billing\nline two\t✓";

        // When CloudFormation creates the resource
        CustomResourceResponse response = publisher.handle(request("Create", null, properties(values(owner))));

        // Then the document is written to the document bucket under the SHA-256 of its text
        assertTrue(response.succeeded(), String.valueOf(response.reason()));
        String key = response.data().get(DocumentPublisher.ATTRIBUTE_KEY);
        LocalS3.StoredObject written = s3.current(DOCUMENTS, key);
        assertEquals("openapi/" + sha256Hex(written.text()) + ".json", key);
        assertEquals(List.of(key), s3.keys(DOCUMENTS));
        assertEquals("application/json", written.contentType());
        // And every placeholder holds its value; the values' quotes, backslashes and line breaks are escaped
        JsonNode document = JSON.readTree(written.bytes());
        JsonNode get = document.at("/paths/~1orders/get");
        assertEquals("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + FUNCTION_ARN + "/invocations",
                get.at("/x-amazon-apigateway-integration/uri").asText());
        assertEquals("Costs ${1} in us-east-1", get.get("summary").asText());
        assertEquals(owner, document.get("x-owner").asText());
        assertFalse(written.text().contains("${AWS::"), written.text());
        // And the answer names the bucket, the key and the version, with the S3 URL as physical id
        assertEquals(Map.of(DocumentPublisher.ATTRIBUTE_BUCKET, DOCUMENTS, DocumentPublisher.ATTRIBUTE_KEY, key,
                DocumentPublisher.ATTRIBUTE_VERSION, written.versionId()), response.data());
        assertEquals("s3://" + DOCUMENTS + "/" + key, response.physicalResourceId());
        // And S3 was asked to check the upload's SHA-256 (it verifies the header, as the local server does)
        LocalS3.Received put = s3.received.stream().filter(r -> r.method().equals("PUT")).findFirst().orElseThrow();
        assertTrue(put.headers().containsKey("x-amz-checksum-sha256"), put.headers().toString());
    }

    @Test
    void aRetriedRequestWritesNothingNewAndAnswersTheSameVersion() {
        // Given a document already published
        Map<String, Object> properties = properties(values("orders-team"));
        CustomResourceResponse first = publisher.handle(request("Create", null, properties));

        // When CloudFormation sends the same request again (a retry), and then an update with the same values
        CustomResourceResponse retry = publisher.handle(request("Create", null, properties));
        CustomResourceResponse update = publisher.handle(request("Update", first.physicalResourceId(), properties));

        // Then one object version exists, written once, and every answer is the same
        String key = first.data().get(DocumentPublisher.ATTRIBUTE_KEY);
        assertEquals(1, s3.versions(DOCUMENTS, key).size());
        assertEquals(1, s3.count("PUT"));
        assertEquals(first.data(), retry.data());
        assertEquals(first.data(), update.data());
        assertEquals(first.physicalResourceId(), update.physicalResourceId());
    }

    @Test
    void anUpdateWithOtherValuesIsANewObjectAndTheOldOneStays() {
        // Given a published document
        CustomResourceResponse before = publisher.handle(request("Create", null, properties(values("team-a"))));

        // When a value changes (a function replaced, say)
        CustomResourceResponse after = publisher.handle(request("Update", before.physicalResourceId(),
                properties(values("team-b"))));

        // Then the new document has a new key, and the old one is still there for a rollback
        String oldKey = before.data().get(DocumentPublisher.ATTRIBUTE_KEY);
        String newKey = after.data().get(DocumentPublisher.ATTRIBUTE_KEY);
        assertFalse(oldKey.equals(newKey));
        assertEquals(List.of(oldKey, newKey).stream().sorted().toList(), s3.keys(DOCUMENTS));
        assertTrue(s3.current(DOCUMENTS, oldKey).text().contains("team-a"));
        assertEquals("s3://" + DOCUMENTS + "/" + newKey, after.physicalResourceId());
    }

    @Test
    void deleteTouchesNothing() {
        // Given a published document
        CustomResourceResponse created = publisher.handle(request("Create", null, properties(values("orders"))));
        s3.received.clear();

        // When CloudFormation deletes the resource (stack deletion, or the old one after an update)
        CustomResourceResponse deleted = publisher.handle(request("Delete", created.physicalResourceId(),
                properties(values("orders"))));

        // Then it succeeds with the same physical id, without a single request to S3, and the document stays
        assertTrue(deleted.succeeded());
        assertEquals(created.physicalResourceId(), deleted.physicalResourceId());
        assertEquals(List.of(), s3.received);
        assertEquals(1, s3.keys(DOCUMENTS).size());
    }

    @Test
    void aPlaceholderWithoutAValueFailsNamingItAndWritesNothing() {
        // Given values that lack the function's ARN
        Map<String, Object> values = values("orders");
        values.remove("OrdersA9B65338.Arn");

        // When the resource is created
        CustomResourceResponse response = publisher.handle(request("Create", null, properties(values)));

        // Then it fails, naming the placeholder, and nothing is written
        assertEquals("FAILED", response.status());
        assertEquals("the document names ${OrdersA9B65338.Arn}, but the resource's Values have no value for it; "
                + "synthesize the stack again so that the asset and the resource match.", response.reason());
        assertEquals("gatehouse-openapi-document-not-created-ApiDocument1A2B3C4D", response.physicalResourceId());
        assertEquals(0, s3.count("PUT"));
    }

    @Test
    void aDocumentThatIsNotJsonOnceFilledIsRefused() {
        // Given an asset that is not a JSON object (changed by hand)
        s3.put(ASSETS, ASSET_KEY, "{\"openapi\": \"3.0.1\"} trailing");

        // When the resource is created
        CustomResourceResponse response = publisher.handle(request("Create", null, properties(values("orders"))));

        // Then it fails before anything is written
        assertEquals("FAILED", response.status());
        assertTrue(response.reason().startsWith("the filled document"), response.reason());
        assertEquals(0, s3.count("PUT"));
    }

    @Test
    void aDocumentLargerThanApiGatewayImportsIsRefused() {
        // Given a value that makes the filled document larger than 6 MB
        String huge = "x".repeat((int) DocumentPublisher.MAX_DOCUMENT_BYTES);

        // When the resource is created
        CustomResourceResponse response = publisher.handle(request("Create", null, properties(values(huge))));

        // Then it fails with the size and the limit, and nothing is written
        assertEquals("FAILED", response.status());
        assertTrue(response.reason().matches("the document is \\d+ bytes, more than the 6291456 bytes \\(6 MB\\) API "
                + "Gateway imports; split the API into several APIs\\."), response.reason());
        assertEquals(0, s3.count("PUT"));
    }

    @Test
    void s3RefusingTheWriteFailsTheResourceWithS3sReason() {
        // Given a document bucket the function may read but not write to
        s3.readOnly.add(DOCUMENTS);

        // When the resource is created
        CustomResourceResponse response = publisher.handle(request("Create", null, properties(values("orders"))));

        // Then it fails with S3's answer
        assertEquals("FAILED", response.status());
        assertTrue(response.reason().startsWith("S3 PutObject s3://" + DOCUMENTS + "/openapi/"), response.reason());
        assertTrue(response.reason().contains(" failed: Access Denied (Service: S3, Status Code: 403"), response.reason());
        assertEquals(List.of(), s3.keys(DOCUMENTS));
    }

    @Test
    void anUnreadableAssetFailsNamingIt() {
        // Given an asset bucket the function may not read
        s3.denied.add(ASSETS);

        // When the resource is created
        CustomResourceResponse response = publisher.handle(request("Create", null, properties(values("orders"))));

        // Then the failure names the object it could not read
        assertTrue(response.reason().startsWith("S3 GetObject s3://" + ASSETS + "/" + ASSET_KEY
                + " failed: Access Denied"), response.reason());
    }

    @Test
    void missingPropertiesAreNamed() {
        // Given a resource without its Values
        Map<String, Object> properties = properties(values("orders"));
        properties.remove(DocumentPublisher.VALUES);

        // When it is created
        CustomResourceResponse response = publisher.handle(request("Create", null, properties));

        // Then the failure names the property
        assertEquals("the resource property Values is missing or not an object.", response.reason());
    }
}
