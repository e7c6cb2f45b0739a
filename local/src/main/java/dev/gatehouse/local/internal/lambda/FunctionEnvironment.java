package dev.gatehouse.local.internal.lambda;

import java.util.Map;

/**
 * Copied into each function's class loader, where the function's calls to
 * {@code System.getenv} and {@code System.exit} (and {@code Runtime.exit/halt}) are redirected to
 * it: each function sees its own environment variables, and a handler that exits cannot stop the
 * gateway. Uses JDK classes only (it is defined anew in every function's class loader).
 */
public final class FunctionEnvironment {
    private static volatile Map<String, String> values = Map.of();

    private FunctionEnvironment() {
    }

    /** Set by the gateway right after the class is defined in a function's class loader. */
    public static void install(Map<String, String> environment) {
        values = Map.copyOf(environment);
    }

    public static String getenv(String name) {
        if (name == null) {
            throw new NullPointerException("name");
        }
        return values.get(name);
    }

    public static Map<String, String> getenv() {
        return values;
    }

    public static void exit(int status) {
        throw new SecurityException("System.exit(" + status + ") called by a Lambda handler: the local gateway does not"
                + " let a function stop it (on Lambda the execution environment would end)");
    }

    public static void exit(Runtime runtime, int status) {
        exit(status);
    }

    public static void halt(Runtime runtime, int status) {
        exit(status);
    }
}
