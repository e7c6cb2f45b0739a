package dev.gatehouse.lambda.document;

import dev.gatehouse.lambda.document.internal.ResponseSender;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Run by {@link DocumentJarTest} in a JVM whose classpath is the shaded jar and the test classes
 * only: publishes a document through the handler. Arguments: the S3 endpoint, the response URL.
 */
public final class DocumentJarSmoke {
    private DocumentJarSmoke() {
    }

    public static void main(String[] args) {
        S3Client s3 = S3Client.builder().endpointOverride(URI.create(args[0])).forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("AWS::Region", "eu-west-1");
        values.put("AWS::Partition", "aws");
        values.put("OrdersA9B65338.Arn", "arn:aws:lambda:eu-west-1:123456789012:function:Orders");
        values.put("GatehouseValue0", "from the jar");
        values.put("GatehouseDollarBrace", "${");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(DocumentPublisher.SOURCE_BUCKET, "assets");
        properties.put(DocumentPublisher.SOURCE_KEY, "document.json");
        properties.put(DocumentPublisher.BUCKET, "documents");
        properties.put(DocumentPublisher.KEY_PREFIX, "openapi/");
        properties.put(DocumentPublisher.VALUES, values);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("RequestType", "Create");
        event.put("ResponseURL", args[1]);
        event.put("StackId", "arn:aws:cloudformation:eu-west-1:123456789012:stack/S/1");
        event.put("RequestId", "smoke");
        event.put("LogicalResourceId", "Document");
        event.put("ResourceProperties", properties);
        new DocumentPublisherHandler(new DocumentPublisher(s3), ResponseSender.create()).handleRequest(event, null);
        System.out.println("SMOKE DONE");
    }
}
