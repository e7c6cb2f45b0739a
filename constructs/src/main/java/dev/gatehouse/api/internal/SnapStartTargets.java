package dev.gatehouse.api.internal;

import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.CfnFunction;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.IVersion;

/** Whether API Gateway would invoke a SnapStart function unqualified, i.e. without SnapStart (GH204). */
public final class SnapStartTargets {
    private SnapStartTargets() {
    }

    /**
     * True for a {@link Function} with SnapStart on, or its {@code $LATEST} version
     * ({@code fn.getLatestVersion()}); false for published versions, aliases and imports.
     */
    public static boolean unqualifiedWithSnapStart(IFunction function) {
        if (function instanceof IVersion version && "$LATEST".equals(version.getVersion())) {
            return unqualifiedWithSnapStart(version.getLambda());
        }
        if (!(function instanceof Function fn) || !(fn.getNode().getDefaultChild() instanceof CfnFunction cfn)) {
            return false;
        }
        Object snapStart = cfn.getSnapStart();
        if (snapStart == null) {
            return false;
        }
        // The L2 passes a plain object that jsii hands over untyped; resolve it to a map.
        return Stack.of(fn).resolve(snapStart) instanceof Map<?, ?> settings
                && settings.values().contains("PublishedVersions");
    }
}
