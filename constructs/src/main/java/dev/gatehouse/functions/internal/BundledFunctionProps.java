package dev.gatehouse.functions.internal;

import dev.gatehouse.Defaults;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.FunctionProps;
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
     * a log group with Gatehouse's retention. The log group is created beside the function
     * ({@code <functionId>Logs} in {@code scope}), because a Function subclass cannot create
     * children before its own constructor has run.
     */
    public static FunctionProps.Builder of(Construct scope, String functionId, String name, String handler,
            Map<String, String> environment) {
        return of(scope, functionId, HandlerAssets.code(name), handler, environment);
    }

    /** As {@link #of(Construct, String, String, String, Map)}, with the code given. */
    public static FunctionProps.Builder of(Construct scope, String functionId, Code code, String handler,
            Map<String, String> environment) {
        return FunctionProps.builder()
                .runtime(Runtime.JAVA_21)
                .architecture(Defaults.HANDLER_ARCHITECTURE)
                .memorySize(Defaults.HANDLER_MEMORY_MB)
                .timeout(Duration.seconds(Defaults.HANDLER_TIMEOUT_SECONDS))
                .tracing(Tracing.ACTIVE)
                .code(code)
                .handler(handler)
                .environment(withJvmOptions(environment))
                .logGroup(LogGroup.Builder.create(scope, functionId + "Logs")
                        .retention(Defaults.HANDLER_LOG_RETENTION)
                        .build());
    }
}
