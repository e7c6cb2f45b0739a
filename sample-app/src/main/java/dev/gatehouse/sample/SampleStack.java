package dev.gatehouse.sample;

import dev.gatehouse.api.ApiKeySettings;
import dev.gatehouse.api.Authorization;
import dev.gatehouse.api.BodyFormat;
import dev.gatehouse.api.CacheKey;
import dev.gatehouse.api.CacheSettings;
import dev.gatehouse.api.CorsPolicy;
import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.GatewayApiKey;
import dev.gatehouse.api.Quota;
import dev.gatehouse.api.RequestModel;
import dev.gatehouse.api.RequestValidation;
import dev.gatehouse.api.RouteOptions;
import dev.gatehouse.api.StageSettings;
import dev.gatehouse.api.Throttle;
import dev.gatehouse.api.UsagePlanOptions;
import dev.gatehouse.auth.JwtAuthorizer;
import dev.gatehouse.database.DatabaseBackend;
import dev.gatehouse.database.DatabaseCredentials;
import dev.gatehouse.database.DatabaseTarget;
import dev.gatehouse.database.config.DatabaseEngine;
import dev.gatehouse.database.config.DatabaseRoute;
import dev.gatehouse.database.config.DatabaseRoutes;
import dev.gatehouse.database.config.Pagination;
import dev.gatehouse.database.config.ParameterLocation;
import dev.gatehouse.database.config.ParameterType;
import dev.gatehouse.database.config.ResultKind;
import dev.gatehouse.database.config.RouteParameter;
import dev.gatehouse.functions.EchoFunction;
import dev.gatehouse.integrations.IntegrationMapping;
import dev.gatehouse.integrations.EventBridgeRouteIntegrationOptions;
import dev.gatehouse.integrations.Integrations;
import dev.gatehouse.integrations.LambdaRouteIntegrationOptions;
import dev.gatehouse.integrations.MockResponse;
import dev.gatehouse.integrations.ResponseMapping;
import dev.gatehouse.integrations.PrivateTarget;
import dev.gatehouse.integrations.StepFunctionsRouteIntegrationOptions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationActionProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.FixedResponseOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.rds.AuroraPostgresClusterEngineProps;
import software.amazon.awscdk.services.rds.AuroraPostgresEngineVersion;
import software.amazon.awscdk.services.rds.ClusterInstance;
import software.amazon.awscdk.services.rds.DatabaseCluster;
import software.amazon.awscdk.services.rds.DatabaseClusterEngine;
import software.amazon.awscdk.services.rds.DatabaseProxy;
import software.amazon.awscdk.services.rds.DatabaseProxyOptions;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.stepfunctions.Choice;
import software.amazon.awscdk.services.stepfunctions.Condition;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.Fail;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.Pass;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.constructs.Construct;

/**
 * The sample API: orders served from Aurora PostgreSQL through RDS Proxy, a caller-description
 * route served by the bundled echo function, a partner route metered by a usage plan, a catalog
 * proxied to an HTTP backend (cached, the same for every caller), a route cached per caller, an
 * internal service behind a VPC link, a public health check answered by API Gateway itself, a
 * feedback route with a request model and mapping templates, and a checkout workflow, an event bus
 * and a job queue that API Gateway calls directly. Callers
 * present JWTs from the issuer below (the bundled JWT authorizer checks them and each route's
 * scopes); a browser client at https://app.example.com may call it (CORS).
 */
public class SampleStack extends Stack {
    /** The browser client's origin. */
    public static final String WEB_ORIGIN = "https://app.example.com";
    /** The token issuer (its keys at /.well-known/jwks.json), unless context {@value #ISSUER_CONTEXT} names another. */
    public static final String ISSUER = "https://auth.example.com/";
    /** CDK context key naming a real issuer, so the smoke test can call the JWT routes with a token. */
    public static final String ISSUER_CONTEXT = "gatehouse:sampleIssuer";
    /** The audience tokens must carry, unless context {@value #AUDIENCE_CONTEXT} names another. */
    public static final String AUDIENCE = "gatehouse-sample";
    /** CDK context key naming the audience of the issuer given in {@value #ISSUER_CONTEXT}. */
    public static final String AUDIENCE_CONTEXT = "gatehouse:sampleAudience";
    /**
     * CDK context key choosing the RestApi Body format (OBJECT or JSON_TEXT), so the opt-in real
     * deployment can prove each; unset: Gatehouse's default.
     */
    public static final String BODY_FORMAT_CONTEXT = "gatehouse:sampleBodyFormat";

    private final GatewayApi api;
    private final JwtAuthorizer jwt;

    public SampleStack(Construct scope, String id, StackProps props) {
        super(scope, id, props);

        jwt = JwtAuthorizer.Builder.create(this, "Jwt")
                .issuer(context(ISSUER_CONTEXT, ISSUER))
                .audiences(List.of(context(AUDIENCE_CONTEXT, AUDIENCE)))
                .contextClaims(List.of("email"))
                .build();
        api = GatewayApi.Builder.create(this, "Api")
                .apiName("gatehouse-sample")
                .description("Gatehouse sample API")
                .bodyFormat(bodyFormat())
                .defaultAuthorization(jwt.requireScopes("orders:read"))
                .cors(CorsPolicy.builder().allowOrigins(List.of(WEB_ORIGIN)).build())
                .stage(StageSettings.builder()
                        .stageName("prod")
                        .throttle(Throttle.of(50, 100))
                        .cacheClusterSize("0.5")
                        .flushCacheOnDeploy(true)
                        .build())
                .build();

        EchoFunction echo = new EchoFunction(this, "Echo");
        api.route("GET /whoami", Integrations.lambda(echo), RouteOptions.builder()
                .authorization(jwt.authorization())
                .throttle(Throttle.of(20, 40))
                .operationId("whoAmI")
                .summary("Describes the caller and the route")
                .build());
        api.route("ANY /catalog/{proxy+}", Integrations.http("https://catalog.example.com/api/{proxy}"),
                RouteOptions.builder().authorization(jwt.requireScopes("catalog:read"))
                        .caching(CacheSettings.builder().enabled(true).sharedAcrossCallers(true).build()).build());
        api.route("GET /health", Integrations.mock(MockResponse.builder()
                        .header("Cache-Control", "no-store")
                        .body("{\"status\":\"ok\"}")
                        .build()),
                RouteOptions.builder().authorization(Authorization.none()).summary("Liveness check").build());

        partnerAccess(echo);
        orders();
        feedback(echo);
        internalService();
        checkoutEventsAndJobs();
        perCallerCaching(echo);
    }

    /**
     * A checkout run by an EXPRESS workflow that answers the request (an empty cart is 422), order
     * events put on an EventBridge bus, and jobs sent to an SQS queue: API Gateway calls each
     * service itself, with one execution role for the three.
     */
    private void checkoutEventsAndJobs() {
        Pass priced = Pass.Builder.create(this, "PriceCart")
                .parameters(new TreeMap<>(Map.of("items.$", "$.body.items", "status", "priced")))
                .build();
        Fail empty = Fail.Builder.create(this, "CartEmpty").error("CartEmpty").cause("the cart has no items").build();
        StateMachine checkout = StateMachine.Builder.create(this, "Checkout")
                .stateMachineType(StateMachineType.EXPRESS)
                .definitionBody(DefinitionBody.fromChainable(Choice.Builder.create(this, "HasItems").build()
                        .when(Condition.isPresent("$.body.items"), priced)
                        .otherwise(empty)))
                .tracingEnabled(true)
                .logs(LogOptions.builder()
                        .destination(LogGroup.Builder.create(this, "CheckoutLogs")
                                .retention(RetentionDays.THREE_MONTHS).build())
                        .level(LogLevel.ALL)
                        .build())
                .build();
        api.route("POST /checkout", Integrations.stepFunctions(checkout, StepFunctionsRouteIntegrationOptions.builder()
                        .errorStatus("CartEmpty", 422)
                        .build()),
                RouteOptions.builder().authorization(jwt.requireScopes("orders:write")).summary("Prices a cart").build());

        EventBus events = EventBus.Builder.create(this, "OrderEvents").build();
        api.route("POST /events", Integrations.eventBridge(events, EventBridgeRouteIntegrationOptions.builder()
                        .source("com.example.gatehouse").detailType("OrderEvent").build()),
                RouteOptions.of(jwt.requireScopes("orders:write")));

        Queue failedJobs = Queue.Builder.create(this, "FailedJobs").enforceSsl(true).build();
        Queue jobs = Queue.Builder.create(this, "Jobs")
                .enforceSsl(true)
                .deadLetterQueue(DeadLetterQueue.builder().queue(failedJobs).maxReceiveCount(5).build())
                .build();
        api.route("POST /jobs", Integrations.sqs(jobs), RouteOptions.of(jwt.requireScopes("jobs:write")));
    }

    /**
     * A route cached per caller: each caller's token is part of the cache key, so one caller's
     * cached answer is never served to another (the catalog, the same for everyone, is cached
     * shared).
     */
    private void perCallerCaching(EchoFunction echo) {
        api.route("GET /me/summary", Integrations.lambda(echo), RouteOptions.builder()
                .authorization(jwt.authorization())
                .caching(CacheSettings.builder().enabled(true).ttl(Duration.minutes(1)).key(CacheKey.caller()).build())
                .summary("The caller's summary, cached per caller for a minute")
                .build());
    }

    /** A partner route that needs an API key of the partners' usage plan. */
    private void partnerAccess(EchoFunction echo) {
        api.route("GET /partner/status", Integrations.lambda(echo), RouteOptions.builder()
                .authorization(Authorization.iam())
                .apiKeyRequired(true)
                .build());
        GatewayApiKey acme = api.addApiKey("AcmeKey", ApiKeySettings.builder()
                .apiKeyName("acme").description("Acme Corp. (value generated by API Gateway)").build());
        api.addUsagePlan("Partners", UsagePlanOptions.builder()
                .name("partners")
                .throttle(Throttle.of(10, 20))
                .quota(Quota.perMonth(100_000))
                .routeThrottle("GET /partner/status", Throttle.of(5, 10))
                .apiKeys(List.of(acme))
                .build());
    }

    /** Orders in Aurora PostgreSQL Serverless v2, behind RDS Proxy with IAM authentication. */
    private void orders() {
        Vpc vpc = Vpc.Builder.create(this, "Vpc").maxAzs(2).natGateways(1).build();
        vpc.addFlowLog("FlowLogs");
        DatabaseCluster cluster = DatabaseCluster.Builder.create(this, "OrdersDb")
                .engine(DatabaseClusterEngine.auroraPostgres(AuroraPostgresClusterEngineProps.builder()
                        .version(AuroraPostgresEngineVersion.VER_16_4).build()))
                .writer(ClusterInstance.serverlessV2("Writer"))
                .serverlessV2MinCapacity(0.5)
                .serverlessV2MaxCapacity(2)
                .storageEncrypted(true)
                .iamAuthentication(true)
                .vpc(vpc)
                .build();
        // The secret is only RDS Proxy's way in; the API's function logs in with IAM tokens.
        cluster.addRotationSingleUser();
        DatabaseProxy proxy = cluster.addProxy("Proxy", DatabaseProxyOptions.builder()
                .secrets(List.of(cluster.getSecret()))
                .vpc(vpc)
                .iamAuth(true)
                .requireTls(true)
                .build());

        DatabaseRoutes routes = DatabaseRoutes.builder(DatabaseEngine.POSTGRESQL)
                .route(DatabaseRoute.builder("GET /orders")
                        .sql("SELECT id, customer, total, created_at FROM orders"
                                + " WHERE (:cursor::bigint IS NULL OR id > :cursor) ORDER BY id LIMIT :limit")
                        .result(ResultKind.LIST)
                        .pagination(Pagination.builder("id", ParameterType.INTEGER).defaultLimit(20).maxLimit(100).build())
                        .build())
                .route(DatabaseRoute.builder("GET /orders/{id}")
                        .sql("SELECT id, customer, total, created_at FROM orders WHERE id = :id")
                        .result(ResultKind.ONE)
                        .param(RouteParameter.builder("id", ParameterLocation.PATH, ParameterType.INTEGER).minimum(1).build())
                        .build())
                .route(DatabaseRoute.builder("POST /orders")
                        .sql("INSERT INTO orders (customer, total) VALUES (:customer, :total)"
                                + " RETURNING id, customer, total, created_at")
                        .result(ResultKind.ONE)
                        .write(true)
                        .successStatus(201)
                        .param(RouteParameter.builder("customer", ParameterLocation.BODY, ParameterType.STRING)
                                .required(true).maxLength(200).build())
                        .param(RouteParameter.builder("total", ParameterLocation.BODY, ParameterType.NUMBER)
                                .required(true).minimum(0).build())
                        .build())
                .build();
        DatabaseBackend.Builder.create(this, "Orders")
                .api(api)
                .vpc(vpc)
                .target(DatabaseTarget.proxy(proxy, DatabaseCredentials.iam("postgres")))
                .databaseName("postgres")
                .routes(routes)
                .routeOptionsByRoute(Map.of("POST /orders", RouteOptions.of(jwt.requireScopes("orders:write"))))
                .schema(List.of("CREATE TABLE IF NOT EXISTS orders (id bigserial PRIMARY KEY, customer text NOT NULL,"
                        + " total numeric(12, 2) NOT NULL CHECK (total >= 0),"
                        + " created_at timestamptz NOT NULL DEFAULT now())"))
                .build();
    }

    /**
     * Feedback: a body API Gateway validates against a model, and a non-proxy Lambda integration
     * whose request and response are shaped by mapping templates.
     */
    private void feedback(EchoFunction echo) {
        RequestModel feedback = RequestModel.fromString("Feedback", """
                {"type": "object", "required": ["rating"], "additionalProperties": false,
                 "properties": {"rating": {"type": "integer", "minimum": 1, "maximum": 5},
                                "comment": {"type": "string", "maxLength": 2000}}}""");
        api.route("POST /feedback", Integrations.lambda(echo, LambdaRouteIntegrationOptions.builder()
                .mapping(IntegrationMapping.builder()
                        .requestTemplate("application/json", """
                                {"httpMethod": "$context.httpMethod", "resource": "$context.resourcePath",
                                 "path": "$context.path",
                                 "body": "$util.escapeJavaScript($input.body).replaceAll("\\\\'", "'")",
                                 "requestContext": {"requestId": "$context.requestId", "stage": "$context.stage"}}""")
                        .response(ResponseMapping.builder().statusCode(202)
                                .responseParameter("method.response.header.Cache-Control", "'no-store'")
                                .responseTemplate("application/json", "$input.path('$.body')")
                                .build())
                        .build())
                .build()), RouteOptions.builder()
                .authorization(jwt.authorization())
                .requestValidation(RequestValidation.builder().model(feedback).build())
                .summary("Takes feedback, validated against the Feedback model")
                .build());
    }

    /**
     * An internal service behind a VPC link V2: an internal ALB in the orders VPC that answers
     * {@code /internal/*} itself (fixed responses: no targets to pay for) and 404 for any other path,
     * so the real deployment shows that the backend receives the route's path without the stage.
     */
    private void internalService() {
        Vpc vpc = (Vpc) getNode().findChild("Vpc"); // the VPC orders() created
        ApplicationLoadBalancer alb = ApplicationLoadBalancer.Builder.create(this, "InternalAlb")
                .vpc(vpc)
                .internetFacing(false)
                .dropInvalidHeaderFields(true)
                .build();
        ApplicationListener listener = alb.addListener("Http", BaseApplicationListenerProps.builder()
                .port(80)
                .open(false)
                .defaultAction(ListenerAction.fixedResponse(404, FixedResponseOptions.builder()
                        .contentType("application/json").messageBody("{\"message\":\"no such internal path\"}").build()))
                .build());
        listener.addAction("Internal", AddApplicationActionProps.builder()
                .priority(10)
                .conditions(List.of(ListenerCondition.pathPatterns(List.of("/internal/*"))))
                .action(ListenerAction.fixedResponse(200, FixedResponseOptions.builder()
                        .contentType("application/json").messageBody("{\"service\":\"internal\",\"status\":\"ok\"}").build()))
                .build());
        api.route("GET /internal/{proxy+}", Integrations.privateHttp(PrivateTarget.of(listener)),
                RouteOptions.of(Authorization.iam()));
    }

    public GatewayApi getApi() {
        return api;
    }

    private BodyFormat bodyFormat() {
        String name = context(BODY_FORMAT_CONTEXT, null);
        return name == null ? null : BodyFormat.valueOf(name);
    }

    private String context(String key, String fallback) {
        Object value = getNode().tryGetContext(key);
        return value instanceof String text && !text.isBlank() ? text : fallback;
    }
}
