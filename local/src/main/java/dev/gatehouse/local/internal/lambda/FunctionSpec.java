package dev.gatehouse.local.internal.lambda;

import java.nio.file.Path;
import java.util.Map;

/**
 * A Lambda function as the template describes it, with deploy-time values resolved locally.
 *
 * @param code the asset (a jar or zip file, or a directory), or null when the code is not an asset
 * @param reservedConcurrency ReservedConcurrentExecutions, or -1 when not set
 */
public record FunctionSpec(String logicalId, String name, String arn, String runtime, String handler,
        Map<String, String> environment, int timeoutSeconds, int memoryMb, int reservedConcurrency, Path code) {

    /** Whether the runtime is a Java runtime (java8.al2, java11, java17, java21, ...). */
    public boolean isJava() {
        return runtime.startsWith("java");
    }

    /** "Echo (java21)": how a function is named in messages. */
    public String describe() {
        return logicalId + " (" + (runtime.isEmpty() ? "no runtime" : runtime) + ")";
    }
}
