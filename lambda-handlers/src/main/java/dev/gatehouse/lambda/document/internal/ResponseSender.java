package dev.gatehouse.lambda.document.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends a custom resource's answer to CloudFormation: an HTTP PUT of the JSON response to the
 * request's pre-signed {@code ResponseURL}, without a {@code Content-Type} (the URL may be signed
 * over an empty one). Tried three times; until an answer arrives CloudFormation waits (up to an
 * hour) before it fails the resource.
 */
public final class ResponseSender {
    private static final int ATTEMPTS = 3;
    private static final int CONNECT_SECONDS = 5;
    private static final int RESPONSE_SECONDS = 15;
    /** The longest {@link #send} takes: three attempts (connect, then the answer) and the pauses between them. */
    public static final int WORST_CASE_SECONDS = ATTEMPTS * (CONNECT_SECONDS + RESPONSE_SECONDS) + 1;
    private final HttpClient http;

    public ResponseSender(HttpClient http) {
        this.http = http;
    }

    /** A sender with its own HTTP client. */
    public static ResponseSender create() {
        return new ResponseSender(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(CONNECT_SECONDS)).build());
    }

    /**
     * Sends {@code response} to {@code responseUrl}.
     *
     * @return the HTTP status of the last attempt, or -1 when none reached the URL
     */
    public int send(String responseUrl, CustomResourceResponse response) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(responseUrl))
                .timeout(Duration.ofSeconds(RESPONSE_SECONDS))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(response.toJson()))
                .build();
        int status = -1;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    return status;
                }
                System.out.println("gatehouse-openapi-document: CloudFormation's response URL answered " + status
                        + " (attempt " + attempt + ")");
            } catch (IOException e) {
                System.out.println("gatehouse-openapi-document: could not reach CloudFormation's response URL "
                        + "(attempt " + attempt + "): " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return status;
            }
            if (attempt < ATTEMPTS) {
                pause(attempt);
            }
        }
        return status;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(200L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
