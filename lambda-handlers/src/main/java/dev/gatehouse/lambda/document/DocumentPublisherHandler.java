package dev.gatehouse.lambda.document;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.gatehouse.lambda.document.internal.CustomResourceRequest;
import dev.gatehouse.lambda.document.internal.CustomResourceResponse;
import dev.gatehouse.lambda.document.internal.ResponseSender;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Lambda entry point of the {@value DocumentPublisher#RESOURCE_TYPE} custom resource: reads the
 * request, lets {@link DocumentPublisher} answer it, and sends the answer to CloudFormation. The
 * S3 client takes its Region and credentials from the function's environment.
 */
public final class DocumentPublisherHandler implements RequestHandler<Map<String, Object>, Void> {
    /**
     * At most this long per S3 call (retries included). The worst case, three S3 calls and then
     * three attempts to answer ({@link ResponseSender#WORST_CASE_SECONDS}), must end within the
     * function's timeout (120 s, {@code Defaults.DOCUMENT_PUBLISHER_TIMEOUT_SECONDS}), or the
     * answer is never sent: 3 x 15 + 61 = 106 s.
     */
    public static final int S3_CALL_SECONDS = 15;
    /** The S3 calls of one request: read the asset, look for the document, write it. */
    public static final int S3_CALLS = 3;

    private final DocumentPublisher publisher;
    private final ResponseSender responses;

    public DocumentPublisherHandler() {
        this(new DocumentPublisher(S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(S3_CALL_SECONDS)).build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofSeconds(S3_CALL_SECONDS)).build())
                .build()), ResponseSender.create());
    }

    DocumentPublisherHandler(DocumentPublisher publisher, ResponseSender responses) {
        this.publisher = publisher;
        this.responses = responses;
    }

    @Override
    public Void handleRequest(Map<String, Object> event, Context context) {
        CustomResourceRequest request = CustomResourceRequest.of(event);
        CustomResourceResponse response;
        try {
            response = publisher.handle(request);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // Whatever went wrong, CloudFormation must hear of it: without an answer it waits (the
            // resource's ServiceTimeout) before it fails the resource, and a rollback as long again.
            // A class missing from the jar and a runaway recursion are answered too; other Errors
            // (out of memory) leave the JVM in no state to answer.
            response = CustomResourceResponse.failed(request, "the document publisher failed: " + e);
        }
        if (!response.succeeded()) {
            System.out.println("gatehouse-openapi-document: " + request.requestType() + " "
                    + request.logicalResourceId() + " FAILED: " + response.reason());
        }
        responses.send(request.responseUrl(), response);
        return null;
    }
}
