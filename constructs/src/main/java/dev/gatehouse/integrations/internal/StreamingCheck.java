package dev.gatehouse.integrations.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.Defaults;
import dev.gatehouse.integrations.IntegrationContext;
import dev.gatehouse.rules.Rules;
import java.util.Locale;

/**
 * Checks the response streaming of a bound integration, whoever wrote it (Gatehouse's kinds or a
 * user's {@code RouteIntegration}): STREAM on proxy types only (GH264), the Lambda URI that matches
 * the mode (GH265), a streamed timeout within 15 minutes (GH266).
 */
public final class StreamingCheck {
    private static final String STREAMING_PATH = "/response-streaming-invocations";

    private StreamingCheck() {
    }

    public static void check(ObjectNode integration, IntegrationContext context) {
        boolean streams = "STREAM".equalsIgnoreCase(integration.path("responseTransferMode").asText());
        String type = integration.path("type").asText("").toLowerCase(Locale.ROOT);
        if (streams && !type.equals("aws_proxy") && !type.equals("http_proxy")) {
            context.report(Rules.STREAMING_TYPE,
                    "its response streams (responseTransferMode STREAM), but its integration is of type '" + type
                            + "', whose response API Gateway buffers.",
                    "stream from a Lambda proxy, HTTP proxy or private HTTP proxy integration, or leave the response "
                            + "buffered.");
        }
        String uri = integration.path("uri").asText("");
        if (type.equals("aws_proxy") && uri.contains(":lambda:path/")) {
            boolean streamingUri = uri.endsWith(STREAMING_PATH);
            if (streams && !streamingUri) {
                context.report(Rules.STREAMING_LAMBDA_URI,
                        "its response streams, but its Lambda URI is the buffered '.../invocations' one.",
                        "invoke .../2021-11-15/functions/{function ARN}" + STREAMING_PATH + " (Integrations.lambda "
                                + "with streamingMode(StreamingMode.STREAM) writes it).");
            } else if (!streams && streamingUri) {
                context.report(Rules.STREAMING_LAMBDA_URI,
                        "its Lambda URI is the streaming '..." + STREAMING_PATH + "' one, but its response is buffered.",
                        "set responseTransferMode to STREAM, or invoke .../2015-03-31/functions/{function ARN}/invocations.");
            }
        }
        JsonNode timeout = integration.get("timeoutInMillis");
        if (streams && timeout != null && timeout.isNumber()
                && (timeout.asLong() < Defaults.INTEGRATION_TIMEOUT_MIN_MILLIS
                        || timeout.asLong() > Defaults.STREAMING_TIMEOUT_MAX_MILLIS)) {
            context.report(Rules.STREAMING_TIMEOUT,
                    "the integration timeout is " + timeout.asLong() + " ms on a streamed route.",
                    "choose a timeout from " + Defaults.INTEGRATION_TIMEOUT_MIN_MILLIS + " ms to "
                            + Defaults.STREAMING_TIMEOUT_MAX_MILLIS + " ms.");
        }
    }
}
