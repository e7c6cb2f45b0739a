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
    private final DocumentPublisher publisher;
    private final ResponseSender responses;

    public DocumentPublisherHandler() {
        this(new DocumentPublisher(S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(25)).build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofSeconds(30)).build())
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
        } catch (RuntimeException e) {
            // Whatever went wrong, CloudFormation must hear of it: without an answer it waits an
            // hour before it fails the resource (and the stack's rollback waits as long again).
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
