package dev.gatehouse.integrations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.Defaults;
import dev.gatehouse.rules.Rule;
import dev.gatehouse.rules.Rules;
import java.util.Objects;
import software.amazon.awscdk.Duration;

/**
 * Checks an integration timeout (rule GH202, or GH266 when the response streams) and writes it as
 * {@code timeoutInMillis}, and the streaming mode as {@code responseTransferMode} when it streams.
 */
final class IntegrationTimeout {
    private IntegrationTimeout() {
    }

    /** @param mode the streaming mode of a proxy integration; null: {@link Defaults#STREAMING_MODE} */
    static void apply(Duration timeout, StreamingMode mode, IntegrationContext context, ObjectNode integration) {
        boolean streams = Objects.requireNonNullElse(mode, Defaults.STREAMING_MODE) == StreamingMode.STREAM;
        if (streams) {
            integration.put("responseTransferMode", StreamingMode.STREAM.name());
        }
        if (timeout == null) {
            return;
        }
        double millis = timeout.toMilliseconds().doubleValue();
        int max = streams ? Defaults.STREAMING_TIMEOUT_MAX_MILLIS : Defaults.INTEGRATION_TIMEOUT_MAX_MILLIS;
        if (millis < Defaults.INTEGRATION_TIMEOUT_MIN_MILLIS || millis > max) {
            Rule rule = streams ? Rules.STREAMING_TIMEOUT : Rules.INTEGRATION_TIMEOUT;
            context.report(rule, "the integration timeout is " + (long) millis + " ms" + (streams ? " on a streamed route." : "."),
                    "choose a timeout from " + Defaults.INTEGRATION_TIMEOUT_MIN_MILLIS + " ms to " + max + " ms, e.g. "
                            + (streams ? "Duration.minutes(5)." : "Duration.seconds(10)."));
            return;
        }
        integration.put("timeoutInMillis", (long) millis);
    }
}
