package dev.gatehouse.api;

import java.util.List;

/** Properties of a {@link GatewayApi}. Every property is optional. */
public interface GatewayApiProps {

    /**
     * Name of the REST API (also the OpenAPI {@code info.title}).
     *
     * @default the construct id
     */
    default String getApiName() {
        return null;
    }

    /**
     * Description of the REST API (also the OpenAPI {@code info.description}).
     *
     * @default none
     */
    default String getDescription() {
        return null;
    }

    /**
     * OpenAPI {@code info.version}.
     *
     * @default {@value dev.gatehouse.Defaults#API_VERSION}
     */
    default String getApiVersion() {
        return null;
    }

    /**
     * Endpoint type: REGIONAL, EDGE or PRIVATE (PRIVATE needs
     * {@link ResourcePolicy.Builder#vpcEndpoints(java.util.List)}, rule GH303).
     *
     * @default {@link dev.gatehouse.Defaults#ENDPOINT_TYPE} (REGIONAL)
     */
    default ApiEndpointType getEndpointType() {
        return null;
    }

    /**
     * Authorization of every route that does not set its own. Routes can still be made public one
     * by one with {@link Authorization#none()}.
     *
     * @default none: each route must set its authorization (rule GH110)
     */
    default Authorization getDefaultAuthorization() {
        return null;
    }

    /**
     * Where API Gateway reads the API key of routes that require one: the {@code x-api-key}
     * header, or the {@code usageIdentifierKey} a Lambda authorizer returns.
     *
     * @default {@link dev.gatehouse.Defaults#API_KEY_SOURCE} (HEADER), API Gateway's own default, so
     *     the document names the source only when it is set
     */
    default ApiKeySource getApiKeySource() {
        return null;
    }

    /**
     * Who may reach the API before authorization: IP allow/deny lists, VPC endpoints (required for
     * PRIVATE APIs), further statements.
     *
     * @default no resource policy (a PRIVATE API gets one from its VPC endpoints)
     */
    default ResourcePolicy getResourcePolicy() {
        return null;
    }

    /**
     * CORS for browser clients: preflight answers on every path and CORS headers on API Gateway's
     * error responses.
     *
     * @default no CORS
     */
    default CorsPolicy getCors() {
        return null;
    }

    /**
     * Turn off the default {@code https://{api}.execute-api...} endpoint; clients then come only
     * through custom domains. A mutual TLS domain turns it off unless told otherwise.
     *
     * @default {@value dev.gatehouse.Defaults#DISABLE_EXECUTE_API_ENDPOINT} (true when a mutual TLS
     *     domain is added)
     */
    default Boolean getDisableExecuteApiEndpoint() {
        return null;
    }

    /**
     * An AWS WAF web ACL for the stage: {@code WebAcl.managedDefaults()} or
     * {@code WebAcl.fromArn(...)}.
     *
     * @default none
     */
    default WebAcl getWebAcl() {
        return null;
    }

    /**
     * The stage the API is deployed to.
     *
     * @default stage {@value dev.gatehouse.Defaults#STAGE_NAME} with the defaults of
     *     {@link StageSettings}
     */
    default StageSettings getStage() {
        return null;
    }

    /**
     * Create the IAM role that lets API Gateway write CloudWatch logs and set it as this Region's
     * account-wide API Gateway setting ({@code AWS::ApiGateway::Account}, retained on stack
     * deletion). Logging needs that setting once per account and Region; leave this off when
     * another stack or your platform team already manages it, because there is only one per
     * Region and this would replace it.
     *
     * @default {@value dev.gatehouse.Defaults#CLOUDWATCH_ROLE}
     */
    default Boolean getCloudWatchRole() {
        return null;
    }

    /**
     * Fail the deployment when API Gateway warns while importing the document, instead of dropping
     * what it could not import.
     *
     * @default {@value dev.gatehouse.Defaults#FAIL_ON_WARNINGS}
     */
    default Boolean getFailOnWarnings() {
        return null;
    }

    /**
     * How the document is written into the RestApi's {@code Body}: a JSON object, or (opt-in, not
     * yet proven by a deployment) JSON text in parts of about 16 path items. Both deploy the same
     * API; see {@link BodyFormat}. Asking for JSON text for a document that holds a value Fn::Sub
     * could not fill in safely is an error (GH304).
     *
     * @default {@link dev.gatehouse.Defaults#BODY_FORMAT}
     */
    default BodyFormat getBodyFormat() {
        return null;
    }

    /**
     * Media types API Gateway treats as binary ({@code x-amazon-apigateway-binary-media-types}),
     * e.g. {@code image/png}, {@code image/*} or <code>*&#47;*</code>: request bodies of these
     * {@code Content-Type}s reach a proxy integration Base64-encoded, and responses for these
     * {@code Accept} types may be binary (rule GH233).
     *
     * @default none: every payload is text
     */
    default List<String> getBinaryMediaTypes() {
        return null;
    }

    /**
     * Where the RestApi finds the document: in the template while the stack's inline documents fit
     * a budget that leaves room for the rest of the stack within CloudFormation's template size,
     * otherwise in S3 (a custom resource writes it there at deploy time); or always one of them. See
     * {@link DocumentLocation}. {@code bodyFormat(JSON_TEXT)} with {@code S3} is a contradiction
     * (throws).
     *
     * @default {@link dev.gatehouse.Defaults#DOCUMENT_LOCATION}
     */
    default DocumentLocation getDocumentLocation() {
        return null;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link GatewayApiProps}. */
    final class Builder {
        String apiName;
        String description;
        String apiVersion;
        ApiEndpointType endpointType;
        Authorization defaultAuthorization;
        ApiKeySource apiKeySource;
        ResourcePolicy resourcePolicy;
        CorsPolicy cors;
        Boolean disableExecuteApiEndpoint;
        WebAcl webAcl;
        StageSettings stage;
        Boolean cloudWatchRole;
        Boolean failOnWarnings;
        BodyFormat bodyFormat;
        List<String> binaryMediaTypes;
        DocumentLocation documentLocation;

        private Builder() {
        }

        public Builder apiName(String apiName) {
            this.apiName = apiName;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder apiVersion(String apiVersion) {
            this.apiVersion = apiVersion;
            return this;
        }

        public Builder endpointType(ApiEndpointType endpointType) {
            this.endpointType = endpointType;
            return this;
        }

        public Builder defaultAuthorization(Authorization defaultAuthorization) {
            this.defaultAuthorization = defaultAuthorization;
            return this;
        }

        public Builder apiKeySource(ApiKeySource apiKeySource) {
            this.apiKeySource = apiKeySource;
            return this;
        }

        public Builder resourcePolicy(ResourcePolicy resourcePolicy) {
            this.resourcePolicy = resourcePolicy;
            return this;
        }

        public Builder cors(CorsPolicy cors) {
            this.cors = cors;
            return this;
        }

        public Builder disableExecuteApiEndpoint(Boolean disable) {
            this.disableExecuteApiEndpoint = disable;
            return this;
        }

        public Builder webAcl(WebAcl webAcl) {
            this.webAcl = webAcl;
            return this;
        }

        public Builder stage(StageSettings stage) {
            this.stage = stage;
            return this;
        }

        public Builder cloudWatchRole(Boolean cloudWatchRole) {
            this.cloudWatchRole = cloudWatchRole;
            return this;
        }

        public Builder failOnWarnings(Boolean failOnWarnings) {
            this.failOnWarnings = failOnWarnings;
            return this;
        }

        public Builder bodyFormat(BodyFormat bodyFormat) {
            this.bodyFormat = bodyFormat;
            return this;
        }

        public Builder binaryMediaTypes(List<String> binaryMediaTypes) {
            this.binaryMediaTypes = binaryMediaTypes;
            return this;
        }

        public Builder documentLocation(DocumentLocation documentLocation) {
            this.documentLocation = documentLocation;
            return this;
        }

        public GatewayApiProps build() {
            return new GatewayApiPropsValue(this);
        }
    }
}

final class GatewayApiPropsValue implements GatewayApiProps {
    private final String apiName;
    private final String description;
    private final String apiVersion;
    private final ApiEndpointType endpointType;
    private final Authorization defaultAuthorization;
    private final ApiKeySource apiKeySource;
    private final ResourcePolicy resourcePolicy;
    private final CorsPolicy cors;
    private final Boolean disableExecuteApiEndpoint;
    private final WebAcl webAcl;
    private final StageSettings stage;
    private final Boolean cloudWatchRole;
    private final Boolean failOnWarnings;
    private final BodyFormat bodyFormat;
    private final List<String> binaryMediaTypes;
    private final DocumentLocation documentLocation;

    GatewayApiPropsValue(GatewayApiProps.Builder b) {
        this.apiName = b.apiName;
        this.description = b.description;
        this.apiVersion = b.apiVersion;
        this.endpointType = b.endpointType;
        this.defaultAuthorization = b.defaultAuthorization;
        this.apiKeySource = b.apiKeySource;
        this.resourcePolicy = b.resourcePolicy;
        this.cors = b.cors;
        this.disableExecuteApiEndpoint = b.disableExecuteApiEndpoint;
        this.webAcl = b.webAcl;
        this.stage = b.stage;
        this.cloudWatchRole = b.cloudWatchRole;
        this.failOnWarnings = b.failOnWarnings;
        this.bodyFormat = b.bodyFormat;
        this.binaryMediaTypes = b.binaryMediaTypes == null ? null : List.copyOf(b.binaryMediaTypes);
        this.documentLocation = b.documentLocation;
    }

    @Override public String getApiName() { return apiName; }
    @Override public String getDescription() { return description; }
    @Override public String getApiVersion() { return apiVersion; }
    @Override public ApiEndpointType getEndpointType() { return endpointType; }
    @Override public Authorization getDefaultAuthorization() { return defaultAuthorization; }
    @Override public ApiKeySource getApiKeySource() { return apiKeySource; }
    @Override public ResourcePolicy getResourcePolicy() { return resourcePolicy; }
    @Override public CorsPolicy getCors() { return cors; }
    @Override public Boolean getDisableExecuteApiEndpoint() { return disableExecuteApiEndpoint; }
    @Override public WebAcl getWebAcl() { return webAcl; }
    @Override public StageSettings getStage() { return stage; }
    @Override public Boolean getCloudWatchRole() { return cloudWatchRole; }
    @Override public Boolean getFailOnWarnings() { return failOnWarnings; }
    @Override public BodyFormat getBodyFormat() { return bodyFormat; }
    @Override public List<String> getBinaryMediaTypes() { return binaryMediaTypes; }
    @Override public DocumentLocation getDocumentLocation() { return documentLocation; }
}
