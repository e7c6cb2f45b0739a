package dev.gatehouse.integrations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.Defaults;
import dev.gatehouse.rules.Rules;
import software.amazon.awscdk.Duration;

/** Checks an integration timeout (rule GH202) and writes it as {@code timeoutInMillis}. */
final class IntegrationTimeout {
    private IntegrationTimeout() {
    }

    static void apply(Duration timeout, IntegrationContext context, ObjectNode integration) {
        if (timeout == null) {
            return;
        }
        double millis = timeout.toMilliseconds().doubleValue();
        if (millis < Defaults.INTEGRATION_TIMEOUT_MIN_MILLIS || millis > Defaults.INTEGRATION_TIMEOUT_MAX_MILLIS) {
            context.report(Rules.INTEGRATION_TIMEOUT,
                    "the integration timeout is " + (long) millis + " ms.",
                    "choose a timeout from " + Defaults.INTEGRATION_TIMEOUT_MIN_MILLIS + " ms to "
                            + Defaults.INTEGRATION_TIMEOUT_MAX_MILLIS + " ms, e.g. Duration.seconds(10).");
            return;
        }
        integration.put("timeoutInMillis", (long) millis);
    }
}
