package dev.gatehouse.local;

import dev.gatehouse.local.internal.StartSummary;
import dev.gatehouse.local.internal.api.ApiDefinition;
import dev.gatehouse.local.internal.api.Operation;
import dev.gatehouse.local.internal.api.RouteTable;
import dev.gatehouse.local.internal.assembly.AssemblyDirectory;
import dev.gatehouse.local.internal.assembly.LocalValues;
import dev.gatehouse.local.internal.assembly.StackTemplate;
import dev.gatehouse.local.internal.auth.AuthorizationStep;
import dev.gatehouse.local.internal.cache.StageCache;
import dev.gatehouse.local.internal.cache.StageCacheSettings;
import dev.gatehouse.local.internal.database.LocalDatabases;
import dev.gatehouse.local.internal.http.HttpFront;
import dev.gatehouse.local.internal.integration.Integration;
import dev.gatehouse.local.internal.integration.IntegrationSetup;
import dev.gatehouse.local.internal.integration.Integrations;
import dev.gatehouse.local.internal.lambda.EnvironmentOverride;
import dev.gatehouse.local.internal.lambda.LambdaFunctions;
import dev.gatehouse.local.internal.mapping.MappingTemplates;
import dev.gatehouse.local.internal.pipeline.AccessLog;
import dev.gatehouse.local.internal.pipeline.Exchange;
import dev.gatehouse.local.internal.pipeline.Gateway;
import dev.gatehouse.local.internal.pipeline.GatewayResponses;
import dev.gatehouse.local.internal.pipeline.RequestStep;
import dev.gatehouse.local.internal.throttle.ApiKeyStep;
import dev.gatehouse.local.internal.throttle.ThrottleLimits;
import dev.gatehouse.local.internal.throttle.ThrottleStep;
import dev.gatehouse.local.internal.validation.ValidationStep;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A synthesized REST API served locally: the stage of one stack in a cloud assembly
 * ({@code cdk.out}), with its routes, its Java Lambda functions run in-process, its mock and HTTP
 * integrations, answered through a {@link LocalClient} or on a local port. It reads only what
 * synthesis wrote (the template with its OpenAPI Body, the asset manifest and the assets).
 *
 * <pre>{@code
 * try (LocalGateway gateway = LocalGateway.of(app.synth(), "MyStack")) {
 *     LocalResponse health = gateway.client().get("/health").send();
 * }
 * }</pre>
 *
 * <p>Deploy-time values (ARNs, API ids) are given stable local stand-ins, listed by
 * {@link #summary()}. See docs/local-development.md for what is faithful to API Gateway and what
 * is not.
 */
public final class LocalGateway implements AutoCloseable {
    /** Default port of {@link #start()}. */
    public static final int DEFAULT_PORT = 3000;
    /** Default concurrency of a function without reserved concurrency (Lambda's default account limit). */
    public static final int DEFAULT_UNRESERVED_CONCURRENCY = 1000;
    /** Most request threads of the local port (started on demand; slow clients each hold one). */
    static final int HTTP_THREADS = 512;
    /** The principal a SigV4-signed request to an IAM-authorized route is taken to be, by default. */
    public static final String DEFAULT_IAM_PRINCIPAL = "arn:aws:iam::" + LocalValues.ACCOUNT + ":user/local-developer";

    private final ApiDefinition api;
    private final LocalValues values;
    private final LambdaFunctions functions;
    private final Gateway gateway;
    private final Clock clock;
    private final PrintStream out;
    private final DevelopmentIssuer issuer;
    private final ApiKeyStep apiKeys;
    private final LocalDatabases databases;
    private final StageCacheSettings cacheSettings;
    private HttpFront front;

    private LocalGateway(Builder b) {
        this.clock = b.clock;
        this.out = b.out;
        AssemblyDirectory assembly = AssemblyDirectory.read(b.cdkOut);
        StackTemplate stack = assembly.stack(b.stack);
        this.values = new LocalValues(stack);
        this.api = ApiDefinition.load(stack, values, b.api, b.stage);
        this.functions = new LambdaFunctions(stack, values, b.overrides, b.unreservedConcurrency, out);
        this.issuer = b.developmentIssuer ? DevelopmentIssuer.forJwtAuthorizers(functions, b.issuerPort) : null;
        this.databases = LocalDatabases.attach(b.databaseUrl, functions, stack, values, out).orElse(null);
        MappingTemplates templates = new MappingTemplates();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        IntegrationSetup setup = new IntegrationSetup(api, functions, templates, http, localUrls(b.localUrls, stack, values));
        Map<Operation, Integration> integrations = new IdentityHashMap<>();
        for (Operation operation : api.operations()) {
            integrations.put(operation, Integrations.of(operation, setup));
        }
        List<RequestStep> steps = new ArrayList<>();
        this.apiKeys = new ApiKeyStep(api, stack, values, clock);
        steps.add(new ThrottleStep(api, b.accountThrottle, clock));
        steps.add(new AuthorizationStep(api, functions, clock, b.iamPrincipal));
        steps.add(apiKeys);
        steps.add(new ValidationStep(api));
        Exchange.StageInfo stageInfo = new Exchange.StageInfo(api.apiId(), api.stageName(), LocalValues.ACCOUNT,
                "localhost");
        GatewayResponses responses = new GatewayResponses(api.gatewayResponses(), templates,
                GatewayResponses.texts(api.stageVariables()));
        String format = api.stage().path("AccessLogSetting").path("Format").asText(null);
        this.cacheSettings = StageCacheSettings.read(api, stack, values);
        this.gateway = new Gateway(new RouteTable(api.operations()), integrations, steps,
                StageCache.of(cacheSettings, clock), responses,
                new AccessLog(format, b.accessLog != null ? b.accessLog : out::println), clock, stageInfo, out);
    }

    /** The local URLs by route key and VPC link id; a VPC link named by its logical id also by its local id. */
    private static Map<String, URI> localUrls(Map<String, URI> given, StackTemplate stack, LocalValues values) {
        Map<String, URI> urls = new LinkedHashMap<>(given);
        given.forEach((key, url) -> {
            if (stack.typeOf(key).endsWith("::VpcLink")) {
                urls.putIfAbsent(values.ref(key), url);
            }
        });
        return urls;
    }

    /**
     * The stack of a synthesized app, for tests: {@code LocalGateway.of(app.synth(), "MyStack")}.
     * The gateway runs on a {@link ManualClock}.
     */
    public static LocalGateway of(software.amazon.awscdk.cxapi.CloudAssembly assembly, String stackName) {
        return Builder.create(Path.of(assembly.getDirectory())).stack(stackName).build();
    }

    /** A stack of a cloud assembly directory, on a {@link ManualClock}. */
    public static LocalGateway of(Path cdkOut, String stackName) {
        return Builder.create(cdkOut).stack(stackName).build();
    }

    /**
     * The development issuer whose tokens the stack's JWT authorizers accept.
     *
     * @throws IllegalStateException when the stack has no bundled JWT authorizer or the issuer is off
     */
    public DevelopmentIssuer issuer() {
        if (issuer == null) {
            throw new IllegalStateException("no development issuer: the stack has no bundled JWT authorizer, or the"
                    + " gateway was built with developmentIssuer(false) (--real-issuer)");
        }
        return issuer;
    }

    /**
     * The value of an API key (its Name, or its logical id): the template's, or the stable local
     * value that stands for one API Gateway would generate.
     *
     * @throws IllegalArgumentException naming the keys there are
     */
    public String apiKey(String name) {
        return apiKeys.keys().stream().filter(k -> k.name().equals(name) || k.logicalId().equals(name))
                .map(ApiKeyStep.ApiKey::value).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no API key named " + name + "; the stack's keys: "
                        + apiKeys.keys().stream().map(ApiKeyStep.ApiKey::name).toList()));
    }

    /** Requests answered in-process. */
    public LocalClient client() {
        return new LocalClient(gateway);
    }

    /**
     * The gateway's clock, to move time on in a test.
     *
     * @throws IllegalStateException when the gateway runs on another clock
     */
    public ManualClock clock() {
        if (clock instanceof ManualClock manual) {
            return manual;
        }
        throw new IllegalStateException("this gateway runs on " + clock + ", not a ManualClock: build it with"
                + " LocalGateway.Builder.clock(new ManualClock(...)) to move time in a test");
    }

    /** Serves the stage on 127.0.0.1, on a free port; see {@link #url()}. */
    public URI start() {
        return start("127.0.0.1", 0);
    }

    /** Serves the stage on a host and port (0 for any free port); returns the base URL. */
    public synchronized URI start(String host, int port) {
        if (front != null) {
            throw new IllegalStateException("already serving on " + url());
        }
        try {
            front = HttpFront.start(gateway, host, port, HTTP_THREADS, out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on " + host + ":" + port
                    + " (is the port in use? choose another with --port)", e);
        }
        return url();
    }

    /** The base URL of the stage on the local port (the stage is served at the root). */
    public URI url() {
        if (front == null) {
            throw new IllegalStateException("not serving on a port: call start() first");
        }
        return URI.create("http://localhost:" + front.port() + "/");
    }

    /** The REST API's local id. */
    public String apiId() {
        return api.apiId();
    }

    public String stageName() {
        return api.stageName();
    }

    /** What the gateway serves and the local values it gave deploy-time ones, as printed at start. */
    public String summary() {
        return StartSummary.text(api, functions, apiKeys, cacheSettings, databases == null ? null : databases.describe(),
                issuer == null ? null : "Development issuer for " + issuer.issuer() + " (JWKS " + issuer.jwksUrl()
                        + "); a token with scopes:\n  curl -s '" + issuer.tokenUrl() + "?scope=orders:read%20orders:write'");
    }

    @Override
    public synchronized void close() {
        if (front != null) {
            front.close();
            front = null;
        }
        functions.close();
        if (databases != null) {
            databases.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    /** Options of a local gateway; {@link #build()} reads the assembly. */
    public static final class Builder {
        private final Path cdkOut;
        private String stack;
        private String api;
        private String stage;
        private Clock clock = ManualClock.startingNow();
        private PrintStream out = System.out;
        private Consumer<String> accessLog;
        private int unreservedConcurrency = DEFAULT_UNRESERVED_CONCURRENCY;
        private boolean developmentIssuer = true;
        private int issuerPort;
        private String iamPrincipal = DEFAULT_IAM_PRINCIPAL;
        private ThrottleLimits accountThrottle = ThrottleStep.ACCOUNT_DEFAULT;
        private String databaseUrl;
        private final Map<String, URI> localUrls = new LinkedHashMap<>();
        private final List<EnvironmentOverride> overrides = new ArrayList<>();

        private Builder(Path cdkOut) {
            this.cdkOut = cdkOut;
        }

        /** A gateway for the cloud assembly in {@code cdkOut}. */
        public static Builder create(Path cdkOut) {
            return new Builder(cdkOut);
        }

        /** The stack (name or artifact id); default: the only stack with a REST API. */
        public Builder stack(String stackName) {
            this.stack = stackName;
            return this;
        }

        /** The REST API's logical id; default: the stack's only REST API. */
        public Builder api(String logicalId) {
            this.api = logicalId;
            return this;
        }

        /** The stage name; default: the API's first stage. */
        public Builder stage(String stageName) {
            this.stage = stageName;
            return this;
        }

        /** The clock of throttling, caches and quotas; default: a {@link ManualClock} at the current time. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Where the gateway's messages and the functions' logs go; default: standard output. */
        public Builder out(PrintStream out) {
            this.out = out;
            return this;
        }

        /** Where access log lines go; default: {@link #out(PrintStream)}. */
        public Builder accessLog(Consumer<String> sink) {
            this.accessLog = sink;
            return this;
        }

        /**
         * Forwards a route (its route key, "GET /catalog/{proxy+}") to a local URL instead of its
         * integration; for backends that do not run locally (Step Functions, AWS services).
         */
        public Builder integrationUrl(String routeKey, URI url) {
            localUrls.put(routeKey, url);
            return this;
        }

        /**
         * The local URL that stands for a VPC link's target: the link's local id (the route's
         * connectionId, printed at start) or its logical id in the template.
         */
        public Builder vpcLink(String connectionId, URI url) {
            localUrls.put(connectionId, url);
            return this;
        }

        /** Concurrency of a function without reserved concurrency; default {@value #DEFAULT_UNRESERVED_CONCURRENCY}. */
        public Builder unreservedConcurrency(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("unreservedConcurrency must be at least 1, got " + limit);
            }
            this.unreservedConcurrency = limit;
            return this;
        }

        /**
         * Whether the bundled JWT authorizers fetch their keys from the built-in development issuer
         * (default true); false keeps the synthesized JWKS URL (a real issuer).
         */
        public Builder developmentIssuer(boolean enabled) {
            this.developmentIssuer = enabled;
            return this;
        }

        /** The development issuer's port on 127.0.0.1; default 0 (any free port). */
        public Builder issuerPort(int port) {
            this.issuerPort = port;
            return this;
        }

        /**
         * The principal a SigV4-signed request to an IAM-authorized route is taken to be (its
         * signature is not verified locally); default {@value #DEFAULT_IAM_PRINCIPAL}.
         */
        public Builder iamPrincipal(String principalArn) {
            this.iamPrincipal = principalArn;
            return this;
        }

        /**
         * The account's throttle, shared by all requests; default API Gateway's 10,000 requests per
         * second with a burst of 5,000.
         */
        public Builder accountThrottle(double ratePerSecond, int burst) {
            this.accountThrottle = new ThrottleLimits(ratePerSecond, burst);
            return this;
        }

        /**
         * The database of the bundled database proxy's routes, a JDBC URL
         * ({@code jdbc:postgresql://127.0.0.1:5432/db?user=postgres}); default: an embedded
         * PostgreSQL started by the gateway (it cannot run as root).
         */
        public Builder databaseUrl(String jdbcUrl) {
            this.databaseUrl = jdbcUrl;
            return this;
        }

        public LocalGateway build() {
            return new LocalGateway(this);
        }
    }
}
