package dev.gatehouse.functions.internal;

import dev.gatehouse.Defaults;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.FunctionProps;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/** The function properties every bundled handler shares (see {@link Defaults}). */
public final class BundledFunctionProps {
    private BundledFunctionProps() {
    }

    /**
     * Short-lived handlers start faster with only the C1 compiler (AWS's Lambda Java guidance);
     * a handler's own environment can override it.
     */
    public static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    private static Map<String, String> withJvmOptions(Map<String, String> environment) {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
        all.putAll(environment);
        return all;
    }

    /**
     * Properties for the bundled handler {@code name} with entry point {@code handler}, logging to
     * a log group with Gatehouse's retention. The log group and the execution role are created
     * beside the function ({@code <functionId>Logs} and {@code <functionId>Role} in
     * {@code scope}), because a Function subclass cannot create children before its own
     * constructor has run.
     *
     * <p>The role may write to that log group only (instead of the AWS managed
     * AWSLambdaBasicExecutionRole, which allows every log group of the account); the function
     * adds X-Ray's permissions when tracing is on.
     */
    public static FunctionProps.Builder of(Construct scope, String functionId, String name, String handler,
            Map<String, String> environment) {
        return of(scope, functionId, HandlerAssets.code(name), handler, environment);
    }

    /** As {@link #of(Construct, String, String, String, Map)}, with the code given. */
    public static FunctionProps.Builder of(Construct scope, String functionId, Code code, String handler,
            Map<String, String> environment) {
        LogGroup logGroup = LogGroup.Builder.create(scope, functionId + "Logs")
                .retention(Defaults.HANDLER_LOG_RETENTION)
                .build();
        Role role = Role.Builder.create(scope, functionId + "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build();
        logGroup.grantWrite(role);
        return FunctionProps.builder()
                .runtime(Runtime.JAVA_21)
                .architecture(Defaults.HANDLER_ARCHITECTURE)
                .memorySize(Defaults.HANDLER_MEMORY_MB)
                .timeout(Duration.seconds(Defaults.HANDLER_TIMEOUT_SECONDS))
                .tracing(Tracing.ACTIVE)
                .code(code)
                .handler(handler)
                .environment(withJvmOptions(environment))
                .role(role)
                .logGroup(logGroup);
    }

    /**
     * What API Gateway invokes for a bundled function: with SnapStart, the alias
     * {@value Defaults#HANDLER_ALIAS} of its current version, whose ARN and invoke permission stay
     * the same when the code changes (so an update needs no redeployment and no request meets a
     * version whose permission CloudFormation has not created yet); without, the function.
     */
    public static IFunction invocationTarget(Function function, boolean snapStart) {
        if (!snapStart) {
            return function;
        }
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "API Gateway invokes the alias '" + Defaults.HANDLER_ALIAS + "' of the function's current version");
        return function.addAlias(Defaults.HANDLER_ALIAS);
    }
}
