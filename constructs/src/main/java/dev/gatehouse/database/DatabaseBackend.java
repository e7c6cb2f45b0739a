package dev.gatehouse.database;

import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.Route;
import dev.gatehouse.api.RouteOptions;
import dev.gatehouse.database.config.ConfigProblem;
import dev.gatehouse.database.config.DatabaseEngine;
import dev.gatehouse.database.config.DatabaseRoute;
import dev.gatehouse.database.config.DatabaseRoutes;
import dev.gatehouse.database.config.RouteKey;
import dev.gatehouse.functions.internal.BundledFunctionProps;
import dev.gatehouse.functions.internal.HandlerAssets;
import dev.gatehouse.integrations.Integrations;
import dev.gatehouse.rules.Finding;
import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.customresources.Provider;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.FunctionProps;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.rds.IDatabaseCluster;
import software.constructs.Construct;
import software.constructs.IDependable;

/**
 * Serves HTTP routes from a database in one declaration: the bundled database proxy function in
 * the database's VPC, the network rule to the database (or RDS Proxy), its credentials
 * ({@code rds-db:connect} for IAM authentication, or read access to a secret), the route
 * configuration shipped with its code, and the routes on the API.
 *
 * <pre>{@code
 * DatabaseBackend.Builder.create(this, "Orders")
 *         .api(api)
 *         .vpc(vpc)
 *         .target(DatabaseTarget.proxy(proxy, DatabaseCredentials.iam("app")))
 *         .databaseName("shop")
 *         .routes(DatabaseRoutes.builder(DatabaseEngine.POSTGRESQL)
 *                 .route(DatabaseRoute.builder("GET /orders/{id}")
 *                         .sql("SELECT id, total FROM orders WHERE id = :id")
 *                         .result(ResultKind.ONE)
 *                         .param(RouteParameter.path("id", ParameterType.INTEGER))
 *                         .build())
 *                 .build())
 *         .build();
 * }</pre>
 *
 * <p>Configuration problems (a parameter used in SQL but not declared, a duplicate route...)
 * fail synthesis, each naming the route. See docs/database-proxy.md for the format and the error
 * contract.
 */
public class DatabaseBackend extends Construct {
    /** Entry point of the bundled handler. */
    public static final String HANDLER = "dev.gatehouse.lambda.database.DatabaseProxyHandler::handleRequest";
    /** The handler of the schema custom resource, in the same jar. */
    public static final String SCHEMA_HANDLER = "dev.gatehouse.lambda.database.SchemaHandler::handleRequest";
    /** How long the schema function may run (the Provider framework allows up to 15 minutes). */
    static final int SCHEMA_TIMEOUT_MINUTES = 5;
    /** How long one schema statement may run: an index on a filled table, or a wait for a lock. */
    static final int SCHEMA_STATEMENT_TIMEOUT_SECONDS = 240;
    /** Where the handler finds its routes in the function's code ({@code $LAMBDA_TASK_ROOT}). */
    public static final String ROUTES_FILE = "gatehouse-db-routes.json";
    static final String CA_FILE = "gatehouse-db-ca.pem";
    /** The function's timeout when none is given: room for the default connect and statement timeouts, twice. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 20;
    static final int MEMORY_MB = 1024;
    /** What a function needs to run in a VPC (the actions of AWSLambdaVPCAccessExecutionRole, without its logging). */
    public static final List<String> VPC_ACCESS_ACTIONS = List.of(
            "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets",
            "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses");

    private final Findings findings = new Findings();
    private final Function function;
    private final IFunction invoked;
    private final SecurityGroup securityGroup;
    private final CustomResource schemaResource;
    private final List<Route> routes = new ArrayList<>();

    public DatabaseBackend(Construct scope, String id, DatabaseBackendProps props) {
        super(scope, id);
        GatewayApi api = Objects.requireNonNull(props.getApi(), "DatabaseBackend '" + id + "': api is required");
        DatabaseRoutes config = Objects.requireNonNull(props.getRoutes(), "DatabaseBackend '" + id + "': routes are required");
        DatabaseTarget target = Objects.requireNonNull(props.getTarget(), "DatabaseBackend '" + id + "': target is required");
        String databaseName = Objects.requireNonNull(props.getDatabaseName(),
                "DatabaseBackend '" + id + "': databaseName is required");
        Objects.requireNonNull(props.getVpc(), "DatabaseBackend '" + id + "': vpc is required");
        String subject = "DatabaseBackend '" + id + "'";

        for (ConfigProblem problem : config.validate()) {
            findings.report(Rules.DATABASE_ROUTES,
                    problem.route().map(r -> "database route '" + r + "'").orElse(subject),
                    sentence(problem.problem()), sentence(problem.fix()));
        }
        checkEngine(target, config.engine(), subject);
        DatabaseTimeouts timeouts = DatabaseTimeouts.of(props);
        timeouts.check(findings, subject);
        Map<String, RouteOptions> byRoute = props.getRouteOptionsByRoute() != null ? props.getRouteOptionsByRoute() : Map.of();
        for (String route : byRoute.keySet()) {
            if (config.route(route).isEmpty()) {
                findings.report(Rules.DATABASE_OPTIONS, subject, "route options are given for '" + route
                        + "', which is not one of its routes.", "key the options by a configured route, e.g. "
                        + config.routes().stream().findFirst().map(DatabaseRoute::route).orElse("\"GET /items\"") + ".");
            }
        }

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(ROUTES_FILE, config.toJson().getBytes(StandardCharsets.UTF_8));
        Path caBundle = props.getTlsCaBundle();
        if (caBundle != null) {
            try {
                files.put(CA_FILE, Files.readAllBytes(caBundle));
            } catch (IOException e) {
                findings.report(Rules.DATABASE_OPTIONS, subject, "the TLS CA bundle '" + caBundle + "' cannot be read ("
                        + e.getClass().getSimpleName() + ").", "give the path of a PEM file, e.g. the RDS CA bundle.");
            }
        }

        boolean unverifiedTls = Boolean.TRUE.equals(props.getAllowUnverifiedTls());
        if (unverifiedTls && (caBundle != null || target.getKind() == DatabaseTarget.Kind.PROXY)) {
            findings.report(Rules.DATABASE_TLS, subject, "allowUnverifiedTls is set, but "
                    + (caBundle != null ? "a TLS CA bundle is given, so the certificate is verified."
                            : "RDS Proxy's certificate is always verified (it chains to a public CA)."),
                    "remove allowUnverifiedTls(true).");
        } else if (!unverifiedTls && caBundle == null && target.getKind() != DatabaseTarget.Kind.PROXY) {
            findings.report(Rules.DATABASE_TLS, subject, "the " + target.getKind().name().toLowerCase(java.util.Locale.ROOT)
                    + "'s TLS certificate is issued by the RDS CA, which the JVM does not trust, and no CA bundle is given.",
                    "download the RDS CA bundle (https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem) and "
                            + "pass .tlsCaBundle(Path.of(\"global-bundle.pem\")), connect through RDS Proxy "
                            + "(DatabaseTarget.proxy), or accept unverified TLS with .allowUnverifiedTls(true).");
        }

        DatabaseCredentials credentials = target.getCredentials();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GATEHOUSE_DB_ENGINE", config.engine().jsonName());
        env.put("GATEHOUSE_DB_HOST", target.getHost());
        if (target.getPort() != null) {
            env.put("GATEHOUSE_DB_PORT", target.getPort());
        }
        env.put("GATEHOUSE_DB_NAME", databaseName);
        if (credentials.isIam()) {
            env.put("GATEHOUSE_DB_AUTH", "iam");
            env.put("GATEHOUSE_DB_USER", credentials.getIamUser());
        } else {
            env.put("GATEHOUSE_DB_AUTH", "secret");
            env.put("GATEHOUSE_DB_SECRET_ARN", credentials.getSecret().getSecretArn());
        }
        if (files.containsKey(CA_FILE)) {
            env.put("GATEHOUSE_DB_TLS", "verify-full");
            env.put("GATEHOUSE_DB_TLS_CA_FILE", "/var/task/" + CA_FILE);
        } else {
            // RDS Proxy presents a certificate from a public CA; clusters and instances use the RDS
            // CA, which is not in the JVM's trust store: unverified only when asked for (GH503).
            env.put("GATEHOUSE_DB_TLS", target.getKind() == DatabaseTarget.Kind.PROXY ? "verify-full" : "require");
        }
        timeouts.addTo(env);

        this.securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup")
                .vpc(props.getVpc())
                .description("Gatehouse database proxy " + id + ": reaches the database only")
                .allowAllOutbound(false)
                .build();
        if (!credentials.isIam()) {
            securityGroup.addEgressRule(Peer.anyIpv4(), Port.tcp(443), "Secrets Manager over HTTPS");
        }

        boolean snapStart = props.getSnapStart() == null || props.getSnapStart();
        SubnetSelection subnets = props.getVpcSubnets() != null ? props.getVpcSubnets() : defaultSubnets(props, credentials, subject);
        Code code = HandlerAssets.codeWithFiles("database-proxy", files);
        this.function = new Function(this, "Function", inTheVpc(BundledFunctionProps.of(this, "Function", code, HANDLER, env),
                props, subnets)
                .description("Gatehouse database proxy for " + api.getApiName())
                .timeout(timeouts.functionTimeout())
                .snapStart(snapStart ? SnapStartConf.ON_PUBLISHED_VERSIONS : null)
                .build());
        mayReachTheDatabase(function, target, credentials);
        this.invoked = BundledFunctionProps.invocationTarget(function, snapStart);

        if (target.getKind() == DatabaseTarget.Kind.PROXY) {
            // An RDS Proxy's connections have no default port; it listens on the engine's.
            int port = config.engine() == DatabaseEngine.POSTGRESQL ? 5432 : 3306;
            target.getConnectable().getConnections().allowFrom(function, Port.tcp(port), "Gatehouse database proxy " + id);
        } else {
            target.getConnectable().getConnections().allowDefaultPortFrom(function, "Gatehouse database proxy " + id);
        }
        List<String> schema = props.getSchema() != null ? props.getSchema() : List.of();
        if (schema.stream().anyMatch(sql -> sql == null || sql.isBlank())) {
            findings.report(Rules.DATABASE_OPTIONS, subject, "a schema statement is blank.",
                    "remove it, or give the SQL it should run.");
        }
        if (!schema.isEmpty()) {
            Map<String, String> schemaEnv = new LinkedHashMap<>(env);
            schemaEnv.put("GATEHOUSE_DB_STATEMENT_TIMEOUT_MS", Long.toString(SCHEMA_STATEMENT_TIMEOUT_SECONDS * 1000L));
            Function schemaFunction = new Function(this, "SchemaFunction", inTheVpc(
                    BundledFunctionProps.of(this, "SchemaFunction", code, SCHEMA_HANDLER, schemaEnv), props, subnets)
                    .description("Gatehouse database schema for " + api.getApiName())
                    .timeout(Duration.minutes(SCHEMA_TIMEOUT_MINUTES))
                    .build());
            mayReachTheDatabase(schemaFunction, target, credentials);
            Provider provider = Provider.Builder.create(this, "SchemaProvider").onEventHandler(schemaFunction).build();
            this.schemaResource = CustomResource.Builder.create(this, "Schema")
                    .serviceToken(provider.getServiceToken())
                    .resourceType("Custom::GatehouseSchema")
                    // the connection too: a new database (or user, or engine) gets the schema again
                    .properties(schemaProperties(schema, env))
                    .build();
            // only once the database answers (a proxy's target group waits for the cluster's
            // instances, a cluster for its instances) and the security group's egress rules exist
            if (target.getConnectable() instanceof IDependable database) {
                schemaResource.getNode().addDependency(database);
            }
            schemaResource.getNode().addDependency(securityGroup);
        } else {
            this.schemaResource = null;
        }

        for (DatabaseRoute route : config.routes()) {
            if (!RouteKey.problems(route.route()).isEmpty()) {
                // reported above, with the path grammar's message; declaring it on the API would
                // report the same problem a second time
                continue;
            }
            RouteOptions options = byRoute.getOrDefault(route.route(), props.getRouteOptions());
            routes.add(api.route(route.route(), Integrations.lambda(invoked), options));
        }
        getNode().addValidation(() -> findings.all().stream().map(Finding::getMessage).toList());
    }

    /** The custom resource's properties, in a fixed order (the template must not change between runs). */
    private static Map<String, Object> schemaProperties(List<String> schema, Map<String, String> env) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("Statements", schema);
        properties.put("Database", connectionOf(env));
        return properties;
    }

    /** Where the schema goes: what a change of makes the custom resource apply it again. */
    private static Map<String, String> connectionOf(Map<String, String> env) {
        Map<String, String> connection = new LinkedHashMap<>();
        for (String key : List.of("GATEHOUSE_DB_ENGINE", "GATEHOUSE_DB_HOST", "GATEHOUSE_DB_PORT", "GATEHOUSE_DB_NAME",
                "GATEHOUSE_DB_USER", "GATEHOUSE_DB_SECRET_ARN")) {
            if (env.containsKey(key)) {
                connection.put(key.substring("GATEHOUSE_DB_".length()), env.get(key));
            }
        }
        return connection;
    }

    /** A function of this backend: its memory, and the backend's subnets and security group. */
    private FunctionProps.Builder inTheVpc(FunctionProps.Builder function, DatabaseBackendProps props, SubnetSelection subnets) {
        return function.memorySize(MEMORY_MB).vpc(props.getVpc()).vpcSubnets(subnets).securityGroups(List.of(securityGroup));
    }

    /** The function's role may attach it to the VPC and log in to the database. */
    private static void mayReachTheDatabase(Function fn, DatabaseTarget target, DatabaseCredentials credentials) {
        // Lambda attaches a VPC function through network interfaces it creates with the function's
        // role; without these the deployment fails. EC2 offers no narrower resource for them.
        fn.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(VPC_ACCESS_ACTIONS)
                .resources(List.of("*"))
                .build());
        if (credentials.isIam()) {
            target.grantConnect(fn, credentials.getIamUser());
        } else {
            credentials.getSecret().grantRead(fn);
        }
    }

    /**
     * Private subnets with egress when the VPC has them (Secrets Manager needs a way out);
     * otherwise isolated subnets, which suffice for IAM authentication.
     */
    private SubnetSelection defaultSubnets(DatabaseBackendProps props, DatabaseCredentials credentials, String subject) {
        if (!props.getVpc().getPrivateSubnets().isEmpty()) {
            return SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build();
        }
        if (!credentials.isIam()) {
            findings.report(Rules.DATABASE_OPTIONS, subject, "the VPC has no private subnets with egress, so the "
                            + "function could not reach Secrets Manager for its credentials.",
                    "use DatabaseCredentials.iam(...) (no network call needed), or choose vpcSubnets that reach a "
                            + "Secrets Manager VPC endpoint.");
        }
        return SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build();
    }

    private void checkEngine(DatabaseTarget target, DatabaseEngine engine, String subject) {
        if (!(target.getConnectable() instanceof IDatabaseCluster cluster) || cluster.getEngine() == null) {
            return; // instances and proxies do not expose their engine family to the CDK
        }
        String family = cluster.getEngine().getEngineFamily();
        if (family != null && !family.equalsIgnoreCase(engine == DatabaseEngine.POSTGRESQL ? "POSTGRESQL" : "MYSQL")) {
            findings.report(Rules.DATABASE_TARGET, subject, "the routes are written for " + engine.jsonName()
                    + " but the cluster's engine family is " + family + ".",
                    "build the routes with DatabaseRoutes.builder(DatabaseEngine." + (family.equalsIgnoreCase("MYSQL")
                            ? "MYSQL" : "POSTGRESQL") + "), or point the backend at the right database.");
        }
    }

    /** The custom resource that applies {@link DatabaseBackendProps#getSchema()}, if any. */
    public Optional<CustomResource> getSchemaResource() {
        return Optional.ofNullable(schemaResource);
    }

    /**
     * The database proxy function. With SnapStart it already has the alias
     * {@value dev.gatehouse.Defaults#HANDLER_ALIAS}, which routes invoke; do not add another of that name.
     */
    public Function getFunction() {
        return function;
    }

    /** The function's security group (egress to the database only). */
    public SecurityGroup getSecurityGroup() {
        return securityGroup;
    }

    /** {@code text} ending with a period, as findings' problems and fixes do. */
    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    /** The routes added to the API, in configuration order (not those whose route is malformed). */
    public List<Route> getRoutes() {
        return List.copyOf(routes);
    }

    /** Fluent builder, mirroring the CDK's generated builders. */
    public static final class Builder {
        private final Construct scope;
        private final String id;
        private final DatabaseBackendProps.Builder props = DatabaseBackendProps.builder();

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** @see DatabaseBackendProps#getApi() */
        public Builder api(GatewayApi api) {
            props.api(api);
            return this;
        }

        /** @see DatabaseBackendProps#getRoutes() */
        public Builder routes(DatabaseRoutes routes) {
            props.routes(routes);
            return this;
        }

        /** @see DatabaseBackendProps#getTarget() */
        public Builder target(DatabaseTarget target) {
            props.target(target);
            return this;
        }

        /** @see DatabaseBackendProps#getDatabaseName() */
        public Builder databaseName(String databaseName) {
            props.databaseName(databaseName);
            return this;
        }

        /** @see DatabaseBackendProps#getVpc() */
        public Builder vpc(software.amazon.awscdk.services.ec2.IVpc vpc) {
            props.vpc(vpc);
            return this;
        }

        /** @see DatabaseBackendProps#getVpcSubnets() */
        public Builder vpcSubnets(SubnetSelection vpcSubnets) {
            props.vpcSubnets(vpcSubnets);
            return this;
        }

        /** @see DatabaseBackendProps#getRouteOptions() */
        public Builder routeOptions(RouteOptions routeOptions) {
            props.routeOptions(routeOptions);
            return this;
        }

        /** @see DatabaseBackendProps#getRouteOptionsByRoute() */
        public Builder routeOptionsByRoute(Map<String, RouteOptions> routeOptionsByRoute) {
            props.routeOptionsByRoute(routeOptionsByRoute);
            return this;
        }

        /** @see DatabaseBackendProps#getStatementTimeout() */
        public Builder statementTimeout(Duration statementTimeout) {
            props.statementTimeout(statementTimeout);
            return this;
        }

        /** @see DatabaseBackendProps#getConnectTimeout() */
        public Builder connectTimeout(Duration connectTimeout) {
            props.connectTimeout(connectTimeout);
            return this;
        }

        /** @see DatabaseBackendProps#getTimeout() */
        public Builder timeout(Duration timeout) {
            props.timeout(timeout);
            return this;
        }

        /** @see DatabaseBackendProps#getSchema() */
        public Builder schema(List<String> schema) {
            props.schema(schema);
            return this;
        }

        /** @see DatabaseBackendProps#getAllowUnverifiedTls() */
        public Builder allowUnverifiedTls(Boolean allowUnverifiedTls) {
            props.allowUnverifiedTls(allowUnverifiedTls);
            return this;
        }

        /** @see DatabaseBackendProps#getTlsCaBundle() */
        public Builder tlsCaBundle(Path tlsCaBundle) {
            props.tlsCaBundle(tlsCaBundle);
            return this;
        }

        /** @see DatabaseBackendProps#getSnapStart() */
        public Builder snapStart(Boolean snapStart) {
            props.snapStart(snapStart);
            return this;
        }

        public DatabaseBackend build() {
            return new DatabaseBackend(scope, id, props.build());
        }
    }
}
