package dev.gatehouse.integrations;

import dev.gatehouse.rules.Rules;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.services.events.IEventBus;

/**
 * A route that puts the request body on an event bus as one event's detail ({@code PutEvents})
 * and answers 202 with the event id; a refused entry is not a success. Templates:
 * eventbridge-*.vtl beside this class.
 */
final class EventBridgeRouteIntegration extends RouteIntegration {
    private final IEventBus bus;
    private final EventBridgeRouteIntegrationOptions options;

    EventBridgeRouteIntegration(IEventBus bus, EventBridgeRouteIntegrationOptions options) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public RouteIntegrationConfig bind(IntegrationContext context) {
        check(context, "source", options.getSource(), 256,
                "e.g. \"com.example.orders\"");
        check(context, "detail type", options.getDetailType(), 128, "e.g. \"OrderPlaced\"");
        if (options.getSource().startsWith("aws.")) {
            context.report(Rules.EVENTBRIDGE_ENTRY, "the event source '" + options.getSource()
                    + "' starts with 'aws.', which is reserved for AWS services.", "use your own, e.g. \"com.example.orders\".");
        }
        String arn = bus.getEventBusArn();
        String role = context.allowExecution(bus, "events:PutEvents", arn);
        return new AwsServiceCall(context, bus.getEnv().getRegion(), "events:action/PutEvents", role,
                MappingTemplates.render("eventbridge-request.vtl", Map.of(
                        "SOURCE", options.getSource(), "DETAIL_TYPE", options.getDetailType(), "EVENT_BUS_ARN", arn)))
                .header("X-Amz-Target", "AWSEvents.PutEvents")
                .header("Content-Type", "application/x-amz-json-1.1")
                .timeout(options.getTimeout(), context)
                .success("202", "The event was put on the bus", MappingTemplates.render("eventbridge-response.vtl"),
                        Map.of())
                .config();
    }

    private static void check(IntegrationContext context, String what, String value, int max, String example) {
        if (value.isEmpty() || value.length() > max || !AwsServiceCall.templateSafe(value)) {
            context.report(Rules.EVENTBRIDGE_ENTRY, "the event " + what + " '" + value + "' is empty, longer than "
                    + max + " characters, or has a quote, backslash, '$', '#' or control character.",
                    "give a plain " + what + ", " + example + ".");
        }
    }
}
