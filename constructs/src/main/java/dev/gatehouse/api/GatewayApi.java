package dev.gatehouse.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.Defaults;
import dev.gatehouse.api.internal.AccessLogJson;
import dev.gatehouse.api.internal.BodyText;
import dev.gatehouse.api.internal.CorsRendering;
import dev.gatehouse.api.internal.Hashing;
import dev.gatehouse.api.internal.HttpTokens;
import dev.gatehouse.api.internal.LambdaUris;
import dev.gatehouse.api.internal.ManagedWebAcl;
import dev.gatehouse.api.internal.OpenApiDocument;
import dev.gatehouse.api.internal.ResourcePolicyDocument;
import dev.gatehouse.api.internal.RoutePath;
import dev.gatehouse.api.internal.RouteTableCheck;
import dev.gatehouse.api.internal.SnapStartTargets;
import dev.gatehouse.api.internal.StageMethodSettings;
import dev.gatehouse.api.internal.TemplateValues;
import dev.gatehouse.api.internal.Tokens;
import dev.gatehouse.authorizer.policy.RouteKey;
import dev.gatehouse.authorizer.policy.RouteScopes;
import dev.gatehouse.rules.Finding;
import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rule;
import dev.gatehouse.rules.Rules;
import dev.gatehouse.rules.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnCondition;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.ICfnConditionExpression;
import software.amazon.awscdk.IResolveContext;
import software.amazon.awscdk.IStableAnyProducer;
import software.amazon.awscdk.IStringProducer;
import software.amazon.awscdk.Lazy;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.ApiKey;
import software.amazon.awscdk.services.apigateway.ApiKeySourceType;
import software.amazon.awscdk.services.apigateway.IApiKey;
import software.amazon.awscdk.services.apigateway.CfnAccount;
import software.amazon.awscdk.services.apigateway.CfnClientCertificate;
import software.amazon.awscdk.services.apigateway.CfnDeployment;
import software.amazon.awscdk.services.apigateway.CfnRestApi;
import software.amazon.awscdk.services.apigateway.CfnStage;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.MethodLoggingLevel;
import software.amazon.awscdk.services.ec2.IVpcEndpoint;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.CfnPermission;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Permission;
import software.amazon.awscdk.services.lambda.SingletonFunction;
import software.amazon.awscdk.services.lambda.Version;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.Construct;

/**
 * An API Gateway REST API defined as one OpenAPI 3.0 document.
 *
 * <p>Routes are declared one line each ({@code api.route("GET /orders/{id}", Integration.lambda(fn),
 * RouteOptions.of(Authorization.iam()))}) and rendered into the {@code Body} of a single
 * {@code AWS::ApiGateway::RestApi}, with a Deployment whose logical id carries a hash of the
 * document (so any change redeploys) and a Stage with logs and tracing on. The number of
 * CloudFormation resources does not grow with the number of routes: one Lambda permission per
 * function, whatever the number of routes it serves.
 *
 * <p>Problems are collected and reported together when the app is synthesized, each naming the
 * route and the fix (see {@link Rules}).
 */
public class GatewayApi extends Construct {
    private static final Pattern STAGE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern API_KEY_VALUE = Pattern.compile("[A-Za-z0-9]{20,128}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_GATEWAY_PRINCIPAL = "apigateway.amazonaws.com";
    /** Security scheme of routes that require an API key. */
    public static final String API_KEY_SCHEME = "api_key";

    private final String apiName;
    private final String description;
    private final String apiVersion;
    private final String stageName;
    private final StageMethodSettings.StageWide stageSettings;
    private final CfnRestApi restApi;
    private final CfnDeployment deployment;
    private final CfnStage stage;
    private final ILogGroup accessLogGroup;
    private final String originalDeploymentId;

    private final Authorization defaultAuthorization;
    private final ApiKeySourceType apiKeySource;
    /** The format asked for, or null for {@link Defaults#BODY_FORMAT}. */
    private final BodyFormat bodyFormat;
    private final ResourcePolicy resourcePolicy;
    private final EndpointType endpointType;
    private boolean executeApiEndpointDisabled;
    private final CorsOptions corsOptions;
    private final CorsRendering.Settings cors;

    private final Findings findings = new Findings();
    private final List<DeclaredRoute> routes = new ArrayList<>();
    private final Map<String, ObjectNode> securitySchemes = new TreeMap<>();
    private final Map<Object, String> schemeOwners = new IdentityHashMap<>();
    private final Map<IFunction, LambdaTarget> lambdaTargets = new IdentityHashMap<>();
    private final Set<String> foreignFunctionsReported = new HashSet<>();
    private final Set<String> invokeGrants = new HashSet<>();
    private final List<GatewayUsagePlan> usagePlans = new ArrayList<>();

    /** Set when synthesis first reads the document; routes can no longer change after that. */
    private Rendered rendered;
    private boolean warningsAnnotated;

    public GatewayApi(Construct scope, String id) {
        this(scope, id, null);
    }

    public GatewayApi(Construct scope, String id, GatewayApiProps props) {
        super(scope, id);
        GatewayApiProps p = props != null ? props : GatewayApiProps.builder().build();
        StageOptions s = p.getStage() != null ? p.getStage() : StageOptions.builder().build();

        this.apiName = orDefault(p.getApiName(), id);
        this.description = p.getDescription();
        this.apiVersion = orDefault(p.getApiVersion(), Defaults.API_VERSION);
        this.stageName = orDefault(s.getStageName(), Defaults.STAGE_NAME);
        this.defaultAuthorization = p.getDefaultAuthorization();
        this.apiKeySource = p.getApiKeySource();
        this.bodyFormat = p.getBodyFormat();

        this.endpointType = orDefault(p.getEndpointType(), Defaults.ENDPOINT_TYPE);
        this.resourcePolicy = p.getResourcePolicy();
        List<String> vpcEndpointIds = resourcePolicy == null ? List.of()
                : resourcePolicy.getVpcEndpoints().stream().map(IVpcEndpoint::getVpcEndpointId).toList();
        if (endpointType == EndpointType.PRIVATE && vpcEndpointIds.isEmpty()) {
            findings.report(Rules.ENDPOINT_TYPE, "GatewayApi '" + apiName + "'",
                    "it is PRIVATE but names no VPC endpoint, so nothing could call it and API Gateway would "
                            + "refuse to deploy it without a resource policy.",
                    "pass resourcePolicy(ResourcePolicy.builder().vpcEndpoints(List.of(endpoint)).build()) with "
                            + "your execute-api interface endpoint.");
        }
        if (resourcePolicy != null) {
            List<String> ips = new ArrayList<>(resourcePolicy.getAllowSourceIps());
            ips.addAll(resourcePolicy.getDenySourceIps());
            for (String ip : ips) {
                if (!ResourcePolicyDocument.isCidr(ip)) {
                    findings.report(Rules.SOURCE_IP, "GatewayApi '" + apiName + "'",
                            "its resource policy names '" + ip + "', which is not an IP address or CIDR block.",
                            "write addresses as CIDR blocks, e.g. 203.0.113.0/24 or 2001:db8::/32.");
                }
            }
        }
        this.corsOptions = p.getCors();
        this.cors = corsOptions == null ? null : corsSettings(corsOptions);

        if (!STAGE_NAME.matcher(stageName).matches()) {
            findings.report(Rules.STAGE_NAME, "stage '" + stageName + "'",
                    "the name has characters other than letters, digits, '-' and '_', or is longer than 128.",
                    "rename the stage, e.g. 'prod' or 'v1_beta'.");
        }
        checkThrottle(s.getThrottle(), "stage '" + stageName + "'");

        ThrottleSettings stageThrottle = s.getThrottle();
        MethodLoggingLevel loggingLevel = orDefault(s.getLoggingLevel(), Defaults.EXECUTION_LOGGING_LEVEL);
        this.stageSettings = new StageMethodSettings.StageWide(loggingLevel.name(),
                orDefault(s.getDataTraceEnabled(), Defaults.DATA_TRACE_ENABLED),
                orDefault(s.getMetricsEnabled(), Defaults.DETAILED_METRICS_ENABLED),
                stageThrottle == null ? null : stageThrottle.getRateLimit(),
                stageThrottle == null ? null : stageThrottle.getBurstLimit());

        this.restApi = CfnRestApi.Builder.create(this, "Resource")
                .name(apiName)
                .description(description)
                .endpointConfiguration(CfnRestApi.EndpointConfigurationProperty.builder()
                        .types(List.of(endpointType.name()))
                        .vpcEndpointIds(endpointType == EndpointType.PRIVATE ? vpcEndpointIds : null)
                        .build())
                .failOnWarnings(orDefault(p.getFailOnWarnings(), Defaults.FAIL_ON_WARNINGS))
                // the object form: a property, since overrides are merged in a way that drops
                // empty objects ({}) from the document
                .body(Lazy.any(new IStableAnyProducer() {
                    @Override
                    public Object produce() {
                        return rendered().text() ? null : rendered().templateBody();
                    }
                }))
                .build();
        // The JSON-text form: an override. The CDK copies properties, not overrides, into
        // tree.json too, and (with its template validation on) hashes every file it writes before
        // and after validating; for 1,000 routes that second copy of the document cost about a
        // tenth of the synthesis. The template is the same. ({} merges as nothing into an object
        // Body.)
        restApi.addPropertyOverride("Body", Lazy.any(new IStableAnyProducer() {
            @Override
            public Object produce() {
                return rendered().text() ? rendered().templateBody() : Map.of();
            }
        }));
        if (Boolean.TRUE.equals(p.getDisableExecuteApiEndpoint())) {
            disableExecuteApiEndpoint();
        }
        if (hasResourcePolicy()) {
            restApi.setPolicy(Lazy.any(new IStableAnyProducer() {
                @Override
                public Object produce() {
                    return rendered().policy();
                }
            }));
        }

        this.deployment = CfnDeployment.Builder.create(this, "Deployment")
                .restApiId(restApi.getRef())
                .description("Deployment of " + apiName + " by Gatehouse")
                .build();
        this.originalDeploymentId = Stack.of(this).getLogicalId(deployment);
        deployment.overrideLogicalId(Lazy.uncachedString(new IStringProducer() {
            @Override
            public String produce(IResolveContext context) {
                return originalDeploymentId + rendered().hash().substring(0, 16);
            }
        }));

        this.accessLogGroup = accessLogGroup(s);
        CfnStage.Builder stageBuilder = CfnStage.Builder.create(this, "Stage")
                .restApiId(restApi.getRef())
                .deploymentId(deployment.getRef())
                .stageName(stageName)
                .description(s.getDescription())
                .tracingEnabled(orDefault(s.getTracingEnabled(), Defaults.TRACING_ENABLED))
                .methodSettings(Lazy.any(new IStableAnyProducer() {
                    @Override
                    public Object produce() {
                        return rendered().methodSettings();
                    }
                }));
        if (accessLogGroup != null) {
            AccessLogFormat format = s.getAccessLogFormat() != null
                    ? s.getAccessLogFormat() : AccessLogFormat.custom(AccessLogJson.FORMAT);
            String formatText = format.toString();
            if (!formatText.contains("$context.requestId") && !formatText.contains("$context.extendedRequestId")) {
                findings.report(Rules.ACCESS_LOG_FORMAT, "stage '" + stageName + "'",
                        "the access log format has neither $context.requestId nor $context.extendedRequestId.",
                        "add \"requestId\":\"$context.requestId\" to the format, or leave accessLogFormat unset.");
            }
            stageBuilder.accessLogSetting(CfnStage.AccessLogSettingProperty.builder()
                    .destinationArn(accessLogGroup.getLogGroupArn())
                    .format(formatText)
                    .build());
        }
        if (Boolean.TRUE.equals(s.getClientCertificate())) {
            CfnClientCertificate certificate = CfnClientCertificate.Builder.create(this, "ClientCertificate")
                    .description("Presented by " + apiName + " (stage " + stageName + ") to its HTTP backends")
                    .build();
            stageBuilder.clientCertificateId(certificate.getRef());
        }
        this.stage = stageBuilder.build();
        if (p.getWebAcl() != null) {
            associateWebAcl(p.getWebAcl());
        }

        if (orDefault(p.getCloudWatchRole(), Defaults.CLOUDWATCH_ROLE)) {
            stage.getNode().addDependency(cloudWatchAccount());
        }

        CfnOutput.Builder.create(this, "Url")
                .description("Base URL of " + apiName + " (stage " + stageName + ")")
                .value(getUrl())
                .build();

        getNode().addValidation(this::validate);
    }

    // ---- Routes ----------------------------------------------------------------------------------

    /**
     * Declares a route, e.g. {@code route("GET /orders/{id}", Integration.lambda(fn), options)}.
     * Problems with the route are reported at synth, together with all others.
     *
     * @param spec method and path separated by a space; the method is one of {@link HttpMethod}
     */
    public Route route(String spec, Integration integration, RouteOptions options) {
        Objects.requireNonNull(integration, "integration");
        if (rendered != null) {
            throw new IllegalStateException("GatewayApi '" + getNode().getPath() + "': route '" + spec
                    + "' was added after the API was synthesized; declare every route before synthesis.");
        }
        RouteOptions routeOptions = options != null ? options : RouteOptions.builder().build();
        Route route = parse(spec, routeOptions);
        String subject = "route '" + route + "'";

        Authorization authorization = authorizationOf(route, routeOptions);
        if (authorization == null) {
            findings.report(Rules.AUTHORIZATION_REQUIRED, subject,
                    "it has no authorization, and Gatehouse does not make routes public implicitly.",
                    "pass RouteOptions.of(Authorization.iam()) (or an authorizer's authorization), set the API's "
                            + "defaultAuthorization, or pass RouteOptions.of(Authorization.none()) to make it public "
                            + "on purpose.");
        }
        checkThrottle(routeOptions.getThrottle(), subject);

        ObjectNode operation = null;
        if (route.isValid()) {
            RouteContext context = new RouteContext(route, subject);
            IntegrationConfig config = integration.bind(context);
            Map<String, List<String>> security = new LinkedHashMap<>();
            if (authorization != null) {
                authorization.bind(context).getRequirements()
                        .forEach(requirement -> security.put(requirement.schemeName(), requirement.scopes()));
            }
            if (Boolean.TRUE.equals(routeOptions.getApiKeyRequired())) {
                security.put(context.securityScheme(API_KEY_SCHEME, API_KEY_SCHEME, GatewayApi::apiKeyScheme), List.of());
            }
            operation = OpenApiDocument.operation(route.routePath(), routeOptions.getOperationId(),
                    routeOptions.getSummary(), security, config.responsesNode(), config.integrationNode());
        }
        routes.add(new DeclaredRoute(route, operation, authorization == Authorization.iam()));
        return route;
    }

    /** Explicit, else the API's default, else public for OPTIONS (CORS preflights carry no credentials). */
    private Authorization authorizationOf(Route route, RouteOptions options) {
        if (options.getAuthorization() != null) {
            return options.getAuthorization();
        }
        if (route.getMethod() == HttpMethod.OPTIONS) {
            return Authorization.none();
        }
        return defaultAuthorization;
    }

    private static ObjectNode apiKeyScheme() {
        ObjectNode scheme = JSON.createObjectNode();
        scheme.put("type", "apiKey");
        scheme.put("name", "x-api-key");
        scheme.put("in", "header");
        return scheme;
    }

    /**
     * Declares a route without options; it needs the API's default authorization (or to be an
     * OPTIONS route) to pass synthesis (GH110).
     */
    public Route route(String spec, Integration integration) {
        return route(spec, integration, null);
    }

    public Route get(String path, Integration integration, RouteOptions options) {
        return route("GET " + path, integration, options);
    }

    public Route post(String path, Integration integration, RouteOptions options) {
        return route("POST " + path, integration, options);
    }

    public Route put(String path, Integration integration, RouteOptions options) {
        return route("PUT " + path, integration, options);
    }

    public Route patch(String path, Integration integration, RouteOptions options) {
        return route("PATCH " + path, integration, options);
    }

    public Route delete(String path, Integration integration, RouteOptions options) {
        return route("DELETE " + path, integration, options);
    }

    public Route any(String path, Integration integration, RouteOptions options) {
        return route("ANY " + path, integration, options);
    }

    /** The declared routes, in declaration order. */
    public List<Route> getRoutes() {
        return routes.stream().map(DeclaredRoute::route).toList();
    }

    // ---- Domains and WAF -------------------------------------------------------------------------

    /**
     * Adds a REGIONAL custom domain (TLS 1.2+) serving this API's stage, optionally with mutual
     * TLS; with mutual TLS the execute-api endpoint is turned off unless told otherwise.
     */
    public GatewayDomain addDomain(String id, DomainOptions options) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(options.getDomainName(), "DomainOptions.domainName");
        Objects.requireNonNull(options.getCertificate(), "DomainOptions.certificate");
        return new GatewayDomain(this, id, options);
    }

    private void associateWebAcl(WebAcl webAcl) {
        String arn = webAcl.getArn();
        String subject = "GatewayApi '" + apiName + "' web ACL";
        if (arn == null) {
            if (webAcl.getRateLimit() != 0 && webAcl.getRateLimit() < 10) {
                findings.report(Rules.WEB_ACL, subject, "the rate limit " + webAcl.getRateLimit()
                        + " is below WAF's minimum of 10 requests per 5 minutes.", "use 10 or more, or 0 for none.");
            }
            arn = ManagedWebAcl.create(this, "WebAcl", apiName, Math.max(webAcl.getRateLimit(), 0)).getAttrArn();
        } else if (!Tokens.containsToken(arn) && !arn.matches("arn:aws[a-z-]*:wafv2:[a-z0-9-]+:\\d{12}:regional/webacl/.+")) {
            findings.report(Rules.WEB_ACL, subject, "'" + arn + "' is not the ARN of a REGIONAL WAFv2 web ACL.",
                    "create the ACL with scope REGIONAL in the API's Region and pass its ARN.");
        }
        Stack stack = Stack.of(this);
        String stageArn = "arn:" + stack.getPartition() + ":apigateway:" + stack.getRegion() + "::/restapis/"
                + restApi.getRef() + "/stages/" + stageName;
        CfnWebACLAssociation association = CfnWebACLAssociation.Builder.create(this, "WebAclAssociation")
                .resourceArn(stageArn)
                .webAclArn(arn)
                .build();
        association.getNode().addDependency(stage);
    }

    EndpointType getEndpointType() {
        return endpointType;
    }

    /** Reports a finding on behalf of a child construct (domains). */
    void report(Rule rule, String subject, String problem, String fix) {
        findings.report(rule, subject, problem, fix);
    }

    /** Clients reach the API only through custom domains (redeploys: it is part of the hash). */
    void disableExecuteApiEndpoint() {
        executeApiEndpointDisabled = true;
        restApi.setDisableExecuteApiEndpoint(true);
    }

    // ---- API keys and usage plans ----------------------------------------------------------------

    /**
     * Adds a usage plan on this API's stage. Routes that should be metered set
     * {@link RouteOptions#getApiKeyRequired() apiKeyRequired}.
     */
    public GatewayUsagePlan addUsagePlan(String id, UsagePlanOptions options) {
        GatewayUsagePlan plan = new GatewayUsagePlan(this, id, options != null ? options : UsagePlanOptions.builder().build());
        usagePlans.add(plan);
        return plan;
    }

    /**
     * Creates an API key (aws-cdk-lib's {@code ApiKey}); add it to a usage plan to let it call
     * this API. Leave the value out to have API Gateway generate it.
     */
    public IApiKey addApiKey(String id, ApiKeyOptions options) {
        ApiKeyOptions o = options != null ? options : ApiKeyOptions.builder().build();
        String subject = "API key '" + id + "'";
        if (o.getValue() != null) {
            if (!API_KEY_VALUE.matcher(o.getValue()).matches()) {
                findings.report(Rules.API_KEY_VALUE, subject, "its value is not 20 to 128 letters and digits.",
                        "leave the value out to have API Gateway generate one, or give 20 to 128 letters and digits.");
            }
            findings.report(Rules.API_KEY_IN_TEMPLATE, subject, "its value is written to the template in clear text.",
                    "leave the value out, or import the key with ApiKey.fromApiKeyId.");
        }
        return ApiKey.Builder.create(this, id)
                .apiKeyName(o.getApiKeyName())
                .description(o.getDescription())
                .value(o.getValue())
                .enabled(true)
                .build();
    }

    /** The route declared as {@code spec} ("GET /orders/{id}"), if any. */
    Optional<Route> findRoute(String spec) {
        return RouteSpec.parse(spec).flatMap(named -> routes.stream().map(DeclaredRoute::route)
                .filter(r -> r.getMethod() == named.method() && named.path().equals(r.getPath()))
                .findFirst());
    }

    // ---- The document ----------------------------------------------------------------------------

    /**
     * The OpenAPI document as declared so far. Values that are only known at deploy time (a
     * function's ARN) appear as CDK token strings; see {@link #getResolvedOpenApiDocument()}.
     */
    public ObjectNode getOpenApiDocument() {
        return renderDocument(true);
    }

    /**
     * The OpenAPI document as it appears in the template: deploy-time values are CloudFormation
     * intrinsics ({@code Fn::Sub} for values of this stack, {@code Fn::ImportValue} and others
     * for values from elsewhere).
     */
    public JsonNode getResolvedOpenApiDocument() {
        ObjectNode document = rendered != null ? rendered.document() : renderDocument(false);
        return JSON.valueToTree(new TemplateValues(Stack.of(this)).fullyResolved(document));
    }

    // ---- Lambda targets --------------------------------------------------------------------------

    /**
     * Lets this API's routes invoke {@code function}: one {@code AWS::Lambda::Permission} per
     * function and API, for all its routes, limited to this API's execute-api ARN. Calling it again
     * for the same function does nothing.
     */
    public void allowInvoke(IFunction function) {
        permitInvoke(function, arnForExecuteApi("*", "/*", "*"), "Invoke");
    }

    /**
     * Lets this API's Lambda authorizers invoke {@code function} (source ARN
     * {@code {api}/authorizers/*}); once per function and API.
     */
    public void allowAuthorizerInvoke(IFunction function) {
        permitInvoke(function, executeApiArn("authorizers/*"), "Authorize");
    }

    private void permitInvoke(IFunction function, String sourceArn, String purpose) {
        String functionPath = function.getNode().getPath();
        if (!invokeGrants.add(purpose + " " + functionPath)) {
            return;
        }
        boolean owned = function instanceof Function || function instanceof Version || function instanceof Alias
                || function instanceof SingletonFunction;
        if (owned && Stack.of(function) == Stack.of(this)) {
            function.addPermission(purpose + "By" + getNode().getAddr().substring(0, 10), Permission.builder()
                    .principal(new ServicePrincipal(API_GATEWAY_PRINCIPAL))
                    .action("lambda:InvokeFunction")
                    .sourceArn(sourceArn)
                    .build());
            return;
        }
        // In the API's stack: a function of another stack already exists (granting from there would
        // make that stack depend on this one: a cycle). For an imported function CDK's addPermission
        // only warns (UnclearLambdaEnvironment) and creates nothing unless it can prove the account
        // is the stack's, so grant here too, where the ARN shows the function can be granted.
        String id = purpose + Hashing.sha256Hex(functionPath).substring(0, 10);
        CfnCondition sameEnvironment = null;
        if (!owned) {
            String arn = function.getFunctionArn();
            Stack stack = Stack.of(this);
            List<ICfnConditionExpression> unknown = new ArrayList<>();
            List<String> elsewhere = new ArrayList<>();
            compareEnvironment("account", LambdaUris.literalSegment(arn, 4), stack.getAccount(), Aws.ACCOUNT_ID,
                    unknown, elsewhere);
            compareEnvironment("Region", LambdaUris.literalSegment(arn, 3), stack.getRegion(), Aws.REGION,
                    unknown, elsewhere);
            if (!elsewhere.isEmpty()) {
                if (foreignFunctionsReported.add(functionPath)) {
                    findings.report(Rules.IMPORTED_FUNCTION_PERMISSION, "GatewayApi '" + apiName + "'",
                            "the imported function " + arn + " is in another " + String.join(" and ", elsewhere)
                                    + ", where this stack cannot create a Lambda permission; until one exists, "
                                    + "what invokes it answers 500.",
                            "in the function's account and Region, run: aws lambda add-permission --function-name "
                                    + arn + " --statement-id " + id + " --action lambda:InvokeFunction "
                                    + "--principal " + API_GATEWAY_PRINCIPAL + " --source-arn arn:"
                                    + LambdaUris.literalSegment(arn, 1).orElse("aws") + ":execute-api:"
                                    + (Token.isUnresolved(stack.getRegion()) ? "<region>" : stack.getRegion()) + ":"
                                    + (Token.isUnresolved(stack.getAccount()) ? "<account>" : stack.getAccount())
                                    + ":<rest-api-id>/*");
                }
                return;
            }
            if (!unknown.isEmpty()) {
                // Environment-agnostic stack: the permission exists wherever the stack is deployed
                // into the function's own account and Region (elsewhere, its owner grants it).
                sameEnvironment = CfnCondition.Builder.create(this, id + "SameEnvironment")
                        .expression(unknown.size() == 1 ? unknown.get(0)
                                : Fn.conditionAnd(unknown.toArray(new ICfnConditionExpression[0])))
                        .build();
                if (foreignFunctionsReported.add(functionPath)) {
                    Annotations.of(this).addInfo("Gatehouse: the imported function " + arn + " gets its invoke "
                            + "permission only where this environment-agnostic stack is deployed into the function's "
                            + "own account and Region; elsewhere its owner must allow " + API_GATEWAY_PRINCIPAL
                            + " to invoke it (aws lambda add-permission), or what invokes it answers 500.");
                }
            }
        }
        CfnPermission permission = CfnPermission.Builder.create(this, id)
                .action("lambda:InvokeFunction")
                .functionName(function.getFunctionArn())
                .principal(API_GATEWAY_PRINCIPAL)
                .sourceArn(sourceArn)
                .build();
        if (sameEnvironment != null) {
            permission.getCfnOptions().setCondition(sameEnvironment);
        }
    }

    /**
     * Sorts one part of an imported function's environment: the same as the stack's (or a token,
     * taken to be), unknown until deployment (a condition), or elsewhere.
     */
    private static void compareEnvironment(String what, Optional<String> functions, String stacks, String pseudo,
            List<ICfnConditionExpression> unknown, List<String> elsewhere) {
        if (functions.isEmpty()) {
            return;
        }
        if (Token.isUnresolved(stacks)) {
            unknown.add(Fn.conditionEquals(pseudo, functions.get()));
        } else if (!stacks.equals(functions.get())) {
            elsewhere.add(what + " (" + functions.get() + ", this stack: " + stacks + ")");
        }
    }

    /**
     * Grants {@code execute-api:Invoke} on routes of this API's stage to an IAM principal, for
     * routes with {@link Authorization#iam()}. Routes are given as declared, e.g.
     * {@code grantInvoke(role, "GET /orders/{id}")}; path variables match any value.
     */
    public Grant grantInvoke(IGrantable grantee, String... routeSpecs) {
        if (routeSpecs.length == 0) {
            throw new IllegalArgumentException("GatewayApi '" + getNode().getPath()
                    + "': grantInvoke needs at least one route, e.g. \"GET /orders/{id}\".");
        }
        List<String> arns = new ArrayList<>();
        for (String spec : routeSpecs) {
            RouteSpec named = RouteSpec.parse(spec).orElseThrow(() -> new IllegalArgumentException("GatewayApi '"
                    + getNode().getPath() + "': '" + spec + "' is not a route; write it as declared, e.g. \"GET /orders/{id}\"."));
            String path = named.path().replaceAll("\\{[^}]*}", "*");
            arns.add(arnForExecuteApi(named.method() == HttpMethod.ANY ? "*" : named.method().name(), path, stageName));
        }
        return Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(grantee)
                .actions(List.of("execute-api:Invoke"))
                .resourceArns(arns)
                .build());
    }

    /** A Lambda function as routes see it: its ARN and whether SnapStart is bypassed. */
    record LambdaTarget(String arn, String invocationUri, String path, boolean snapStartUnqualified) {
    }

    /** Grants invoke once per function and remembers what routes need, saving jsii calls. */
    LambdaTarget lambdaTarget(IFunction function) {
        return lambdaTargets.computeIfAbsent(function, f -> {
            allowInvoke(f);
            String arn = f.getFunctionArn();
            return new LambdaTarget(arn, LambdaUris.invocation(arn), f.getNode().getPath(),
                    SnapStartTargets.unqualifiedWithSnapStart(f));
        });
    }

    // ---- Attributes ------------------------------------------------------------------------------

    public String getRestApiId() {
        return restApi.getRef();
    }

    public String getRestApiRootResourceId() {
        return restApi.getAttrRootResourceId();
    }

    public String getApiName() {
        return apiName;
    }

    public String getStageName() {
        return stageName;
    }

    /** Base URL of the stage, ending in '/'. */
    public String getUrl() {
        Stack stack = Stack.of(this);
        return "https://" + restApi.getRef() + ".execute-api." + stack.getRegion() + "." + stack.getUrlSuffix()
                + "/" + stageName + "/";
    }

    /** URL of a path in the stage, e.g. {@code urlForPath("/orders")}. */
    public String urlForPath(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("GatewayApi '" + getNode().getPath() + "': path '" + path
                    + "' must start with '/'.");
        }
        return getUrl() + path.substring(1);
    }

    /**
     * ARN for {@code execute-api:Invoke} and resource policies, e.g.
     * {@code arnForExecuteApi("GET", "/orders/*", "prod")}; '*' matches anything.
     */
    public String arnForExecuteApi(String method, String path, String stage) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("GatewayApi '" + getNode().getPath() + "': path '" + path
                    + "' must start with '/'.");
        }
        return executeApiArn(stage + "/" + method + path);
    }

    /** {@code arn:...:execute-api:{region}:{account}:{api}/{resourceName}}. */
    private String executeApiArn(String resourceName) {
        return Stack.of(this).formatArn(ArnComponents.builder()
                .service("execute-api")
                .resource(restApi.getRef())
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                .resourceName(resourceName)
                .build());
    }

    /**
     * The RestApi resource, for escape hatches. The document is {@link #getOpenApiDocument()}: as
     * JSON text (the default format) the {@code Body} is a property override, so overriding
     * {@code Body.x} or calling {@code setBody} changes nothing; as an object it is the
     * {@code body} property.
     */
    public CfnRestApi getCfnRestApi() {
        return restApi;
    }

    public CfnDeployment getCfnDeployment() {
        return deployment;
    }

    public CfnStage getCfnStage() {
        return stage;
    }

    /** The access log group, or {@code null} when access logging is off. */
    public ILogGroup getAccessLogGroup() {
        return accessLogGroup;
    }

    // ---- Internals -------------------------------------------------------------------------------

    /** {@code text.trim().split("\\s+")} without a regular expression (routes are parsed by the thousand). */
    private static String[] words(String untrimmed) {
        String text = untrimmed.trim();
        List<String> words = new ArrayList<>(2);
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && isRegexSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !isRegexSpace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(text.substring(start, i));
            }
        }
        return words.toArray(new String[0]);
    }

    /** The characters of the regular expression class {@code \s}. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private Route parse(String spec, RouteOptions options) {
        String subject = "route '" + spec + "'";
        String[] parts = spec == null ? new String[0] : words(spec);
        if (parts.length != 2) {
            findings.report(Rules.ROUTE_SPEC, subject, "it is not of the form 'METHOD /path'.",
                    "write the method and the path separated by one space, e.g. \"GET /orders/{id}\".");
            return new Route(String.valueOf(spec), null, null, options);
        }
        HttpMethod method = HttpMethod.parse(parts[0]).orElse(null);
        if (method == null) {
            findings.report(Rules.ROUTE_SPEC, subject, "'" + parts[0] + "' is not an HTTP method API Gateway routes.",
                    "use one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY.");
        }
        RoutePath path = RoutePath.parse(parts[1], subject, findings);
        return new Route(spec, method, path, options);
    }

    private void checkThrottle(ThrottleSettings throttle, String subject) {
        checkThrottle(throttle, subject, findings);
    }

    /** Reports invalid throttle values of {@code subject} (rule GH301). */
    void checkThrottle(ThrottleSettings throttle, String subject, Findings findings) {
        if (throttle == null) {
            return;
        }
        Double rate = throttle.getRateLimit();
        Integer burst = throttle.getBurstLimit();
        if (rate != null && (rate < 0 || rate.isNaN() || rate.isInfinite())) {
            findings.report(Rules.THROTTLE_VALUES, subject, "the throttle rate " + rate + " is not a non-negative number.",
                    "give the steady-state rate in requests per second, e.g. ThrottleSettings.of(100, 200).");
        }
        if (burst != null && burst < 0) {
            findings.report(Rules.THROTTLE_VALUES, subject, "the throttle burst " + burst + " is negative.",
                    "give the bucket size as a whole number of requests, 0 or more.");
        }
    }

    private static final List<String> DEFAULT_CORS_HEADERS =
            List.of("Content-Type", "Authorization", "X-Api-Key", "X-Amz-Date", "X-Amz-Security-Token");

    private CorsRendering.Settings corsSettings(CorsOptions options) {
        String subject = "GatewayApi '" + apiName + "' CORS";
        List<String> origins = options.getAllowOrigins() != null ? options.getAllowOrigins() : List.of();
        boolean credentials = Boolean.TRUE.equals(options.getAllowCredentials());
        if (origins.isEmpty()) {
            findings.report(Rules.CORS_SETTINGS, subject, "no origin is allowed.",
                    "list the browser origins of your clients, e.g. allowOrigins(List.of(\"https://app.example.com\")).");
        }
        for (String origin : origins) {
            if (!origin.equals("*") && !CorsRendering.ORIGIN.matcher(origin).matches()) {
                findings.report(Rules.CORS_SETTINGS, subject, "the origin '" + origin + "' is not scheme://host[:port].",
                        "write origins as browsers send them, e.g. https://app.example.com (no path, no trailing '/').");
            }
        }
        if (credentials && origins.contains("*")) {
            findings.report(Rules.CORS_CREDENTIALS, subject, "allowCredentials is true with origin '*'.",
                    "list the exact origins that may send credentials, or turn allowCredentials off.");
        }
        List<String> headers = options.getAllowHeaders() != null ? options.getAllowHeaders() : DEFAULT_CORS_HEADERS;
        List<String> expose = options.getExposeHeaders() != null ? options.getExposeHeaders() : List.of();
        for (String header : concat(headers, expose)) {
            if (!HttpTokens.HEADER_NAME.matcher(header).matches()) {
                findings.report(Rules.CORS_SETTINGS, subject, "'" + header + "' is not an HTTP header name.",
                        "use header names such as Content-Type or X-Request-Id.");
            }
        }
        if (options.getAllowMethods() != null && options.getAllowMethods().contains(HttpMethod.ANY)) {
            findings.report(Rules.CORS_SETTINGS, subject, "ANY is not a method a browser can be told about.",
                    "list the methods, e.g. allowMethods(List.of(HttpMethod.GET, HttpMethod.POST)).");
        }
        long maxAge = options.getMaxAge() != null ? options.getMaxAge().toSeconds().longValue() : 600;
        return new CorsRendering.Settings(origins, headers, expose, credentials, maxAge);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Paths that get a CORS preflight operation, with the methods to announce. */
    private Map<RoutePath, List<String>> preflightPaths() {
        Map<String, RoutePath> paths = new TreeMap<>();
        Map<String, java.util.SortedSet<HttpMethod>> methods = new TreeMap<>();
        for (DeclaredRoute declared : routes) {
            if (declared.operation() != null) {
                Route route = declared.route();
                paths.putIfAbsent(route.getPath(), route.routePath());
                methods.computeIfAbsent(route.getPath(), k -> new java.util.TreeSet<>()).add(route.getMethod());
            }
        }
        Map<RoutePath, List<String>> result = new LinkedHashMap<>();
        methods.forEach((path, declared) -> {
            if (declared.contains(HttpMethod.OPTIONS)) {
                return; // the user answers preflights on this path
            }
            List<String> announced = new ArrayList<>();
            if (corsOptions.getAllowMethods() != null) {
                corsOptions.getAllowMethods().forEach(m -> announced.add(m.name()));
            } else if (declared.contains(HttpMethod.ANY)) {
                for (HttpMethod m : HttpMethod.values()) {
                    if (m != HttpMethod.ANY && m != HttpMethod.OPTIONS) {
                        announced.add(m.name());
                    }
                }
            } else {
                declared.forEach(m -> announced.add(m.name()));
            }
            if (!announced.contains("OPTIONS")) {
                announced.add("OPTIONS");
            }
            result.put(paths.get(path), announced);
        });
        return result;
    }

    private ILogGroup accessLogGroup(StageOptions s) {
        boolean enabled = orDefault(s.getAccessLogging(), Defaults.ACCESS_LOGGING_ENABLED);
        String where = "GatewayApi '" + getNode().getPath() + "': ";
        if (!enabled) {
            if (s.getAccessLogGroup() != null || s.getAccessLogRetention() != null || s.getAccessLogFormat() != null) {
                throw new IllegalArgumentException(where + "stage.accessLogging is false but an access log group, "
                        + "retention or format is set. Remove them, or leave accessLogging on.");
            }
            return null;
        }
        if (s.getAccessLogGroup() != null) {
            if (s.getAccessLogRetention() != null) {
                throw new IllegalArgumentException(where + "stage.accessLogRetention applies only to the log group "
                        + "Gatehouse creates; set the retention on the log group you pass as accessLogGroup.");
            }
            return s.getAccessLogGroup();
        }
        RetentionDays retention = orDefault(s.getAccessLogRetention(), Defaults.ACCESS_LOG_RETENTION);
        return LogGroup.Builder.create(this, "AccessLogs").retention(retention).build();
    }

    private CfnAccount cloudWatchAccount() {
        Role role = Role.Builder.create(this, "CloudWatchRole")
                .description("Lets API Gateway write execution and access logs to CloudWatch Logs")
                .assumedBy(new ServicePrincipal(API_GATEWAY_PRINCIPAL))
                .managedPolicies(List.of(ManagedPolicy.fromAwsManagedPolicyName(
                        "service-role/AmazonAPIGatewayPushToCloudWatchLogs")))
                .build();
        role.applyRemovalPolicy(RemovalPolicy.RETAIN);
        CfnAccount account = CfnAccount.Builder.create(this, "Account")
                .cloudWatchRoleArn(role.getRoleArn())
                .build();
        account.applyRemovalPolicy(RemovalPolicy.RETAIN);
        return account;
    }

    /**
     * @param copy whether the document must not share nodes with the declared routes (when it is
     *     handed to a caller who may change it); synthesis only reads it
     */
    private ObjectNode renderDocument(boolean copy) {
        List<OpenApiDocument.PathOperation> operations = new ArrayList<>(routes.size());
        for (DeclaredRoute declared : routes) {
            if (declared.operation() != null) {
                HttpMethod method = declared.route().getMethod();
                operations.add(new OpenApiDocument.PathOperation(declared.route().getPath(), method.openApiKey(),
                        method.ordinal(), copy ? declared.operation().deepCopy() : declared.operation()));
            }
        }
        if (cors != null) {
            preflightPaths().forEach((path, methods) -> operations.add(new OpenApiDocument.PathOperation(path.path(),
                    HttpMethod.OPTIONS.openApiKey(), HttpMethod.OPTIONS.ordinal(),
                    CorsRendering.preflight(cors, path, methods))));
        }
        Map<String, ObjectNode> schemes = new TreeMap<>();
        securitySchemes.forEach((name, scheme) -> schemes.put(name, copy ? scheme.deepCopy() : scheme));
        ObjectNode extensions = JSON.createObjectNode();
        OpenApiDocument.requestValidation(extensions);
        if (cors != null) {
            extensions.set("x-amazon-apigateway-gateway-responses", CorsRendering.gatewayResponses(cors));
        }
        if (apiKeySource != null) {
            extensions.put("x-amazon-apigateway-api-key-source", apiKeySource.name());
        }
        return OpenApiDocument.render(new OpenApiDocument.Info(apiName, apiVersion, description), operations, schemes,
                extensions);
    }

    /** Renders everything synthesis needs, once. */
    private Rendered rendered() {
        if (rendered == null) {
            ObjectNode document = renderDocument(false);
            TemplateValues values = new TemplateValues(Stack.of(this));
            BodyText.Rendering text = BodyText.render(document, values);
            BodyFormat format = orDefault(bodyFormat, Defaults.BODY_FORMAT);
            Object templateBody = format == BodyFormat.JSON_TEXT ? text.join() : values.forTemplate(document);
            PolicyRendering policyRendering = routesValid() ? renderPolicy() : new PolicyRendering(null, List.of());
            Map<String, Object> policy = policyRendering.policy();
            String hash;
            try {
                // Everything that needs a redeployment when it changes: the document and the policy.
                List<Object> redeployInputs = new ArrayList<>();
                // The document's text names deploy-time values by logical id (${Fn.Arn}); values from
                // elsewhere are Fn::Sub variables, resolved here because their tokens differ per run.
                redeployInputs.add(HexFormat.of().formatHex(text.textDigest()));
                if (!text.tokenVariables().isEmpty()) {
                    redeployInputs.add(Stack.of(this).resolve(text.tokenVariables()));
                }
                if (policy != null) {
                    redeployInputs.add(Stack.of(this).resolve(policy));
                }
                redeployInputs.add(Map.of("disableExecuteApiEndpoint", executeApiEndpointDisabled));
                hash = Hashing.sha256Hex(JSON.writeValueAsBytes(redeployInputs));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("GatewayApi '" + getNode().getPath()
                        + "': the resolved OpenAPI document could not be serialized for hashing", e);
            }
            List<StageMethodSettings.RouteOverride> overrides = new ArrayList<>();
            for (DeclaredRoute declared : routes) {
                ThrottleSettings throttle = declared.route().getOptions().getThrottle();
                if (declared.operation() != null && throttle != null) {
                    overrides.add(new StageMethodSettings.RouteOverride(declared.route().routePath(),
                            declared.route().getMethod().name(), throttle.getRateLimit(), throttle.getBurstLimit()));
                }
            }
            rendered = new Rendered(document, format == BodyFormat.JSON_TEXT, templateBody, text.jsonSafe(), hash,
                    StageMethodSettings.render(stageSettings, overrides),
                    policy, policyRendering.conflicts());
        }
        return rendered;
    }

    /** A resource policy, and the routes it cannot keep apart (rule GH431). */
    private record PolicyRendering(Map<String, Object> policy, List<PolicyConflict> conflicts) {
    }

    /** A route open to any principal whose policy pattern also reaches an IAM route's requests. */
    private record PolicyConflict(String openRoute, String iamRoute) {
    }

    /** An explicit resource policy, or the one a PRIVATE API needs. */
    private boolean hasResourcePolicy() {
        return resourcePolicy != null || endpointType == EndpointType.PRIVATE;
    }

    /**
     * The resource policy, or null when the API has none. Principal '*' is allowed on the routes
     * that are not IAM routes; their patterns come from the same analysis the JWT authorizer uses,
     * and a pattern that would also reach an IAM route's requests is a conflict.
     */
    private PolicyRendering renderPolicy() {
        if (!hasResourcePolicy()) {
            return new PolicyRendering(null, List.of());
        }
        Map<String, Boolean> iamByRoute = new LinkedHashMap<>();
        for (DeclaredRoute declared : routes) {
            if (declared.operation() != null) {
                iamByRoute.putIfAbsent(declared.route().toString(), declared.iam());
            }
        }
        if (cors != null) {
            preflightPaths().keySet().forEach(path -> iamByRoute.putIfAbsent("OPTIONS " + path.path(), false));
        }
        List<String> otherRoutes = new ArrayList<>();
        List<PolicyConflict> conflicts = new ArrayList<>();
        RouteScopes analysis = routeAnalysis(iamByRoute);
        List<RouteKey> iamRoutes = new ArrayList<>();
        iamByRoute.forEach((route, iam) -> {
            if (iam) {
                iamRoutes.add(RouteKey.parse(route));
            }
        });
        for (Map.Entry<String, Boolean> route : iamByRoute.entrySet()) {
            if (route.getValue()) {
                continue;
            }
            RouteKey key = RouteKey.parse(route.getKey());
            analysis.patterns(key).forEach(pattern -> otherRoutes.add("execute-api:/" + stageName + "/" + pattern));
            for (RouteKey iamRoute : iamRoutes) {
                if (analysis.reaches(key, iamRoute)) {
                    conflicts.add(new PolicyConflict(route.getKey(), iamRoute.toString()));
                }
            }
        }
        boolean hasIam = iamByRoute.containsValue(true);
        ResourcePolicy policy = resourcePolicy != null ? resourcePolicy : ResourcePolicy.builder().build();
        List<Object> extra = policy.getStatements().stream().map(PolicyStatement::toStatementJson).toList();
        return new PolicyRendering(ResourcePolicyDocument.render(new ResourcePolicyDocument.Input(
                policy.getAllowSourceIps(), policy.getDenySourceIps(),
                policy.getVpcEndpoints().stream().map(IVpcEndpoint::getVpcEndpointId).toList(),
                endpointType == EndpointType.PRIVATE, hasIam, otherRoutes, extra)), conflicts);
    }

    /** The routes as the route-scope analysis sees them (IAM routes need a scope nobody else has). */
    private static RouteScopes routeAnalysis(Map<String, Boolean> iamByRoute) {
        RouteScopes.Builder builder = RouteScopes.builder();
        iamByRoute.forEach((route, iam) -> builder.route(route, iam ? List.of("iam") : List.of()));
        return builder.build();
    }

    private List<String> validate() {
        Findings all = new Findings();
        all.addAll(findings);
        List<RouteTableCheck.Entry> entries = new ArrayList<>(routes.size());
        for (DeclaredRoute declared : routes) {
            Route route = declared.route();
            if (route.getMethod() != null && route.routePath() != null) {
                entries.add(new RouteTableCheck.Entry(route.toString(), route.getMethod().name(), route.routePath(),
                        route.getOptions().getOperationId()));
            }
        }
        if (routes.isEmpty() || !entries.isEmpty()) {
            RouteTableCheck.check("GatewayApi '" + apiName + "'", entries, all);
        }
        if (routesValid()) {
            for (PolicyConflict conflict : rendered().policyConflicts()) {
                all.report(Rules.RESOURCE_POLICY_OVERLAP, "GatewayApi '" + apiName + "'",
                        "its resource policy lets any principal call route '" + conflict.openRoute() + "', and that "
                                + "route's pattern also matches requests of the IAM route '" + conflict.iamRoute()
                                + "' ('*' matches '/'), which "
                                + "would then need no IAM permission.",
                        "put the IAM routes under a path the other routes' variables cannot reach (e.g. /admin/...), "
                                + "or give both the same kind of authorization.");
            }
        }
        if (bodyFormat == BodyFormat.JSON_TEXT && routesValid() && !rendered().textSafe()) {
            all.report(Rules.BODY_FORMAT, "GatewayApi '" + apiName + "'",
                    "bodyFormat is JSON_TEXT, but the document holds a deploy-time value that is not an id, name "
                            + "or ARN (a template parameter, an SSM or dynamic reference, an import of another kind), "
                            + "which could contain a quote or line break that Fn::Sub would not escape.",
                    "leave bodyFormat unset (the object form, the default) or set it to BodyFormat.OBJECT.");
        }
        List<String> keyRoutes = routes.stream().map(DeclaredRoute::route)
                .filter(r -> Boolean.TRUE.equals(r.getOptions().getApiKeyRequired())).map(Route::toString).toList();
        if (!keyRoutes.isEmpty() && usagePlans.isEmpty()) {
            all.report(Rules.API_KEY_WITHOUT_PLAN, "GatewayApi '" + apiName + "'",
                    "routes " + keyRoutes + " require an API key, but no usage plan in this app includes the stage.",
                    "add one with api.addUsagePlan(...) and add keys to it, or ignore this if plans are managed "
                            + "elsewhere.");
        }
        if (!warningsAnnotated) {
            warningsAnnotated = true;
            for (Finding warning : all.withSeverity(Severity.WARNING)) {
                Annotations.of(this).addWarningV2("@gatehouse/" + warning.getRule().getId(), warning.getMessage());
            }
        }
        return all.withSeverity(Severity.ERROR).stream().map(Finding::getMessage).toList();
    }

    /** True when every route parsed and no two share a method and path (the analyses need that). */
    private boolean routesValid() {
        if (routesValidFor != routes.size()) {
            Set<String> seen = new HashSet<>();
            routesValid = true;
            for (DeclaredRoute declared : routes) {
                if (!declared.route().isValid()
                        || !seen.add(declared.route().getMethod() + " " + declared.route().routePath().shape())) {
                    routesValid = false;
                    break;
                }
            }
            routesValidFor = routes.size();
        }
        return routesValid;
    }

    /** {@link #routesValid()} for this many routes (-1: not computed); routes are only ever added. */
    private int routesValidFor = -1;
    private boolean routesValid;

    private static <T> T orDefault(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private record DeclaredRoute(Route route, ObjectNode operation, boolean iam) {
    }

    /** @param text whether the Body is JSON text (an override) rather than an object (the property) */
    private record Rendered(ObjectNode document, boolean text, Object templateBody, boolean textSafe, String hash,
            List<Map<String, Object>> methodSettings, Map<String, Object> policy, List<PolicyConflict> policyConflicts) {
    }

    private final class RouteContext implements IntegrationContext, AuthorizationContext {
        private final Route route;
        private final String subject;

        RouteContext(Route route, String subject) {
            this.route = route;
            this.subject = subject;
        }

        @Override
        public GatewayApi getApi() {
            return GatewayApi.this;
        }

        @Override
        public Route getRoute() {
            return route;
        }

        @Override
        public void report(Rule rule, String problem, String fix) {
            findings.report(rule, subject, problem, fix);
        }

        @Override
        public boolean hasSecurityScheme(Object owner) {
            return schemeOwners.containsKey(owner);
        }

        @Override
        public String securityScheme(Object owner, String preferredName, Supplier<ObjectNode> scheme) {
            String existing = schemeOwners.get(owner);
            if (existing != null) {
                return existing;
            }
            String name = preferredName;
            for (int i = 2; securitySchemes.containsKey(name); i++) {
                name = preferredName + i;
            }
            securitySchemes.put(name, scheme.get());
            schemeOwners.put(owner, name);
            return name;
        }
    }

    /** Fluent builder, mirroring the CDK's generated builders. */
    public static final class Builder {
        private final Construct scope;
        private final String id;
        private final GatewayApiProps.Builder props = GatewayApiProps.builder();

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** @see GatewayApiProps#getApiName() */
        public Builder apiName(String apiName) {
            props.apiName(apiName);
            return this;
        }

        /** @see GatewayApiProps#getDescription() */
        public Builder description(String description) {
            props.description(description);
            return this;
        }

        /** @see GatewayApiProps#getApiVersion() */
        public Builder apiVersion(String apiVersion) {
            props.apiVersion(apiVersion);
            return this;
        }

        /** @see GatewayApiProps#getEndpointType() */
        public Builder endpointType(EndpointType endpointType) {
            props.endpointType(endpointType);
            return this;
        }

        /** @see GatewayApiProps#getDefaultAuthorization() */
        public Builder defaultAuthorization(Authorization defaultAuthorization) {
            props.defaultAuthorization(defaultAuthorization);
            return this;
        }

        /** @see GatewayApiProps#getApiKeySource() */
        public Builder apiKeySource(ApiKeySourceType apiKeySource) {
            props.apiKeySource(apiKeySource);
            return this;
        }

        /** @see GatewayApiProps#getResourcePolicy() */
        public Builder resourcePolicy(ResourcePolicy resourcePolicy) {
            props.resourcePolicy(resourcePolicy);
            return this;
        }

        /** @see GatewayApiProps#getCors() */
        public Builder cors(CorsOptions cors) {
            props.cors(cors);
            return this;
        }

        /** @see GatewayApiProps#getDisableExecuteApiEndpoint() */
        public Builder disableExecuteApiEndpoint(Boolean disable) {
            props.disableExecuteApiEndpoint(disable);
            return this;
        }

        /** @see GatewayApiProps#getWebAcl() */
        public Builder webAcl(WebAcl webAcl) {
            props.webAcl(webAcl);
            return this;
        }

        /** @see GatewayApiProps#getStage() */
        public Builder stage(StageOptions stage) {
            props.stage(stage);
            return this;
        }

        /** @see GatewayApiProps#getCloudWatchRole() */
        public Builder cloudWatchRole(Boolean cloudWatchRole) {
            props.cloudWatchRole(cloudWatchRole);
            return this;
        }

        /** @see GatewayApiProps#getFailOnWarnings() */
        public Builder failOnWarnings(Boolean failOnWarnings) {
            props.failOnWarnings(failOnWarnings);
            return this;
        }

        /** @see GatewayApiProps#getBodyFormat() */
        public Builder bodyFormat(BodyFormat bodyFormat) {
            props.bodyFormat(bodyFormat);
            return this;
        }

        public GatewayApi build() {
            return new GatewayApi(scope, id, props.build());
        }
    }
}
