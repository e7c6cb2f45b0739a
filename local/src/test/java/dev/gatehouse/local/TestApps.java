package dev.gatehouse.local;

import dev.gatehouse.api.ApiKeySettings;
import dev.gatehouse.api.CacheKey;
import dev.gatehouse.api.CacheSettings;
import dev.gatehouse.api.StageSettings;
import dev.gatehouse.api.UnauthorizedCacheControl;
import dev.gatehouse.api.GatewayApiKey;
import dev.gatehouse.api.Quota;
import dev.gatehouse.api.Authorization;
import dev.gatehouse.integrations.MockResponse;
import dev.gatehouse.api.Throttle;
import dev.gatehouse.api.UsagePlanOptions;
import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.integrations.BodyConversion;
import dev.gatehouse.integrations.HttpRouteIntegrationOptions;
import dev.gatehouse.integrations.IntegrationMapping;
import dev.gatehouse.integrations.Integrations;
import dev.gatehouse.integrations.ResponseMapping;
import dev.gatehouse.integrations.TemplatePassthrough;
import dev.gatehouse.integrations.LambdaRouteIntegrationOptions;
import dev.gatehouse.api.RouteOptions;
import dev.gatehouse.auth.JwtAuthorizer;
import dev.gatehouse.auth.LambdaAuthorizer;
import dev.gatehouse.functions.EchoFunction;
import dev.gatehouse.sample.SampleApp;
import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;

/**
 * The apps the local gateway's tests serve, each synthesized once per test JVM. This is the one
 * place the tests use Gatehouse's constructs (their names may change; only here to update).
 */
public final class TestApps {
    /** The stack of {@link #probe()}. */
    static final String PROBE_STACK = "LocalProbe";

    /** Tokens written here are "revoked": the probe authorizer answers Unauthorized for them. */
    static final Path REVOKED = tempDirectory("revoked").resolve("revoked.txt");

    /** The stack of {@link #cache()}. */
    static final String CACHE_STACK = "LocalCache";

    /** The stack of {@link #large()}. */
    static final String LARGE_STACK = "LocalLarge";
    /** The routes of {@link #large()}: GET /r0/{id} to GET /r999/{id}. */
    static final int LARGE_ROUTES = 1000;

    /** The stack of {@link #bench()}. */
    static final String BENCH_STACK = "LocalBench";

    private static Path sample;
    private static Path probe;
    private static Path bench;
    private static Path cache;
    private static Path large;

    private TestApps() {
    }

    /** The sample app (GatehouseSample), as `npx cdk synth` writes it. */
    public static synchronized Path sample() {
        if (sample == null) {
            App app = new App(AppProps.builder().outdir(tempDirectory("sample").toString()).build());
            SampleApp.define(app);
            sample = Path.of(app.synth().getDirectory());
        }
        return sample;
    }

    /**
     * A stack whose routes call {@code ProbeHandler} (a Java function from a directory asset with
     * environment, timeout and reserved concurrency) and a Node.js function.
     */
    static synchronized Path probe() {
        if (probe == null) {
            App app = new App(AppProps.builder().outdir(tempDirectory("probe").toString()).build());
            Stack stack = new Stack(app, PROBE_STACK);
            Function java = Function.Builder.create(stack, "Probe")
                    .runtime(Runtime.JAVA_21)
                    .handler("dev.gatehouse.local.testfunctions.ProbeHandler::handleRequest")
                    .code(Code.fromAsset(probeAsset().toString()))
                    .environment(Map.of("GREETING", "hello from the template"))
                    .timeout(software.amazon.awscdk.Duration.seconds(2))
                    .reservedConcurrentExecutions(2)
                    .build();
            Function context = Function.Builder.create(stack, "ContextProbe")
                    .runtime(Runtime.JAVA_21)
                    .handler("dev.gatehouse.local.testfunctions.ContextProbeHandler::handleRequest")
                    .code(Code.fromAsset(probeAsset().toString()))
                    .timeout(software.amazon.awscdk.Duration.seconds(3))
                    .memorySize(256)
                    .build();
            Function node = Function.Builder.create(stack, "Node")
                    .runtime(Runtime.NODEJS_20_X)
                    .handler("index.handler")
                    .code(Code.fromInline("exports.handler = async () => ({statusCode: 200, body: 'hi'});"))
                    .build();
            Function authorizerFunction = Function.Builder.create(stack, "Authorizer")
                    .runtime(Runtime.JAVA_21)
                    .handler("dev.gatehouse.local.testfunctions.ProbeAuthorizer::handleRequest")
                    .code(Code.fromAsset(probeAsset().toString()))
                    .environment(Map.of("REVOKED_FILE", REVOKED.toString()))
                    .build();
            LambdaAuthorizer authorizer = LambdaAuthorizer.token(authorizerFunction)
                    .resultsCacheTtl(software.amazon.awscdk.Duration.seconds(60))
                    .validationRegex("^[a-z-]+$")
                    .build();
            LambdaAuthorizer requestAuthorizer = LambdaAuthorizer.request(authorizerFunction)
                    .identitySources("method.request.header.X-Key", "method.request.querystring.tenant")
                    .resultsCacheTtl(software.amazon.awscdk.Duration.seconds(60))
                    .build();
            GatewayApi api = GatewayApi.Builder.create(stack, "Api").build();
            RouteOptions open = RouteOptions.of(Authorization.none());
            api.route("GET /requested", Integrations.lambda(java), RouteOptions.of(requestAuthorizer.authorization()));
            api.route("GET /guarded", Integrations.lambda(java), RouteOptions.of(authorizer.authorization()));
            api.route("GET /guarded/{id}", Integrations.lambda(java), RouteOptions.of(authorizer.authorization()));
            api.route("GET /probe", Integrations.lambda(java), open);
            api.route("POST /probe", Integrations.lambda(java), open);
            api.route("GET /short", Integrations.lambda(java, LambdaRouteIntegrationOptions.builder()
                    .timeout(software.amazon.awscdk.Duration.millis(500)).build()), open);
            api.route("GET /items/{id}", Integrations.lambda(java), open);
            api.route("GET /items/special", Integrations.lambda(java), open);
            api.route("ANY /files/{path+}", Integrations.lambda(java), open);
            api.route("GET /node", Integrations.lambda(node), open);
            api.route("GET /context", Integrations.lambda(context), open);
            api.route("GET /context/short", Integrations.lambda(context, LambdaRouteIntegrationOptions.builder()
                    .timeout(software.amazon.awscdk.Duration.seconds(1)).build()), open);
            api.route("GET /ping", Integrations.mock(MockResponse.json(200, "{\"pong\":true}")), open);
            api.route("GET /metered", Integrations.mock(MockResponse.json(200, "{\"metered\":true}")),
                    RouteOptions.builder().authorization(Authorization.none()).apiKeyRequired(true).build());
            GatewayApiKey key = api.addApiKey("ProbeKey", ApiKeySettings.builder().apiKeyName("probe").build());
            api.addUsagePlan("Metered", UsagePlanOptions.builder()
                    .name("metered")
                    .throttle(Throttle.of(100, 100))
                    .quota(Quota.perDay(3))
                    .apiKeys(List.of(key))
                    .build());
            // one key per plan: API Gateway associates a key with one usage plan per stage
            quotaPlan(api, "weekly", Quota.perWeek(2).withOffset(1));
            quotaPlan(api, "monthly", Quota.perMonth(2));
            quotaPlan(api, "third", Quota.perMonth(2).withOffset(2));
            api.route("POST /quotes/{id}", Integrations.http("https://quotes.example.com/v1/quotes/{id}",
                    HttpRouteIntegrationOptions.builder().mapping(IntegrationMapping.builder()
                            .requestParameter("integration.request.querystring.currency", "method.request.querystring.currency")
                            .requestParameter("integration.request.header.X-Request-Id", "context.requestId")
                            .requestParameter("integration.request.header.X-Source", "'gatehouse'")
                            .requestParameter("integration.request.header.X-Amount", "method.request.body.quote.amount")
                            .requestTemplate("application/json",
                                    "#set($context.requestOverride.header.X-Tenant = $input.params('X-Tenant'))"
                                    + "{\"quote\": $input.json('$.quote'), \"tenant\": \"$util.escapeJavaScript($input.params('X-Tenant'))\"}")
                            .passthrough(TemplatePassthrough.NEVER)
                            .response(ResponseMapping.builder().selectionPattern("2\\d{2}").statusCode(201)
                                    .responseParameter("method.response.header.Location", "integration.response.header.Location")
                                    .responseParameter("method.response.header.X-Quote-Id", "integration.response.body.id")
                                    .responseTemplate("application/json", "{\"id\": $input.json('$.id'), \"seen\": $input.json('$.seen')}")
                                    .build())
                            .response(ResponseMapping.builder().selectionPattern("4\\d{2}").statusCode(400)
                                    .responseTemplate("application/json", "#if($input.path('$.seen.body.quote.status') == 409)"
                                            + "#set($context.responseOverride.status = 409)"
                                            + "#set($context.responseOverride.header.X-Conflict = 'quote')#end"
                                            + "{\"message\": \"rejected\"}").build())
                            .response(ResponseMapping.byDefault(502))
                            .build()).build()), open);
            api.route("GET /images/{name}", Integrations.http("https://images.example.com/img/{name}",
                    HttpRouteIntegrationOptions.builder().mapping(IntegrationMapping.builder()
                            .response(ResponseMapping.byDefault(200)).build()).build()), open);
            api.route("POST /images", Integrations.http("https://images.example.com/upload",
                    HttpRouteIntegrationOptions.builder().mapping(IntegrationMapping.builder()
                            .contentHandling(BodyConversion.CONVERT_TO_TEXT)
                            .requestTemplate("image/png", "{\"data\": \"$input.body\"}")
                            .response(ResponseMapping.byDefault(200)).build()).build()), open);
            api.getCfnRestApi().setBinaryMediaTypes(List.of("image/png"));
            probe = Path.of(app.synth().getDirectory());
        }
        return probe;
    }

    /**
     * A stage with a cache cluster (TTL 60 s) and a route per caching behaviour, all calling
     * {@code ProbeHandler}, whose answer differs at every invocation: a route keyed by a query
     * parameter, one per caller behind the probe TOKEN authorizer, one behind IAM shared by its
     * callers, one per way of answering an unauthorized invalidation, an ANY route, and one not
     * cached.
     */
    static synchronized Path cache() {
        if (cache == null) {
            App app = new App(AppProps.builder().outdir(tempDirectory("cache").toString()).build());
            Stack stack = new Stack(app, CACHE_STACK);
            Function java = probeFunction(stack);
            Function authorizerFunction = Function.Builder.create(stack, "Authorizer")
                    .runtime(Runtime.JAVA_21)
                    .handler("dev.gatehouse.local.testfunctions.ProbeAuthorizer::handleRequest")
                    .code(Code.fromAsset(probeAsset().toString()))
                    .build();
            LambdaAuthorizer authorizer = LambdaAuthorizer.token(authorizerFunction)
                    .resultsCacheTtl(software.amazon.awscdk.Duration.seconds(0))
                    .build();
            GatewayApi api = GatewayApi.Builder.create(stack, "Api")
                    .stage(StageSettings.builder().cacheClusterSize("0.5")
                            .caching(CacheSettings.builder().ttl(software.amazon.awscdk.Duration.seconds(60)).build())
                            .build())
                    .build();
            api.route("GET /items/{id}", Integrations.lambda(java), cached(Authorization.none(),
                    CacheSettings.builder().enabled(true).key(CacheKey.query("page"))));
            api.route("GET /mine", Integrations.lambda(java), cached(authorizer.authorization(),
                    CacheSettings.builder().enabled(true).key(CacheKey.caller())));
            api.route("GET /signed", Integrations.lambda(java), cached(Authorization.iam(),
                    CacheSettings.builder().enabled(true).sharedAcrossCallers(true)));
            api.route("GET /warned", Integrations.lambda(java), cached(Authorization.none(),
                    CacheSettings.builder().enabled(true)
                            .unauthorizedCacheControl(UnauthorizedCacheControl.SUCCEED_WITH_RESPONSE_HEADER)));
            api.route("GET /silent", Integrations.lambda(java), cached(Authorization.none(),
                    CacheSettings.builder().enabled(true)
                            .unauthorizedCacheControl(UnauthorizedCacheControl.SUCCEED_WITHOUT_RESPONSE_HEADER)));
            api.route("GET /anyone", Integrations.lambda(java), cached(Authorization.none(),
                    CacheSettings.builder().enabled(true).requireAuthorizationForCacheControl(false)));
            api.route("ANY /files/{name}", Integrations.lambda(java), cached(Authorization.none(),
                    CacheSettings.builder().enabled(true).ttl(software.amazon.awscdk.Duration.seconds(10))));
            api.route("GET /fresh", Integrations.lambda(java), RouteOptions.of(Authorization.none()));
            api.route("GET /", Integrations.lambda(java), cached(Authorization.none(),
                    CacheSettings.builder().enabled(true).ttl(software.amazon.awscdk.Duration.seconds(30))));
            cache = Path.of(app.synth().getDirectory());
        }
        return cache;
    }

    /**
     * 1,000 Lambda routes (GET /r0/{id} to GET /r999/{id}, one function, each with a summary) with
     * the default settings: their
     * document is too large for the template, so it goes to S3 (BodyS3Location, written at deploy
     * time by Custom::GatehouseOpenApiDocument from an asset and values).
     */
    static synchronized Path large() {
        if (large == null) {
            App app = new App(AppProps.builder().outdir(tempDirectory("large").toString()).build());
            Stack stack = new Stack(app, LARGE_STACK);
            Function java = probeFunction(stack);
            GatewayApi api = GatewayApi.Builder.create(stack, "Api").build();
            for (int i = 0; i < LARGE_ROUTES; i++) {
                api.route("GET /r" + i + "/{id}", Integrations.lambda(java), RouteOptions.builder()
                        .authorization(Authorization.none())
                        .summary("Route " + i + " of the large test API, one of a thousand that together make a document"
                                + " too large to stay in the template")
                        .build());
            }
            large = Path.of(app.synth().getDirectory());
        }
        return large;
    }

    /** A usage plan of the quota with a key of its own, both named {@code name}. */
    private static void quotaPlan(GatewayApi api, String name, Quota quota) {
        String id = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        api.addUsagePlan(id, UsagePlanOptions.builder()
                .name(name)
                .throttle(Throttle.of(100, 100))
                .quota(quota)
                .apiKeys(List.of(api.addApiKey(id + "Key", ApiKeySettings.builder().apiKeyName(name).build())))
                .build());
    }

    private static RouteOptions cached(Authorization authorization, CacheSettings.Builder caching) {
        return RouteOptions.builder().authorization(authorization).caching(caching.build()).build();
    }

    /**
     * The benchmark's stack: a mock route, the bundled echo function, and the echo function behind
     * the bundled JWT authorizer; no stage throttle.
     */
    static synchronized Path bench() {
        if (bench == null) {
            App app = new App(AppProps.builder().outdir(tempDirectory("bench").toString()).build());
            Stack stack = new Stack(app, BENCH_STACK);
            JwtAuthorizer jwt = JwtAuthorizer.Builder.create(stack, "Jwt")
                    .issuer("https://issuer.example.com/")
                    .audiences(List.of("bench"))
                    .build();
            EchoFunction echo = new EchoFunction(stack, "Echo");
            GatewayApi api = GatewayApi.Builder.create(stack, "Api").build();
            RouteOptions open = RouteOptions.of(Authorization.none());
            api.route("GET /ping", Integrations.mock(MockResponse.json(200, "{\"pong\":true}")), open);
            api.route("GET /echo", Integrations.lambda(echo), open);
            api.route("GET /secure", Integrations.lambda(echo), RouteOptions.of(jwt.authorization()));
            bench = Path.of(app.synth().getDirectory());
        }
        return bench;
    }

    /** {@code ProbeHandler} as a Java function with the default settings. */
    private static Function probeFunction(Stack stack) {
        return Function.Builder.create(stack, "Probe")
                .runtime(Runtime.JAVA_21)
                .handler("dev.gatehouse.local.testfunctions.ProbeHandler::handleRequest")
                .code(Code.fromAsset(probeAsset().toString()))
                .build();
    }

    /** The compiled test functions, copied into a directory of their own (the function's asset). */
    private static Path probeAsset() {
        Path classes = Path.of("target", "test-classes");
        Path asset = tempDirectory("probe-asset");
        Path source = classes.resolve("dev/gatehouse/local/testfunctions");
        Path target = asset.resolve("dev/gatehouse/local/testfunctions");
        try (Stream<Path> files = Files.list(source)) {
            Files.createDirectories(target);
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
            // the functions' one library, in lib/ as in a Lambda deployment package
            Path core = Path.of(Context.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Files.createDirectories(asset.resolve("lib"));
            Files.copy(core, asset.resolve("lib").resolve(core.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the test functions from " + source, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return asset;
    }

    private static Path tempDirectory(String name) {
        try {
            return Files.createTempDirectory("gatehouse-local-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
