package dev.gatehouse.api;

import dev.gatehouse.api.internal.Tokens;
import dev.gatehouse.rules.Rules;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awscdk.services.apigateway.CfnBasePathMapping;
import software.amazon.awscdk.services.apigateway.CfnDomainName;
import software.amazon.awscdk.services.apigatewayv2.CfnApiMapping;
import software.constructs.Construct;

/**
 * A REGIONAL custom domain (TLS 1.2+, optional mutual TLS) mapped to a {@link GatewayApi}'s stage.
 * Made with {@link GatewayApi#addDomain}. Point DNS at {@link #getRegionalDomainName()}.
 */
public class GatewayDomain extends Construct {
    /** Minimum TLS version for clients of the domain. */
    public static final String SECURITY_POLICY = "TLS_1_2";
    private static final Pattern BASE_PATH = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

    private final CfnDomainName domain;
    private final boolean mutualTls;

    GatewayDomain(GatewayApi api, String id, DomainOptions options) {
        super(api, id);
        String subject = "domain '" + options.getDomainName() + "'";
        this.mutualTls = options.getTruststoreUri() != null;
        if (api.getEndpointType() == ApiEndpointType.PRIVATE) {
            api.report(Rules.MTLS_SETTINGS, subject, "the API is PRIVATE, and a public custom domain cannot map to a "
                    + "private API (private APIs need a private custom domain: AWS::ApiGateway::DomainNameV2 with a "
                    + "domain name access association, which Gatehouse does not create yet).",
                    "give the domain to a REGIONAL API, or create the private custom domain name outside Gatehouse.");
        } else if (api.getEndpointType() != ApiEndpointType.REGIONAL && mutualTls) {
            api.report(Rules.MTLS_SETTINGS, subject, "mutual TLS needs a REGIONAL API, this one is "
                    + api.getEndpointType() + ".", "use ApiEndpointType.REGIONAL (the default).");
        }
        String uri = options.getTruststoreUri();
        if (mutualTls && !Tokens.containsToken(uri) && !uri.matches("s3://[a-z0-9.-]{3,63}/.+")) {
            api.report(Rules.MTLS_SETTINGS, subject, "the truststore URI '" + uri + "' is not an S3 object URI.",
                    "upload the PEM bundle of your client CAs to S3 and give s3://<bucket>/<key>.");
        }
        String basePath = options.getBasePath();
        if (basePath != null && !BASE_PATH.matcher(basePath).matches()) {
            api.report(Rules.MTLS_SETTINGS, subject, "the base path '" + basePath + "' is not a path.",
                    "give segments separated by '/', without leading or trailing '/', e.g. 'orders' or 'v1/orders'.");
        }
        boolean disable = options.getDisableExecuteApiEndpoint() != null
                ? options.getDisableExecuteApiEndpoint() : mutualTls;
        if (mutualTls && !disable) {
            api.report(Rules.MTLS_BYPASS, subject, "the API's execute-api endpoint stays on, so clients can call "
                    + "the API without a client certificate.", "leave disableExecuteApiEndpoint unset (true).");
        }
        if (disable) {
            api.disableExecuteApiEndpoint();
        }

        CfnDomainName.Builder builder = CfnDomainName.Builder.create(this, "Resource")
                .domainName(options.getDomainName())
                .regionalCertificateArn(options.getCertificate().getCertificateArn())
                .endpointConfiguration(CfnDomainName.EndpointConfigurationProperty.builder()
                        .types(List.of("REGIONAL")).build())
                .securityPolicy(SECURITY_POLICY);
        if (mutualTls) {
            builder.mutualTlsAuthentication(CfnDomainName.MutualTlsAuthenticationProperty.builder()
                    .truststoreUri(uri)
                    .truststoreVersion(options.getTruststoreVersion())
                    .build());
        }
        this.domain = builder.build();
        if (basePath != null && basePath.contains("/")) {
            // Multi-level base paths are "API mappings" (AWS::ApiGatewayV2::ApiMapping); the older
            // BasePathMapping accepts one segment only.
            // Its own id: CloudFormation refuses to change the type of a resource under a logical id,
            // so switching between one segment and several replaces the mapping instead.
            CfnApiMapping mapping = CfnApiMapping.Builder.create(this, "ApiMapping")
                    .domainName(domain.getRef())
                    .apiId(api.getRestApiId())
                    .stage(api.getStageName())
                    .apiMappingKey(basePath)
                    .build();
            mapping.getNode().addDependency(api.getCfnStage());
        } else {
            CfnBasePathMapping mapping = CfnBasePathMapping.Builder.create(this, "Mapping")
                    .domainName(domain.getRef())
                    .restApiId(api.getRestApiId())
                    .stage(api.getStageName())
                    .basePath(basePath)
                    .build();
            mapping.getNode().addDependency(api.getCfnStage());
        }
    }

    /** The domain name. */
    public String getDomainName() {
        return domain.getRef();
    }

    /** The Regional hostname to point a CNAME or alias record at. */
    public String getRegionalDomainName() {
        return domain.getAttrRegionalDomainName();
    }

    /** The Route 53 hosted zone of {@link #getRegionalDomainName()}, for alias records. */
    public String getRegionalHostedZoneId() {
        return domain.getAttrRegionalHostedZoneId();
    }

    public boolean isMutualTls() {
        return mutualTls;
    }

    public CfnDomainName getCfnDomainName() {
        return domain;
    }
}
