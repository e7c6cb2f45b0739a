package dev.gatehouse.local.internal.lambda;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Java function, loaded from its asset into its own class loader on first use and kept: its
 * handler object is constructed once and serves every invocation (concurrently, up to the
 * function's concurrency limit), each within the function's timeout.
 */
final class FunctionInstance {
    /** Converts events to the handler's input type and its result back; lenient like Lambda's runtime. */
    static final ObjectMapper EVENTS = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private final FunctionSpec spec;
    private final FunctionClassLoader loader;
    private final Semaphore concurrency;
    private final int concurrencyLimit;
    private final ExecutorService executor;
    private final PrintStream log;
    private volatile Handler handler;

    /** The handler method and how to call it. */
    private record Handler(Object target, Method method, ObjectReader input, boolean stream, boolean takesContext,
            LambdaContexts.Factory contexts) {
    }

    FunctionInstance(FunctionSpec spec, FunctionClassLoader loader, int concurrencyLimit, ExecutorService executor,
            PrintStream log) {
        this.spec = spec;
        this.loader = loader;
        this.concurrency = new Semaphore(concurrencyLimit);
        this.concurrencyLimit = concurrencyLimit;
        this.executor = executor;
        this.log = log;
    }

    FunctionSpec spec() {
        return spec;
    }

    /**
     * Invokes the handler with an event.
     *
     * @param timeoutMillis the time the caller waits (the function's timeout, or less)
     * @param functionTimeoutMillis the function's timeout, which the Context's remaining time counts down
     *     (Lambda knows nothing of a shorter integration timeout)
     */
    JsonNode invoke(JsonNode event, String requestId, long timeoutMillis, long functionTimeoutMillis) throws LambdaFailure {
        if (!concurrency.tryAcquire()) {
            throw new LambdaFailure(LambdaFailure.Kind.THROTTLED, "TooManyRequestsException",
                    spec.logicalId() + ": rate exceeded (concurrency limit " + concurrencyLimit + ")", null);
        }
        long now = System.currentTimeMillis();
        long deadline = now + timeoutMillis;
        Future<JsonNode> call;
        try {
            call = executor.submit(callable(event, requestId, now + functionTimeoutMillis));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            concurrency.release();
            throw new LambdaFailure(LambdaFailure.Kind.THROTTLED, "TooManyRequestsException",
                    spec.logicalId() + ": the gateway is shutting down", e);
        }
        try {
            return call.get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new LambdaFailure(LambdaFailure.Kind.TIMEOUT, "Sandbox.Timedout",
                    spec.logicalId() + ": Task timed out after " + timeoutMillis / 1000.0 + " seconds", null);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new LambdaFailure(LambdaFailure.Kind.TIMEOUT, "Interrupted", spec.logicalId() + ": interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LambdaFailure failure) {
                throw failure;
            }
            throw new LambdaFailure(LambdaFailure.Kind.FUNCTION_ERROR, e.getCause().getClass().getName(),
                    String.valueOf(e.getCause().getMessage()), e.getCause());
        } finally {
            concurrency.release();
        }
    }

    private Callable<JsonNode> callable(JsonNode event, String requestId, long deadline) {
        return () -> {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                Handler h = handler();
                Object context = h.contexts().create(requestId, deadline);
                return h.stream() ? callStream(h, event, context) : callPojo(h, event, context);
            } finally {
                thread.setContextClassLoader(previous);
            }
        };
    }

    private JsonNode callPojo(Handler h, JsonNode event, Object context) throws LambdaFailure {
        Object input;
        try {
            input = h.input().readValue(event);
        } catch (IOException | IllegalArgumentException e) {
            throw new LambdaFailure(LambdaFailure.Kind.FUNCTION_ERROR, "Runtime.InvalidInput",
                    spec.logicalId() + ": the event does not convert to the handler's input type: " + e.getMessage(), e);
        }
        Object result = call(h, h.takesContext() ? new Object[] {input, context} : new Object[] {input});
        return EVENTS.valueToTree(result);
    }

    private JsonNode callStream(Handler h, JsonNode event, Object context) throws LambdaFailure {
        InputStream in;
        try {
            in = new ByteArrayInputStream(EVENTS.writeValueAsBytes(event));
        } catch (IOException e) {
            throw new IllegalStateException("an event always serializes", e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        call(h, new Object[] {in, out, context});
        try {
            return out.size() == 0 ? EVENTS.nullNode() : EVENTS.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new LambdaFailure(LambdaFailure.Kind.FUNCTION_ERROR, "Runtime.InvalidOutput",
                    spec.logicalId() + ": the handler wrote output that is not JSON", e);
        }
    }

    private Object call(Handler h, Object[] arguments) throws LambdaFailure {
        try {
            return h.method().invoke(h.target(), arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new LambdaFailure(LambdaFailure.Kind.FUNCTION_ERROR, cause.getClass().getName(),
                    String.valueOf(cause.getMessage()), cause);
        } catch (IllegalAccessException e) {
            throw new LambdaFailure(LambdaFailure.Kind.INIT_ERROR, "Runtime.HandlerNotFound",
                    spec.logicalId() + ": handler " + spec.handler() + " is not accessible", e);
        }
    }

    /** The handler, constructed on first use (Lambda's init); a failed init is retried next time. */
    private Handler handler() throws LambdaFailure {
        Handler h = handler;
        if (h == null) {
            synchronized (this) {
                h = handler;
                if (h == null) {
                    h = load();
                    handler = h;
                }
            }
        }
        return h;
    }

    private Handler load() throws LambdaFailure {
        String handlerName = spec.handler();
        int separator = handlerName.indexOf("::");
        String className = separator < 0 ? handlerName : handlerName.substring(0, separator);
        String methodName = separator < 0 ? "handleRequest" : handlerName.substring(separator + 2);
        Class<?> type;
        Object target;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new LambdaFailure(LambdaFailure.Kind.INIT_ERROR, "Runtime.ClassNotFound", spec.logicalId()
                    + ": class " + className + " of handler " + handlerName + " is not in the function's asset", e);
        } catch (LinkageError e) {
            throw initError(e);
        }
        Method method = method(type, methodName);
        try {
            if (Modifier.isStatic(method.getModifiers())) {
                target = null;
            } else {
                Constructor<?> constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                target = constructor.newInstance();
            }
        } catch (InvocationTargetException e) {
            throw initError(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new LambdaFailure(LambdaFailure.Kind.INIT_ERROR, "Runtime.NoSuchMethod", spec.logicalId()
                    + ": handler class " + className + " has no public no-argument constructor", e);
        } catch (LinkageError e) {
            throw initError(e);
        }
        method.setAccessible(true);
        Class<?>[] parameters = method.getParameterTypes();
        Class<?> contextInterface = LambdaContexts.contextInterface(loader);
        boolean stream = parameters.length == 3 && InputStream.class.isAssignableFrom(parameters[0])
                && OutputStream.class.isAssignableFrom(parameters[1]);
        JavaType inputType = stream || parameters.length == 0 ? null
                : EVENTS.getTypeFactory().constructType(method.getGenericParameterTypes()[0]);
        ObjectReader input = inputType == null ? null : EVENTS.readerFor(inputType);
        return new Handler(target, method, input, stream, parameters.length == 2,
                new LambdaContexts.Factory(loader, contextInterface, spec, log));
    }

    private LambdaFailure initError(Throwable cause) {
        log.println("[" + spec.logicalId() + "] init failed: " + cause);
        return new LambdaFailure(LambdaFailure.Kind.INIT_ERROR, "Runtime.InitError", spec.logicalId()
                + ": the handler's initialization failed: " + cause, cause);
    }

    /** The handler method: public, named so, (input[, Context]) or (InputStream, OutputStream, Context); not a bridge. */
    private Method method(Class<?> type, String name) throws LambdaFailure {
        Method chosen = null;
        for (Method candidate : type.getMethods()) {
            if (!candidate.getName().equals(name) || candidate.isBridge() || candidate.isSynthetic()) {
                continue;
            }
            int count = candidate.getParameterCount();
            if (count >= 1 && count <= 3 && (chosen == null || count > chosen.getParameterCount())) {
                chosen = candidate;
            }
        }
        if (chosen == null) {
            throw new LambdaFailure(LambdaFailure.Kind.INIT_ERROR, "Runtime.NoSuchMethod", spec.logicalId()
                    + ": class " + type.getName() + " has no public method " + name + " taking an event", null);
        }
        return chosen;
    }
}
