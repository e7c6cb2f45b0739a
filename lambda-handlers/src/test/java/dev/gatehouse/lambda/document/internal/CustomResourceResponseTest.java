package dev.gatehouse.lambda.document.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request as CloudFormation sends it, and the response it reads back. */
class CustomResourceResponseTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CustomResourceRequest request(String physicalId) {
        Map<String, Object> event = new java.util.HashMap<>(Map.of("RequestType", "Update",
                "ResponseURL", "https://example/r", "StackId", "arn:stack", "RequestId", "r-1",
                "LogicalResourceId", "Doc", "ResourceProperties", Map.of("Bucket", "b", "Values", Map.of("N", 3))));
        if (physicalId != null) {
            event.put("PhysicalResourceId", physicalId);
        }
        return CustomResourceRequest.of(event);
    }

    @Test
    void aSuccessCarriesItsIdsAndData() throws Exception {
        JsonNode body = JSON.readTree(CustomResourceResponse.success(request("s3://b/k"), "s3://b/k2",
                Map.of("Key", "k2", "Bucket", "b")).toJson());
        assertEquals(JSON.readTree("{\"Status\":\"SUCCESS\",\"PhysicalResourceId\":\"s3://b/k2\",\"StackId\":\"arn:stack\","
                + "\"RequestId\":\"r-1\",\"LogicalResourceId\":\"Doc\",\"NoEcho\":false,\"Data\":{\"Bucket\":\"b\",\"Key\":\"k2\"}}"),
                body);
    }

    @Test
    void aFailureKeepsTheResponseWithinCloudFormationsLimit() throws Exception {
        // Given a very long reason for a resource never created
        CustomResourceResponse failed = CustomResourceResponse.failed(request(null), "x".repeat(10_000));

        // Then the reason is cut, and the resource still has a physical id
        JsonNode body = JSON.readTree(failed.toJson());
        assertEquals(CustomResourceResponse.MAX_REASON_CHARS, body.get("Reason").asText().length());
        assertEquals("gatehouse-openapi-document-not-created-Doc", body.get("PhysicalResourceId").asText());
        assertEquals(true, failed.toJson().length < 4096);
    }

    @Test
    void propertiesAreReadAsCloudFormationSendsThem() {
        CustomResourceRequest request = request("p");
        assertEquals("b", request.requiredText("Bucket"));
        assertEquals(Map.of("N", "3"), request.requiredStrings("Values"));
        assertEquals("the resource property Missing is missing or empty.",
                assertThrows(DocumentException.class, () -> request.requiredText("Missing")).getMessage());
        assertEquals("not a CloudFormation custom resource request: it has no ResponseURL",
                assertThrows(IllegalArgumentException.class, () -> CustomResourceRequest.of(Map.of("RequestType", "Create")))
                        .getMessage());
    }
}
