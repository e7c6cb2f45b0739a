package dev.gatehouse.local.internal.lambda;

import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;

/**
 * The {@code com.amazonaws.services.lambda.runtime.Context} a handler receives, built as a proxy
 * of the interface in the function's own class loader (the function bundles aws-lambda-java-core).
 */
final class LambdaContexts {
    private static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";
    private static final String LOGGER = "com.amazonaws.services.lambda.runtime.LambdaLogger";

    private LambdaContexts() {
    }

    /** The context's interface in the function's class loader, or null when the function has none. */
    static Class<?> contextInterface(ClassLoader loader) {
        try {
            return Class.forName(CONTEXT, false, loader);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /**
     * Makes the contexts of one function: the proxy class and the logger are made once, each
     * invocation's context is a new instance with its request id and deadline.
     */
    static final class Factory {
        private final Constructor<?> constructor;
        private final Object logger;
        private final FunctionSpec function;

        Factory(ClassLoader loader, Class<?> contextInterface, FunctionSpec function, PrintStream log) {
            this.function = function;
            this.logger = contextInterface == null ? null : logger(loader, function, log);
            Constructor<?> c = null;
            if (contextInterface != null) {
                try {
                    c = Proxy.newProxyInstance(loader, new Class<?>[] {contextInterface}, (p, m, a) -> null).getClass()
                            .getConstructor(InvocationHandler.class);
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException("a proxy class always has the InvocationHandler constructor", e);
                }
            }
            this.constructor = c;
        }

        /** A context for one invocation; null when the function does not bundle the interface. */
        Object create(String requestId, long deadlineMillis) {
            if (constructor == null) {
                return null;
            }
            try {
                return constructor.newInstance(handler(function, requestId, deadlineMillis, logger));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("could not make the function's Context", e);
            }
        }
    }

    private static InvocationHandler handler(FunctionSpec function, String requestId, long deadlineMillis, Object logger) {
        return (proxy, method, args) -> {
            switch (method.getName()) {
                case "getAwsRequestId":
                    return requestId;
                case "getRemainingTimeInMillis":
                    return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
                case "getFunctionName":
                    return function.name();
                case "getFunctionVersion":
                    return "$LATEST";
                case "getInvokedFunctionArn":
                    return function.arn();
                case "getMemoryLimitInMB":
                    return function.memoryMb();
                case "getLogGroupName":
                    return "/aws/lambda/" + function.name();
                case "getLogStreamName":
                    return "local/" + function.logicalId();
                case "getLogger":
                    return logger;
                default:
                    return defaultValue(proxy, method);
            }
        };
    }

    private static Object logger(ClassLoader loader, FunctionSpec function, PrintStream log) {
        Class<?> loggerInterface;
        try {
            loggerInterface = Class.forName(LOGGER, false, loader);
        } catch (ClassNotFoundException e) {
            return null;
        }
        String prefix = "[" + function.logicalId() + "] ";
        return Proxy.newProxyInstance(loader, new Class<?>[] {loggerInterface}, (proxy, method, args) -> {
            if (method.getName().equals("log") && args != null && args.length >= 1) {
                Object message = args[0];
                String text = message instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(message);
                log.println(prefix + text);
                return null;
            }
            return defaultValue(proxy, method);
        });
    }

    private static Object defaultValue(Object proxy, Method method) {
        switch (method.getName()) {
            case "toString":
                return "LocalLambdaContext";
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return false;
            default:
                break;
        }
        Class<?> type = method.getReturnType();
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == boolean.class) {
            return false;
        }
        return null;
    }
}
