package dev.gatehouse.local.internal.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.local.internal.assembly.LocalValues;
import dev.gatehouse.local.internal.assembly.StackTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The stack's Lambda functions: found by the ARNs the API names (function, version or alias
 * ARNs), and invoked in-process when they are Java functions.
 */
public final class LambdaFunctions implements AutoCloseable {
    private final Map<String, FunctionSpec> byLogicalId = new LinkedHashMap<>();
    private final Map<String, String> logicalIdByArn = new LinkedHashMap<>();
    private final Map<String, FunctionInstance> instances = new ConcurrentHashMap<>();
    private final List<EnvironmentOverride> overrides = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final int unreservedConcurrency;
    private final PrintStream log;
    private final ExecutorService executor;
    private final List<FunctionClassLoader> loaders = new ArrayList<>();
    private final List<Path> extracted = new ArrayList<>();

    /**
     * @param unreservedConcurrency the concurrency of a function without reserved concurrency
     */
    public LambdaFunctions(StackTemplate stack, LocalValues values, List<EnvironmentOverride> overrides,
            int unreservedConcurrency, PrintStream log) {
        this.overrides.addAll(overrides);
        this.unreservedConcurrency = unreservedConcurrency;
        this.log = log;
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "gatehouse-lambda-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = Executors.newCachedThreadPool(factory);
        for (String id : stack.resourcesOfType("AWS::Lambda::Function")) {
            FunctionSpec spec = read(stack, values, id);
            byLogicalId.put(id, spec);
            logicalIdByArn.put(spec.arn(), id);
            logicalIdByArn.put(spec.name(), id);
        }
        for (String type : List.of("AWS::Lambda::Alias", "AWS::Lambda::Version")) {
            for (String id : stack.resourcesOfType(type)) {
                String functionArn = LocalValues.functionArnOf(values.text(stack.resource(id).path("Properties").get("FunctionName")));
                String function = logicalIdByArn.get(functionArn);
                if (function != null) {
                    logicalIdByArn.put(values.ref(id), function);
                }
            }
        }
    }

    private static FunctionSpec read(StackTemplate stack, LocalValues values, String id) {
        JsonNode resource = stack.resource(id);
        JsonNode properties = resource.path("Properties");
        Map<String, String> environment = new LinkedHashMap<>();
        values.resolve(properties.path("Environment").path("Variables")).fields()
                .forEachRemaining(v -> environment.put(v.getKey(), v.getValue().isTextual() ? v.getValue().textValue()
                        : v.getValue().toString()));
        String name = values.functionName(id);
        Path code = null;
        JsonNode s3Key = properties.path("Code").get("S3Key");
        if (s3Key != null) {
            code = stack.assets().byObjectKey(values.text(s3Key)).orElse(null);
        }
        String assetPath = resource.path("Metadata").path("aws:asset:path").asText("");
        if (code == null && !assetPath.isEmpty()) {
            code = stack.assets().relative(assetPath);
        }
        return new FunctionSpec(id, name, LocalValues.functionArnOf(name), values.text(properties.get("Runtime")),
                values.text(properties.get("Handler")), environment, properties.path("Timeout").asInt(3),
                properties.path("MemorySize").asInt(128), properties.path("ReservedConcurrentExecutions").asInt(-1), code);
    }

    private final List<Preparation> preparations = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Runs before each invocation of a function, e.g. to start a local stand-in it needs. */
    public interface Preparation {
        /**
         * Readies what the function needs, or refuses the invocation.
         *
         * @throws LambdaFailure (kind UNSUPPORTED) saying why the function cannot run and what to do
         */
        void prepare(FunctionSpec function) throws LambdaFailure;
    }

    /** Adds a preparation, run before every invocation (it should return quickly once ready). */
    public void addPreparation(Preparation preparation) {
        preparations.add(preparation);
    }

    /** Adds variables set over functions' own (before a function is first invoked). */
    public void addOverride(EnvironmentOverride override) {
        overrides.add(override);
    }

    public Collection<FunctionSpec> all() {
        return byLogicalId.values();
    }

    /** The function an ARN (function, alias- or version-qualified) or a name refers to. */
    public Optional<FunctionSpec> byArn(String arn) {
        String id = logicalIdByArn.get(arn);
        return Optional.ofNullable(id == null ? null : byLogicalId.get(id));
    }

    /** The function a Lambda integration or authorizer URI invokes (…/functions/ARN/invocations). */
    public Optional<FunctionSpec> byInvocationUri(String uri) {
        int start = uri.indexOf("/functions/");
        int end = uri.lastIndexOf("/invocations");
        if (start < 0 || end <= start) {
            return Optional.empty();
        }
        return byArn(uri.substring(start + "/functions/".length(), end));
    }

    /**
     * Invokes a function.
     *
     * @param maxWaitMillis how long the caller waits at most (an integration timeout); the
     *     function's own timeout applies when shorter
     */
    public JsonNode invoke(FunctionSpec function, JsonNode event, String requestId, long maxWaitMillis) throws LambdaFailure {
        if (!function.isJava()) {
            throw new LambdaFailure(LambdaFailure.Kind.UNSUPPORTED, "Runtime.Unsupported", "function "
                    + function.describe() + " cannot run in the local gateway: only Java runtimes run in-process", null);
        }
        for (Preparation preparation : preparations) {
            preparation.prepare(function);
        }
        if (function.code() == null || !Files.exists(function.code())) {
            throw new LambdaFailure(LambdaFailure.Kind.UNSUPPORTED, "Runtime.NoCode", "function " + function.describe()
                    + " has no code asset in the cloud assembly (inline code, a container image or an S3 object"
                    + " synthesis did not write)", null);
        }
        FunctionInstance instance = instances.get(function.logicalId());
        if (instance == null) {
            // not computeIfAbsent: creating an instance may invoke another function (a preparation)
            synchronized (instances) {
                instance = instances.get(function.logicalId());
                if (instance == null) {
                    instance = instance(function);
                    instances.put(function.logicalId(), instance);
                }
            }
        }
        long timeout = Math.min(function.timeoutSeconds() * 1000L, maxWaitMillis);
        return instance.invoke(event, requestId, timeout, function.timeoutSeconds() * 1000L);
    }

    /** The environment a function sees: Lambda's variables, its own, then the local overrides. */
    public Map<String, String> environment(FunctionSpec function, Path taskRoot) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", LocalValues.REGION);
        env.put("AWS_DEFAULT_REGION", LocalValues.REGION);
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local/" + function.logicalId());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime());
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        String path = System.getenv("PATH");
        if (path != null) {
            env.put("PATH", path);
        }
        env.putAll(function.environment());
        for (EnvironmentOverride override : overrides) {
            env.putAll(override.variables(function));
        }
        return env;
    }

    private FunctionInstance instance(FunctionSpec function) {
        Path taskRoot = taskRoot(function.code());
        List<URL> classpath = new ArrayList<>();
        try {
            classpath.add(taskRoot.toUri().toURL());
            Path lib = taskRoot.resolve("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                        classpath.add(jar.toUri().toURL());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the code of function " + function.describe(), e);
        }
        FunctionClassLoader loader = new FunctionClassLoader("function " + function.logicalId(), classpath.toArray(URL[]::new));
        loader.installEnvironment(environment(function, taskRoot));
        synchronized (loaders) {
            loaders.add(loader);
        }
        int limit = function.reservedConcurrency() >= 0 ? function.reservedConcurrency() : unreservedConcurrency;
        return new FunctionInstance(function, loader, limit, executor, log);
    }

    /** The function's code directory: the asset directory, or a jar/zip asset unpacked as Lambda does. */
    private Path taskRoot(Path code) {
        if (Files.isDirectory(code)) {
            return code;
        }
        try {
            Path directory = Files.createTempDirectory("gatehouse-local-task-");
            synchronized (extracted) {
                extracted.add(directory);
            }
            Archives.unzip(code, directory);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack the code asset " + code, e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        synchronized (loaders) {
            for (FunctionClassLoader loader : loaders) {
                try {
                    loader.close();
                } catch (IOException e) {
                    log.println("could not close a function's class loader: " + e);
                }
            }
        }
        synchronized (extracted) {
            extracted.forEach(Archives::deleteQuietly);
        }
    }

}
