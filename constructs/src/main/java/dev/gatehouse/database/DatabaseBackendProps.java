package dev.gatehouse.database;

import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.RouteOptions;
import dev.gatehouse.database.config.DatabaseRoutes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;

/** Properties of a {@link DatabaseBackend}. */
public interface DatabaseBackendProps {

    /** The API the routes are added to. Required. */
    GatewayApi getApi();

    /** The routes: method, path, SQL, parameters and result of each. Required. */
    DatabaseRoutes getRoutes();

    /** Where the database is and how to log in. Required. */
    DatabaseTarget getTarget();

    /** Name of the database to connect to. Required. */
    String getDatabaseName();

    /** The VPC of the database; the function runs in it. Required. */
    IVpc getVpc();

    /**
     * Subnets of the function.
     *
     * @default private subnets with egress if the VPC has them (Secrets Manager credentials need
     *     them), otherwise isolated subnets (enough for IAM credentials; GH502 with a secret)
     */
    default SubnetSelection getVpcSubnets() {
        return null;
    }

    /**
     * Options of every route (authorization, throttling, API key); routes without one use the
     * API's default authorization.
     *
     * @default the API's defaults
     */
    default RouteOptions getRouteOptions() {
        return null;
    }

    /**
     * Options of single routes, keyed by the route as in the configuration ("GET /orders/{id}"),
     * replacing {@link #getRouteOptions()} for that route.
     *
     * @default none
     */
    default Map<String, RouteOptions> getRouteOptionsByRoute() {
        return null;
    }

    /**
     * Longest time a statement may run before the database cancels it (answered 504). The
     * statements of a write share the request's deadline besides. Twice the connect and statement
     * timeouts must fit in {@link #getTimeout()} less 1 s (GH504).
     *
     * @default 5 seconds ({@link dev.gatehouse.database.config.TimeoutBudget#DEFAULT_STATEMENT_TIMEOUT})
     */
    default Duration getStatementTimeout() {
        return null;
    }

    /**
     * Longest time opening a database connection may take (an unreachable database is answered
     * 503).
     *
     * @default 3 seconds ({@link dev.gatehouse.database.config.TimeoutBudget#DEFAULT_CONNECT_TIMEOUT})
     */
    default Duration getConnectTimeout() {
        return null;
    }

    /**
     * The function's timeout, in whole seconds. The proxy answers 1 s before it, whatever the
     * database does; it must end at least 2 s before API Gateway's 29 s integration timeout
     * (GH504).
     *
     * @default {@value DatabaseBackend#DEFAULT_TIMEOUT_SECONDS} seconds
     */
    default Duration getTimeout() {
        return null;
    }

    /**
     * PEM bundle of CA certificates to verify the database's TLS certificate with (e.g. the RDS CA
     * bundle for a cluster or instance). Copied into the function's code.
     *
     * @default for RDS Proxy the JVM's trust store (its certificates come from a public CA); a
     *     cluster or instance needs this bundle or {@link #getAllowUnverifiedTls()} (GH503)
     */
    default Path getTlsCaBundle() {
        return null;
    }

    /**
     * SQL statements that create what the routes use (tables, indexes), applied in order by a
     * CloudFormation custom resource when the stack is created and whenever the list changes; in
     * one transaction on PostgreSQL (MySQL commits each DDL statement itself). Every run applies
     * the whole list, so write them to be repeatable: {@code CREATE TABLE IF NOT EXISTS ...}.
     * Removing the backend leaves the database as it is.
     *
     * @default none: the schema is yours to create, e.g. with a migration tool
     */
    default List<String> getSchema() {
        return null;
    }

    /**
     * Connect to a cluster or instance with TLS that encrypts but does not verify the database's
     * certificate (PostgreSQL {@code sslmode=require}, MariaDB Connector/J {@code sslMode=trust}). Only for a cluster or instance without
     * {@link #getTlsCaBundle()}; anyone able to intercept traffic inside the VPC could then read
     * the credentials (including IAM tokens, valid 15 minutes).
     *
     * @default false: a cluster or instance without a CA bundle is a synth error (GH503)
     */
    default Boolean getAllowUnverifiedTls() {
        return null;
    }

    /**
     * Lambda SnapStart (the function opens its connection on the first request, never while
     * initializing).
     *
     * @default true
     */
    default Boolean getSnapStart() {
        return null;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DatabaseBackendProps}. */
    final class Builder {
        GatewayApi api;
        DatabaseRoutes routes;
        DatabaseTarget target;
        String databaseName;
        IVpc vpc;
        SubnetSelection vpcSubnets;
        RouteOptions routeOptions;
        Map<String, RouteOptions> routeOptionsByRoute;
        Duration statementTimeout;
        Duration connectTimeout;
        Duration timeout;
        Path tlsCaBundle;
        Boolean allowUnverifiedTls;
        List<String> schema;
        Boolean snapStart;

        private Builder() {
        }

        public Builder api(GatewayApi api) {
            this.api = api;
            return this;
        }

        public Builder routes(DatabaseRoutes routes) {
            this.routes = routes;
            return this;
        }

        public Builder target(DatabaseTarget target) {
            this.target = target;
            return this;
        }

        public Builder databaseName(String databaseName) {
            this.databaseName = databaseName;
            return this;
        }

        public Builder vpc(IVpc vpc) {
            this.vpc = vpc;
            return this;
        }

        public Builder vpcSubnets(SubnetSelection vpcSubnets) {
            this.vpcSubnets = vpcSubnets;
            return this;
        }

        public Builder routeOptions(RouteOptions routeOptions) {
            this.routeOptions = routeOptions;
            return this;
        }

        public Builder routeOptionsByRoute(Map<String, RouteOptions> routeOptionsByRoute) {
            this.routeOptionsByRoute = routeOptionsByRoute;
            return this;
        }

        public Builder statementTimeout(Duration statementTimeout) {
            this.statementTimeout = statementTimeout;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder tlsCaBundle(Path tlsCaBundle) {
            this.tlsCaBundle = tlsCaBundle;
            return this;
        }

        public Builder allowUnverifiedTls(Boolean allowUnverifiedTls) {
            this.allowUnverifiedTls = allowUnverifiedTls;
            return this;
        }

        public Builder schema(List<String> schema) {
            this.schema = schema;
            return this;
        }

        public Builder snapStart(Boolean snapStart) {
            this.snapStart = snapStart;
            return this;
        }

        public DatabaseBackendProps build() {
            return new DatabaseBackendPropsValue(this);
        }
    }
}

final class DatabaseBackendPropsValue implements DatabaseBackendProps {
    private final GatewayApi api;
    private final DatabaseRoutes routes;
    private final DatabaseTarget target;
    private final String databaseName;
    private final IVpc vpc;
    private final SubnetSelection vpcSubnets;
    private final RouteOptions routeOptions;
    private final Map<String, RouteOptions> routeOptionsByRoute;
    private final Duration statementTimeout;
    private final Duration connectTimeout;
    private final Duration timeout;
    private final Path tlsCaBundle;
    private final Boolean allowUnverifiedTls;
    private final List<String> schema;
    private final Boolean snapStart;

    DatabaseBackendPropsValue(DatabaseBackendProps.Builder b) {
        this.api = b.api;
        this.routes = b.routes;
        this.target = b.target;
        this.databaseName = b.databaseName;
        this.vpc = b.vpc;
        this.vpcSubnets = b.vpcSubnets;
        this.routeOptions = b.routeOptions;
        this.routeOptionsByRoute = b.routeOptionsByRoute == null ? null : Map.copyOf(b.routeOptionsByRoute);
        this.statementTimeout = b.statementTimeout;
        this.connectTimeout = b.connectTimeout;
        this.timeout = b.timeout;
        this.tlsCaBundle = b.tlsCaBundle;
        this.allowUnverifiedTls = b.allowUnverifiedTls;
        this.schema = b.schema == null ? null : List.copyOf(b.schema);
        this.snapStart = b.snapStart;
    }

    @Override public GatewayApi getApi() { return api; }
    @Override public DatabaseRoutes getRoutes() { return routes; }
    @Override public DatabaseTarget getTarget() { return target; }
    @Override public String getDatabaseName() { return databaseName; }
    @Override public IVpc getVpc() { return vpc; }
    @Override public SubnetSelection getVpcSubnets() { return vpcSubnets; }
    @Override public RouteOptions getRouteOptions() { return routeOptions; }
    @Override public Map<String, RouteOptions> getRouteOptionsByRoute() { return routeOptionsByRoute; }
    @Override public Duration getStatementTimeout() { return statementTimeout; }
    @Override public Duration getConnectTimeout() { return connectTimeout; }
    @Override public Duration getTimeout() { return timeout; }
    @Override public Path getTlsCaBundle() { return tlsCaBundle; }
    @Override public Boolean getAllowUnverifiedTls() { return allowUnverifiedTls; }
    @Override public List<String> getSchema() { return schema; }
    @Override public Boolean getSnapStart() { return snapStart; }
}
