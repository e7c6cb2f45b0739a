package dev.gatehouse.integrations;

import dev.gatehouse.rules.Rules;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * A route that sends the request body to an SQS queue ({@code SendMessage}, query protocol) and
 * answers 202 with the message id. Templates: sqs-*.vtl beside this class.
 */
final class SqsRouteIntegration extends RouteIntegration {
    /** SQS: 1 to 128 alphanumeric and punctuation characters (here, those a form value needs no escaping for). */
    private static final Pattern MESSAGE_GROUP = Pattern.compile("[A-Za-z0-9!()*,./:;<=>?@\\[\\]^_`{|}~-]{1,128}");

    private final IQueue queue;
    private final SqsRouteIntegrationOptions options;

    SqsRouteIntegration(IQueue queue, SqsRouteIntegrationOptions options) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public RouteIntegrationConfig bind(IntegrationContext context) {
        String fifo = fifoParameters(context);
        String role = context.allowExecution(queue, "sqs:SendMessage", queue.getQueueArn());
        IKey key = queue.getEncryptionMasterKey();
        if (key != null) {
            // SQS encrypts the message with the queue's key on the sender's behalf.
            context.allowExecution(key, "kms:GenerateDataKey", key.getKeyArn());
            context.allowExecution(key, "kms:Decrypt", key.getKeyArn());
        }
        String path = queue.getEnv().getAccount() + "/" + queue.getQueueName();
        return new AwsServiceCall(context, queue.getEnv().getRegion(), "sqs:path/" + path, role,
                MappingTemplates.render("sqs-request.vtl", Map.of("FIFO", fifo)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(options.getTimeout(), context)
                .success("202", "The message was queued", MappingTemplates.render("sqs-response.vtl"), Map.of())
                .config();
    }

    /** GH243: a FIFO queue needs a message group; the deduplication id is the request id. */
    private String fifoParameters(IntegrationContext context) {
        String group = options.getMessageGroupId();
        boolean isFifo = Boolean.TRUE.equals(queue.getFifo());
        String path = queue.getNode().getPath();
        if (isFifo && group == null) {
            context.report(Rules.SQS_MESSAGE, "the queue '" + path + "' is a FIFO queue, which refuses messages "
                    + "without a message group.", "name one: SqsRouteIntegrationOptions.builder().messageGroupId(\"orders\").");
            return "";
        }
        if (!isFifo && group != null) {
            context.report(Rules.SQS_MESSAGE, "the queue '" + path + "' is a standard queue, which takes no message "
                    + "group ('" + group + "').", "remove messageGroupId, or route to a FIFO queue.");
            return "";
        }
        if (group == null) {
            return "";
        }
        if (!MESSAGE_GROUP.matcher(group).matches()) {
            context.report(Rules.SQS_MESSAGE, "the message group '" + group + "' is not 1 to 128 letters, digits "
                    + "and punctuation (without '#', '$', '%', '&', '+', quotes and backslash).",
                    "use a simple name, e.g. \"orders\".");
            return "";
        }
        return "&MessageGroupId=" + group + "&MessageDeduplicationId=$context.requestId";
    }
}
