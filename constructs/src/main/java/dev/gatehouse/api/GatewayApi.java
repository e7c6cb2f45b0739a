package dev.gatehouse.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.Defaults;
import dev.gatehouse.api.internal.ApiValidation;
import dev.gatehouse.api.internal.BinaryMediaTypes;
import dev.gatehouse.api.internal.CloudFormationValues;
import dev.gatehouse.api.internal.CorsSettings;
import dev.gatehouse.api.internal.DocumentRenderer;
import dev.gatehouse.api.internal.ExecuteApiGrants;
import dev.gatehouse.api.internal.InvokePermissions;
import dev.gatehouse.api.internal.OpenApiDocument;
import dev.gatehouse.api.internal.ResourcePolicyRenderer;
import dev.gatehouse.api.internal.RouteTable;
import dev.gatehouse.api.internal.StageResources;
import dev.gatehouse.integrations.RouteIntegration;
import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rule;
import dev.gatehouse.rules.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigateway.CfnDeployment;
import software.amazon.awscdk.services.apigateway.CfnRestApi;
import software.amazon.awscdk.services.apigateway.CfnStage;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.constructs.Construct;

/**
 * An API Gateway REST API defined as one OpenAPI 3.0 document.
 *
 * <p>Routes are declared one line each ({@code api.route("GET /orders/{id}", Integrations.lambda(fn),
 * RouteOptions.of(Authorization.iam()))}) and rendered into the {@code Body} of a single
 * {@code AWS::ApiGateway::RestApi}, with a Deployment whose logical id carries a hash of the
 * document (so any change redeploys) and a Stage with logs and tracing on. The number of
 * CloudFormation resources does not grow with the number of routes: one Lambda permission per
 * function, whatever the number of routes it serves.
 *
 * <p>Problems are collected and reported together when the app is synthesized, each naming the
 * route and the fix (see {@link Rules}). The work is done by collaborators in
 * {@code dev.gatehouse.api.internal}: the route table, the document renderer, the invoke
 * permissions, the stage's resources, the resource policy and the whole-API validation.
 */
public class GatewayApi extends Construct {
    /** Security scheme of routes that require an API key. */
    public static final String API_KEY_SCHEME = "api_key";

    private final String apiName;
    private final ApiEndpointType endpointType;
    private final CfnRestApi restApi;
    private final CfnDeployment deployment;
    private final CfnStage stage;
    private final StageResources stageResources;
    private final Findings findings = new Findings();
    private final InvokePermissions permissions;
    private final RouteTable routes;
    private final DocumentRenderer document;
    private final List<GatewayUsagePlan> usagePlans = new ArrayList<>();
    private final ExecuteApiGrants grants = new ExecuteApiGrants(this);
    private boolean executeApiEndpointDisabled;

    public GatewayApi(Construct scope, String id) {
        this(scope, id, null);
    }

    public GatewayApi(Construct scope, String id, GatewayApiProps props) {
        super(scope, id);
        GatewayApiProps p = props != null ? props : GatewayApiProps.builder().build();
        this.apiName = orDefault(p.getApiName(), id);
        this.endpointType = orDefault(p.getEndpointType(), Defaults.ENDPOINT_TYPE);
        ResourcePolicyRenderer policy = new ResourcePolicyRenderer(p.getResourcePolicy(),
                endpointType == ApiEndpointType.PRIVATE, apiName, findings);
        CorsSettings cors = CorsSettings.of(p.getCors(), apiName, findings);
        this.stageResources = new StageResources(this, apiName,
                p.getStage() != null ? p.getStage() : StageSettings.builder().build(), findings);
        this.permissions = new InvokePermissions(this, apiName, findings, () -> arnForExecuteApi("*", "/*", "*"),
                () -> executeApiArn("authorizers/*"));
        this.routes = new RouteTable(this, p.getDefaultAuthorization(), findings, permissions::target,
                stageResources.caching());
        String keySource = p.getApiKeySource() == null ? null : CloudFormationValues.apiKeySource(p.getApiKeySource());
        OpenApiDocument.Info info = new OpenApiDocument.Info(apiName, orDefault(p.getApiVersion(), Defaults.API_VERSION),
                p.getDescription());
        this.document = new DocumentRenderer(this, routes, cors, policy, info, keySource,
                BinaryMediaTypes.check(p.getBinaryMediaTypes(), "GatewayApi '" + apiName + "'", findings),
                p.getBodyFormat(), p.getDocumentLocation(), stageResources, () -> executeApiEndpointDisabled);

        this.restApi = CfnRestApi.Builder.create(this, "Resource")
                .name(apiName)
                .description(p.getDescription())
                .endpointConfiguration(CfnRestApi.EndpointConfigurationProperty.builder()
                        .types(List.of(CloudFormationValues.endpointType(endpointType)))
                        .vpcEndpointIds(endpointType == ApiEndpointType.PRIVATE ? policy.vpcEndpointIds() : null)
                        .build())
                .failOnWarnings(orDefault(p.getFailOnWarnings(), Defaults.FAIL_ON_WARNINGS))
                .build();
        document.writeInto(restApi);
        if (orDefault(p.getDisableExecuteApiEndpoint(), Defaults.DISABLE_EXECUTE_API_ENDPOINT)) {
            disableExecuteApiEndpoint();
        }
        this.deployment = CfnDeployment.Builder.create(this, "Deployment")
                .restApiId(restApi.getRef())
                .description("Deployment of " + apiName + " by Gatehouse")
                .build();
        document.redeployOnChange(deployment);

        this.stage = stageResources.create(restApi.getRef(), deployment.getRef(), p.getWebAcl(),
                orDefault(p.getCloudWatchRole(), Defaults.CLOUDWATCH_ROLE), document::rendered);

        CfnOutput.Builder.create(this, "Url")
                .description("Base URL of " + apiName + " (stage " + getStageName() + ")")
                .value(getUrl())
                .build();

        getNode().addValidation(new ApiValidation(this, apiName, findings, routes, document, policy,
                p.getBodyFormat(), () -> !usagePlans.isEmpty())::validate);
    }

    // ---- Routes ----------------------------------------------------------------------------------

    /**
     * Declares a route, e.g. {@code route("GET /orders/{id}", Integrations.lambda(fn), options)}.
     * Problems with the route are reported at synth, together with all others.
     *
     * @param spec method and path separated by a space; the method is one of {@link HttpMethod}
     */
    public Route route(String spec, RouteIntegration integration, RouteOptions options) {
        Objects.requireNonNull(integration, "integration");
        if (document.isRendered()) {
            throw new IllegalStateException("GatewayApi '" + getNode().getPath() + "': route '" + spec
                    + "' was added after the API was synthesized; declare every route before synthesis.");
        }
        RouteOptions routeOptions = options != null ? options : RouteOptions.builder().build();
        return routes.declare(spec, routeOptions, integration,
                (declared, method, path) -> new Route(declared, method, path, routeOptions));
    }

    /**
     * Declares a route without options; it needs the API's default authorization (or to be an
     * OPTIONS route) to pass synthesis (GH110).
     */
    public Route route(String spec, RouteIntegration integration) {
        return route(spec, integration, null);
    }

    public Route get(String path, RouteIntegration integration, RouteOptions options) {
        return route("GET " + path, integration, options);
    }

    public Route post(String path, RouteIntegration integration, RouteOptions options) {
        return route("POST " + path, integration, options);
    }

    public Route put(String path, RouteIntegration integration, RouteOptions options) {
        return route("PUT " + path, integration, options);
    }

    public Route patch(String path, RouteIntegration integration, RouteOptions options) {
        return route("PATCH " + path, integration, options);
    }

    public Route delete(String path, RouteIntegration integration, RouteOptions options) {
        return route("DELETE " + path, integration, options);
    }

    public Route any(String path, RouteIntegration integration, RouteOptions options) {
        return route("ANY " + path, integration, options);
    }

    /** The declared routes, in declaration order. */
    public List<Route> getRoutes() {
        return routes.declared().stream().map(RouteTable.DeclaredRoute::route).toList();
    }

    /** The route declared as {@code spec} ("GET /orders/{id}"), if any. */
    Optional<Route> findRoute(String spec) {
        return RouteSpec.parse(spec).flatMap(named -> getRoutes().stream()
                .filter(r -> r.getMethod() == named.method() && named.path().equals(r.getPath()))
                .findFirst());
    }

    // ---- Domains ---------------------------------------------------------------------------------

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

    ApiEndpointType getEndpointType() {
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
     * Creates an API key; add it to a usage plan to let it call this API. Leave the value out to
     * have API Gateway generate it.
     */
    public GatewayApiKey addApiKey(String id, ApiKeySettings settings) {
        return new GatewayApiKey(this, id, settings != null ? settings : ApiKeySettings.builder().build());
    }

    // ---- The document ----------------------------------------------------------------------------

    /**
     * The OpenAPI document as declared so far. Values that are only known at deploy time (a
     * function's ARN) appear as CDK token strings; see {@link #getResolvedOpenApiDocument()}.
     */
    public ObjectNode getOpenApiDocument() {
        return document.document();
    }

    /**
     * The OpenAPI document as it appears in the template: deploy-time values are CloudFormation
     * intrinsics ({@code Fn::Sub} for values of this stack, {@code Fn::ImportValue} and others
     * for values from elsewhere).
     */
    public JsonNode getResolvedOpenApiDocument() {
        return document.resolvedDocument();
    }

    // ---- Invoke permissions ----------------------------------------------------------------------

    /**
     * Lets this API's routes invoke {@code function}: one {@code AWS::Lambda::Permission} per
     * function and API, for all its routes, limited to this API's execute-api ARN. Calling it again
     * for the same function does nothing.
     */
    public void allowInvoke(IFunction function) {
        permissions.allowInvoke(function);
    }

    /**
     * Lets this API's Lambda authorizers invoke {@code function} (source ARN
     * {@code {api}/authorizers/*}); once per function and API.
     */
    public void allowAuthorizerInvoke(IFunction function) {
        permissions.allowAuthorizerInvoke(function);
    }

    /**
     * Grants {@code execute-api:Invoke} on routes of this API's stage to an IAM principal, for
     * routes with {@link Authorization#iam()}. Routes are given as declared, e.g.
     * {@code grantInvoke(role, "GET /orders/{id}")}; path variables match any value.
     */
    public Grant grantInvoke(IGrantable grantee, String... routeSpecs) {
        return grants.grant(grantee, "execute-api:Invoke", routeSpecs);
    }

    /**
     * Grants {@code execute-api:InvalidateCache} on routes of this API's stage: the grantee may
     * refresh a cached response by sending {@code Cache-Control: max-age=0} in a request signed
     * with SigV4 (docs/caching.md). Routes are given as for {@link #grantInvoke}.
     */
    public Grant grantInvalidateCache(IGrantable grantee, String... routeSpecs) {
        return grants.grant(grantee, "execute-api:InvalidateCache", routeSpecs);
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
        return stageResources.stageName();
    }

    /** Base URL of the stage, ending in '/'. */
    public String getUrl() {
        Stack stack = Stack.of(this);
        return "https://" + restApi.getRef() + ".execute-api." + stack.getRegion() + "." + stack.getUrlSuffix()
                + "/" + getStageName() + "/";
    }

    /** URL of a path in the stage, e.g. {@code urlForPath("/orders")}. */
    public String urlForPath(String path) {
        return getUrl() + checkedPath(path).substring(1);
    }

    /**
     * ARN for {@code execute-api:Invoke} and resource policies, e.g.
     * {@code arnForExecuteApi("GET", "/orders/*", "prod")}; '*' matches anything.
     */
    public String arnForExecuteApi(String method, String path, String stage) {
        return executeApiArn(stage + "/" + method + checkedPath(path));
    }

    private String checkedPath(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("GatewayApi '" + getNode().getPath() + "': path '" + path
                    + "' must start with '/'.");
        }
        return path;
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
     * an object (the default format) it is the {@code body} property; as JSON text
     * ({@code BodyFormat.JSON_TEXT}) the {@code Body} is a property override, so overriding
     * {@code Body.x} or calling {@code setBody} changes nothing; in S3 (a large document, see
     * {@code documentLocation}) it is the {@code bodyS3Location} property and there is no Body.
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
        return stageResources.accessLogGroup();
    }

    private static <T> T orDefault(T value, T fallback) {
        return value != null ? value : fallback;
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
        public Builder endpointType(ApiEndpointType endpointType) {
            props.endpointType(endpointType);
            return this;
        }

        /** @see GatewayApiProps#getDefaultAuthorization() */
        public Builder defaultAuthorization(Authorization defaultAuthorization) {
            props.defaultAuthorization(defaultAuthorization);
            return this;
        }

        /** @see GatewayApiProps#getApiKeySource() */
        public Builder apiKeySource(ApiKeySource apiKeySource) {
            props.apiKeySource(apiKeySource);
            return this;
        }

        /** @see GatewayApiProps#getResourcePolicy() */
        public Builder resourcePolicy(ResourcePolicy resourcePolicy) {
            props.resourcePolicy(resourcePolicy);
            return this;
        }

        /** @see GatewayApiProps#getCors() */
        public Builder cors(CorsPolicy cors) {
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
        public Builder stage(StageSettings stage) {
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

        /** @see GatewayApiProps#getBinaryMediaTypes() */
        public Builder binaryMediaTypes(List<String> binaryMediaTypes) {
            props.binaryMediaTypes(binaryMediaTypes);
            return this;
        }

        /** @see GatewayApiProps#getDocumentLocation() */
        public Builder documentLocation(DocumentLocation documentLocation) {
            props.documentLocation(documentLocation);
            return this;
        }

        public GatewayApi build() {
            return new GatewayApi(scope, id, props.build());
        }
    }
}
