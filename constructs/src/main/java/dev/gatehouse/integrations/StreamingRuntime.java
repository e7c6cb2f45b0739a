package dev.gatehouse.integrations;

import dev.gatehouse.rules.Rules;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.RuntimeFamily;
import software.amazon.awscdk.services.lambda.Version;

/**
 * Warns when a streamed route's function runs on a managed runtime without Lambda response
 * streaming (rule GH267): only Node.js offers it; custom runtimes ({@code provided.*}) may.
 */
final class StreamingRuntime {
    private StreamingRuntime() {
    }

    static void check(IFunction handler, LambdaTarget target, IntegrationContext context) {
        Runtime runtime = runtimeOf(handler);
        if (runtime == null || runtime.getFamily() == RuntimeFamily.NODEJS || runtime.getFamily() == RuntimeFamily.OTHER) {
            return;
        }
        context.report(Rules.STREAMING_RUNTIME,
                "it streams, but its function '" + target.getPath() + "' runs on " + runtime.getName()
                        + ", where Lambda offers no response streaming; unless the function writes the streaming "
                        + "format another way (the Lambda Web Adapter), every request answers 500.",
                "stream from a Node.js function or a custom runtime that writes Lambda's streaming format, or "
                        + "leave the route buffered.");
    }

    /** The runtime of a function, or of the function a version or alias invokes; null when unknown. */
    private static Runtime runtimeOf(IFunction handler) {
        if (handler instanceof Function function) {
            return function.getRuntime();
        }
        if (handler instanceof Version version) {
            return runtimeOf(version.getLambda());
        }
        if (handler instanceof Alias alias) {
            return runtimeOf(alias.getVersion().getLambda());
        }
        return null;
    }
}
