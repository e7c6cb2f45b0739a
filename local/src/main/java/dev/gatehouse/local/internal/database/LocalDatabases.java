package dev.gatehouse.local.internal.database;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.local.internal.assembly.LocalValues;
import dev.gatehouse.local.internal.assembly.StackTemplate;
import dev.gatehouse.local.internal.lambda.FunctionSpec;
import dev.gatehouse.local.internal.lambda.LambdaFailure;
import dev.gatehouse.local.internal.lambda.LambdaFunctions;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The database behind the bundled database proxy, locally: a JDBC URL given on the command line,
 * or an embedded PostgreSQL the gateway starts (real PostgreSQL binaries) at the first database
 * request. The proxy and schema functions (those with {@code GATEHOUSE_DB_ENGINE}) get variables
 * that point them at it: its host, port and database, TLS off, and credentials read through the
 * AWS SDK from a local Secrets Manager endpoint. Before the first database request the backends'
 * schema statements (their custom resources) are applied by invoking the schema function as
 * CloudFormation would, with a Create event. When the embedded database cannot start, the
 * database routes answer 501 with the reason and the option to use instead.
 */
public final class LocalDatabases implements AutoCloseable {
    /** The variable that marks the bundled database functions (their contract with the construct). */
    public static final String ENGINE_VARIABLE = "GATEHOUSE_DB_ENGINE";

    /** How the embedded database starts (tests pass one that fails). */
    interface EmbeddedStarter {
        EmbeddedDatabase start() throws IOException;
    }

    private final String jdbcUrl;
    private final LambdaFunctions functions;
    private final StackTemplate stack;
    private final LocalValues values;
    private final PrintStream out;
    private final EmbeddedStarter starter;

    private DatabaseLocation location;
    private LocalSecretsManager secrets;
    private EmbeddedDatabase embedded;
    private String unavailable;
    private boolean schemaApplied;
    private Thread applyingSchema;

    private LocalDatabases(String jdbcUrl, LambdaFunctions functions, StackTemplate stack, LocalValues values,
            PrintStream out, EmbeddedStarter starter) {
        this.jdbcUrl = jdbcUrl;
        this.functions = functions;
        this.stack = stack;
        this.values = values;
        this.out = out;
        this.starter = starter;
    }

    /**
     * Connects the stack's database functions, if it has any, to the database at {@code jdbcUrl},
     * or to an embedded PostgreSQL when it is null; empty when the stack has no database function.
     *
     * @throws IllegalArgumentException when the URL is not usable or not of the functions' engine
     */
    public static Optional<LocalDatabases> attach(String jdbcUrl, LambdaFunctions functions, StackTemplate stack,
            LocalValues values, PrintStream out) {
        return attach(jdbcUrl, functions, stack, values, out, EmbeddedDatabase::start);
    }

    static Optional<LocalDatabases> attach(String jdbcUrl, LambdaFunctions functions, StackTemplate stack,
            LocalValues values, PrintStream out, EmbeddedStarter starter) {
        if (functions.all().stream().noneMatch(LocalDatabases::isDatabaseFunction)) {
            return Optional.empty();
        }
        if (jdbcUrl != null) {
            DatabaseLocation given = DatabaseLocation.parse(jdbcUrl);
            for (FunctionSpec function : functions.all()) {
                String engine = function.environment().get(ENGINE_VARIABLE);
                if (engine != null && !engine.equalsIgnoreCase(given.engine())) {
                    throw new IllegalArgumentException("function " + function.logicalId() + " speaks " + engine
                            + " but --database-url is a " + given.engine() + " database: give a " + engine + " URL");
                }
            }
        }
        LocalDatabases databases = new LocalDatabases(jdbcUrl, functions, stack, values, out, starter);
        functions.addPreparation(databases::prepare);
        functions.addOverride(f -> isDatabaseFunction(f) ? databases.variables() : Map.of());
        return Optional.of(databases);
    }

    private static boolean isDatabaseFunction(FunctionSpec function) {
        return function.environment().containsKey(ENGINE_VARIABLE);
    }

    /** What the summary says about the database. */
    public String describe() {
        return jdbcUrl != null ? "Database routes use " + DatabaseLocation.parse(jdbcUrl).host() + ":"
                + DatabaseLocation.parse(jdbcUrl).port() + "/" + DatabaseLocation.parse(jdbcUrl).database()
                : "Database routes: an embedded PostgreSQL starts at the first database request (or give --database-url)";
    }

    /** Starts the database and applies the schema before a database function's first invocation. */
    private void prepare(FunctionSpec function) throws LambdaFailure {
        if (!isDatabaseFunction(function)) {
            return;
        }
        synchronized (this) {
            if (location == null && unavailable == null) {
                start();
            }
            if (unavailable != null) {
                throw new LambdaFailure(LambdaFailure.Kind.UNSUPPORTED, "Runtime.Unavailable", "function "
                        + function.describe() + " cannot run: " + unavailable, null);
            }
            if (!schemaApplied && applyingSchema != Thread.currentThread()) {
                applyingSchema = Thread.currentThread();
                try {
                    applySchemas();
                } finally {
                    applyingSchema = null;
                    schemaApplied = true;
                }
            }
        }
    }

    private void start() {
        if (jdbcUrl != null) {
            location = DatabaseLocation.parse(jdbcUrl);
        } else {
            try {
                embedded = starter.start();
                location = embedded.location();
                out.println("Embedded PostgreSQL on " + location.host() + ":" + location.port());
            } catch (IOException | IllegalStateException | LinkageError e) {
                // a LinkageError: a class the embedded database needs is missing from the classpath
                unavailable = "the embedded PostgreSQL could not start (" + rootCause(e) + ")"
                        + ("root".equals(System.getProperty("user.name")) ? "; PostgreSQL refuses to run as root" : "")
                        + ": give the gateway a database with --database-url"
                        + " 'jdbc:postgresql://HOST:5432/DATABASE?user=USER' (LocalGateway.Builder.databaseUrl)";
                out.println("Database routes unavailable: " + unavailable);
                return;
            }
        }
        try {
            secrets = new LocalSecretsManager(location.user(), location.password());
        } catch (IOException e) {
            unavailable = "the local Secrets Manager endpoint could not start: " + e.getMessage();
        }
    }

    private synchronized Map<String, String> variables() {
        Map<String, String> env = new LinkedHashMap<>();
        if (location == null || secrets == null) {
            return env;
        }
        env.put("GATEHOUSE_DB_HOST", location.host());
        env.put("GATEHOUSE_DB_PORT", Integer.toString(location.port()));
        env.put("GATEHOUSE_DB_NAME", location.database());
        env.put("GATEHOUSE_DB_AUTH", "secret");
        env.put("GATEHOUSE_DB_SECRET_ARN", LocalSecretsManager.SECRET_ARN);
        env.put("GATEHOUSE_DB_TLS", "disable");
        env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        return env;
    }

    /**
     * Runs the schema custom resources: each whose service token is a database function, or a CDK
     * Provider framework function whose on-event function (USER_ON_EVENT_FUNCTION_ARN) is one.
     */
    private void applySchemas() {
        JsonNode resources = stack.template().path("Resources");
        resources.fields().forEachRemaining(resource -> {
            String type = resource.getValue().path("Type").asText();
            if (!type.startsWith("Custom::") && !type.equals("AWS::CloudFormation::CustomResource")) {
                return;
            }
            JsonNode properties = values.resolve(resource.getValue().path("Properties"));
            Optional<FunctionSpec> function = functions.byArn(properties.path("ServiceToken").asText());
            if (function.isPresent() && function.get().environment().containsKey("USER_ON_EVENT_FUNCTION_ARN")) {
                function = functions.byArn(function.get().environment().get("USER_ON_EVENT_FUNCTION_ARN"));
            }
            if (function.isEmpty() || !isDatabaseFunction(function.get())) {
                return;
            }
            ObjectNode event = JsonNodeFactory.instance.objectNode();
            event.put("RequestType", "Create").put("ResourceType", type).put("LogicalResourceId", resource.getKey())
                    .put("RequestId", UUID.randomUUID().toString()).put("StackId", values.ref("AWS::StackId"));
            event.set("ResourceProperties", properties);
            try {
                functions.invoke(function.get(), event, UUID.randomUUID().toString(), 300_000);
                out.println("Schema " + resource.getKey() + " applied to " + location.database() + " by "
                        + function.get().logicalId());
            } catch (LambdaFailure e) {
                out.println("Schema " + resource.getKey() + " failed: " + e.getMessage());
            }
        });
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    @Override
    public synchronized void close() {
        if (secrets != null) {
            secrets.close();
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                out.println("could not stop the embedded PostgreSQL: " + e);
            }
        }
    }
}
