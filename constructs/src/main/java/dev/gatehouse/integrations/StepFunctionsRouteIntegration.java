package dev.gatehouse.integrations;

import dev.gatehouse.Defaults;
import dev.gatehouse.rules.Rules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;

/**
 * A route that runs a Step Functions workflow: {@code StartSyncExecution} (the result is the
 * response) or {@code StartExecution} (202 with the execution ARN). Templates:
 * stepfunctions-*.vtl beside this class.
 */
final class StepFunctionsRouteIntegration extends RouteIntegration {
    /** Header names written into the request template's list: a subset of HTTP's token characters. */
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private final IStateMachine stateMachine;
    private final StepFunctionsRouteIntegrationOptions options;

    StepFunctionsRouteIntegration(IStateMachine stateMachine, StepFunctionsRouteIntegrationOptions options) {
        this.stateMachine = Objects.requireNonNull(stateMachine, "stateMachine");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public RouteIntegrationConfig bind(IntegrationContext context) {
        boolean sync = orDefault(options.getExecution(), Defaults.STEP_FUNCTIONS_EXECUTION)
                == StepFunctionsExecution.SYNCHRONOUS;
        checkType(context, sync);
        checkOptions(context, sync);
        String arn = stateMachine.getStateMachineArn();
        String action = sync ? "StartSyncExecution" : "StartExecution";
        String role = context.allowExecution(stateMachine, "states:" + action, arn);

        String request = MappingTemplates.render("stepfunctions-request.vtl",
                Map.of("STATE_MACHINE_ARN", arn, "PARTS", inputParts()));
        AwsServiceCall call = new AwsServiceCall(context, stateMachine.getEnv().getRegion(), "states:action/" + action,
                role, request).timeout(options.getTimeout(), context);
        if (!sync) {
            return call.success("202", "The execution started", MappingTemplates.render("stepfunctions-async-response.vtl"),
                    Map.of()).config();
        }
        String cause = orDefault(options.getExposeErrorCause(), Defaults.STEP_FUNCTIONS_EXPOSE_ERROR_CAUSE)
                ? ",\"cause\":\"$causeJson\"" : "";
        StringBuilder errorStatuses = new StringBuilder();
        Map<String, String> statuses = new LinkedHashMap<>();
        options.getErrorStatuses().forEach((error, status) -> {
            if (validErrorName(error) && status >= 400 && status <= 499) {
                errorStatuses.append(errorStatuses.length() == 0 ? "" : "\n").append(MappingTemplates.render(
                        "stepfunctions-error-status.vtl", Map.of("ERROR", error, "STATUS", status.toString(), "CAUSE", cause)));
                statuses.putIfAbsent(status.toString(), "The workflow failed with a mapped error");
            }
        });
        statuses.put("504", "The workflow timed out");
        return call.success("200", "The workflow's output", MappingTemplates.render("stepfunctions-sync-response.vtl",
                Map.of("ERROR_STATUSES", errorStatuses.toString(), "CAUSE", cause)), statuses).config();
    }

    /** The parts of the execution input after the body, as the options choose them. */
    private String inputParts() {
        StringBuilder parts = new StringBuilder();
        if (orDefault(options.getIncludePath(), Defaults.STEP_FUNCTIONS_INCLUDE_PATH)) {
            parts.append(MappingTemplates.render("stepfunctions-request-map.vtl", Map.of("NAME", "path", "MAP", "$p.path")));
        }
        if (orDefault(options.getIncludeQueryString(), Defaults.STEP_FUNCTIONS_INCLUDE_QUERY_STRING)) {
            parts.append(parts.length() == 0 ? "" : "\n").append(MappingTemplates.render("stepfunctions-request-map.vtl",
                    Map.of("NAME", "querystring", "MAP", "$p.querystring")));
        }
        String headers = orDefault(options.getHeaders(), Defaults.STEP_FUNCTIONS_HEADERS).stream()
                .filter(h -> HEADER_NAME.matcher(h).matches())
                .map(h -> "'" + h.toLowerCase(Locale.ROOT) + "'").collect(Collectors.joining(","));
        if (!headers.isEmpty()) {
            parts.append(parts.length() == 0 ? "" : "\n").append(MappingTemplates.render(
                    "stepfunctions-request-headers.vtl", Map.of("HEADERS", headers)));
        }
        if (orDefault(options.getIncludeAuthorizerContext(), Defaults.STEP_FUNCTIONS_INCLUDE_AUTHORIZER_CONTEXT)) {
            parts.append(parts.length() == 0 ? "" : "\n").append(MappingTemplates.render("stepfunctions-request-map.vtl",
                    Map.of("NAME", "authorizer", "MAP", "$context.authorizer")));
        }
        return parts.toString();
    }

    /** GH240 and GH241: a synchronous execution needs an EXPRESS state machine. */
    private void checkType(IntegrationContext context, boolean sync) {
        StateMachineType declared = options.getStateMachineType();
        StateMachineType known = stateMachine instanceof StateMachine owned ? owned.getStateMachineType() : null;
        String path = stateMachine.getNode().getPath();
        if (declared != null && known != null && declared != known) {
            throw new IllegalArgumentException("route '" + context.getRoute() + "': stateMachineType(" + declared
                    + ") contradicts the state machine '" + path + "', which is " + known
                    + "; leave stateMachineType out for a state machine of this app.");
        }
        StateMachineType type = known != null ? known : declared;
        if (!sync) {
            return;
        }
        if (type == StateMachineType.STANDARD) {
            context.report(Rules.STEP_FUNCTIONS_SYNC_STANDARD,
                    "it runs the STANDARD state machine '" + path + "' synchronously (StartSyncExecution), which "
                            + "Step Functions refuses for STANDARD workflows: every call would fail.",
                    "run it asynchronously (StepFunctionsRouteIntegrationOptions.builder().execution("
                            + "StepFunctionsExecution.ASYNCHRONOUS): the route answers 202 with the execution ARN), "
                            + "or make the state machine EXPRESS.");
        } else if (type == null) {
            context.report(Rules.STEP_FUNCTIONS_TYPE_UNKNOWN,
                    "it runs the imported state machine '" + path + "' synchronously, which works only if it is "
                            + "EXPRESS, and its type is not known at synth.",
                    "state its type: StepFunctionsRouteIntegrationOptions.builder().stateMachineType("
                            + "StateMachineType.EXPRESS), or run it asynchronously.");
        }
    }

    /** GH242. */
    private void checkOptions(IntegrationContext context, boolean sync) {
        options.getErrorStatuses().forEach((error, status) -> {
            if (!validErrorName(error)) {
                context.report(Rules.STEP_FUNCTIONS_OPTIONS, "the workflow error name '" + error
                        + "' is empty, longer than 256 characters, or has a quote, backslash, '$', '#' or control "
                        + "character.", "map the error name as the workflow raises it, e.g. errorStatus(\"OrderNotFound\", 404).");
            }
            if (status < 400 || status > 499) {
                context.report(Rules.STEP_FUNCTIONS_OPTIONS, "the workflow error '" + error + "' maps to " + status
                        + ", which is not a 4xx status.", "map workflow errors to 400-499; other failures are 500 already.");
            }
        });
        for (String header : orDefault(options.getHeaders(), List.<String>of())) {
            if (!HEADER_NAME.matcher(header).matches()) {
                context.report(Rules.STEP_FUNCTIONS_OPTIONS, "the header '" + header + "' is not a header name the template can hold.",
                        "name headers with letters, digits, '-' and '_', e.g. \"X-Request-Id\".");
            }
        }
        if (!sync && (!options.getErrorStatuses().isEmpty() || options.getExposeErrorCause() != null)) {
            context.report(Rules.STEP_FUNCTIONS_OPTIONS, "it runs the workflow asynchronously, so there is no "
                            + "execution result to map errorStatuses or exposeErrorCause from.",
                    "remove errorStatuses and exposeErrorCause, or run the workflow synchronously.");
        }
    }

    private static boolean validErrorName(String error) {
        return !error.isEmpty() && error.length() <= 256 && AwsServiceCall.templateSafe(error);
    }

    private static <T> T orDefault(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
