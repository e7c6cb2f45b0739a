package dev.gatehouse.lambda.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.lambda.document.internal.ResponseSender;
import java.lang.reflect.Proxy;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Lambda entry point: every request is answered at CloudFormation's response URL, whatever happens. */
class DocumentPublisherHandlerTest {
    private LocalS3 s3;
    private ResponseCatcher cloudFormation;

    @BeforeEach
    void start() throws Exception {
        s3 = new LocalS3();
        s3.put(DocumentPublisherTest.ASSETS, DocumentPublisherTest.ASSET_KEY, DocumentPublisherTest.TEMPLATE);
        cloudFormation = new ResponseCatcher();
    }

    @AfterEach
    void stop() {
        s3.close();
        cloudFormation.close();
    }

    @Test
    void aCreateIsAnsweredAtTheResponseUrl() {
        // Given the handler with the SDK's S3 client pointed at the local S3
        DocumentPublisherHandler handler = new DocumentPublisherHandler(new DocumentPublisher(s3.client()),
                ResponseSender.create());

        // When CloudFormation invokes it to create the resource
        handler.handleRequest(cloudFormation.event("Create", null,
                DocumentPublisherTest.properties(DocumentPublisherTest.values("orders"))), null);

        // Then one PUT reaches the response URL, without a Content-Type, saying SUCCESS with the location
        assertEquals(1, cloudFormation.caught.size());
        ResponseCatcher.Caught answer = cloudFormation.caught.get(0);
        assertEquals("PUT", answer.method());
        assertEquals("X-Amz-Signature=abc", answer.query());
        assertFalse(answer.hasContentType());
        assertEquals("SUCCESS", answer.body().get("Status").asText());
        assertEquals("ApiDocument1A2B3C4D", answer.body().get("LogicalResourceId").asText());
        assertEquals("request-Create", answer.body().get("RequestId").asText());
        String key = answer.body().at("/Data/Key").asText();
        assertEquals("s3://" + DocumentPublisherTest.DOCUMENTS + "/" + key, answer.body().get("PhysicalResourceId").asText());
        assertEquals(s3.current(DocumentPublisherTest.DOCUMENTS, key).versionId(), answer.body().at("/Data/VersionId").asText());
    }

    @Test
    void anUnexpectedErrorIsStillAnswered() {
        // Given a publisher that breaks in a way nobody planned for
        DocumentPublisher broken = new DocumentPublisher(null);
        DocumentPublisherHandler handler = new DocumentPublisherHandler(broken, ResponseSender.create());

        // When a request arrives
        handler.handleRequest(cloudFormation.event("Create", null,
                DocumentPublisherTest.properties(DocumentPublisherTest.values("orders"))), null);

        // Then CloudFormation hears FAILED at once (instead of waiting an hour)
        assertEquals(1, cloudFormation.caught.size());
        assertEquals("FAILED", cloudFormation.caught.get(0).body().get("Status").asText());
        assertTrue(cloudFormation.caught.get(0).body().get("Reason").asText()
                .startsWith("the document publisher failed: java.lang.NullPointerException"));
    }

    @Test
    void anErrorOfTheJvmsKindIsAnsweredToo() {
        // Given an S3 client whose classes are missing from the jar (a LinkageError, not an exception)
        S3Client missingClasses = (S3Client) Proxy.newProxyInstance(S3Client.class.getClassLoader(),
                new Class<?>[] {S3Client.class}, (proxy, method, args) -> {
                    throw new NoClassDefFoundError("software/amazon/awssdk/services/s3/model/GetObjectRequest");
                });
        DocumentPublisherHandler handler = new DocumentPublisherHandler(new DocumentPublisher(missingClasses),
                ResponseSender.create());

        // When a request arrives
        handler.handleRequest(cloudFormation.event("Create", null,
                DocumentPublisherTest.properties(DocumentPublisherTest.values("orders"))), null);

        // Then CloudFormation hears FAILED, naming the error
        assertEquals(1, cloudFormation.caught.size());
        assertEquals("FAILED", cloudFormation.caught.get(0).body().get("Status").asText());
        assertTrue(cloudFormation.caught.get(0).body().get("Reason").asText()
                .startsWith("the document publisher failed: java.lang.NoClassDefFoundError"),
                cloudFormation.caught.get(0).body().toString());
    }

    @Test
    void theWorstCaseEndsWithinTheFunctionsTimeout() {
        // three S3 calls at their timeout, then three attempts to answer: within the 120 s the function has
        int worst = DocumentPublisherHandler.S3_CALLS * DocumentPublisherHandler.S3_CALL_SECONDS
                + ResponseSender.WORST_CASE_SECONDS;
        assertTrue(worst <= 120 - 10, worst + " s");
    }

    @Test
    void aDeleteIsAnsweredWithoutTouchingS3() {
        DocumentPublisherHandler handler = new DocumentPublisherHandler(new DocumentPublisher(s3.client()),
                ResponseSender.create());
        s3.received.clear();

        handler.handleRequest(cloudFormation.event("Delete", "s3://bucket/openapi/abc.json",
                DocumentPublisherTest.properties(DocumentPublisherTest.values("orders"))), null);

        assertEquals("SUCCESS", cloudFormation.caught.get(0).body().get("Status").asText());
        assertEquals("s3://bucket/openapi/abc.json", cloudFormation.caught.get(0).body().get("PhysicalResourceId").asText());
        assertEquals(0, s3.received.size());
    }
}
