package dev.gatehouse.api.internal;

import dev.gatehouse.Defaults;
import dev.gatehouse.api.ExecutionLogLevel;
import dev.gatehouse.api.StageSettings;
import dev.gatehouse.api.Throttle;
import dev.gatehouse.api.WebAcl;
import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rules;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awscdk.IStableAnyProducer;
import software.amazon.awscdk.Lazy;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigateway.CfnAccount;
import software.amazon.awscdk.services.apigateway.CfnClientCertificate;
import software.amazon.awscdk.services.apigateway.CfnStage;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.Construct;

/**
 * An API's stage and what belongs to it: access logs, the client certificate, the web ACL and the
 * account's CloudWatch role. Made in two steps so that findings keep the order of the settings:
 * the constructor checks the stage's settings (rules GH300, GH301, caching's GH600 to GH602), {@link #create}
 * makes the resources once the deployment exists (rules GH302, GH450).
 */
public final class StageResources {
    private static final Pattern STAGE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final Construct api;
    private final String apiName;
    private final StageSettings options;
    private final Findings findings;
    private final String stageName;
    private final StageCaching caching;
    private final StageMethodSettings.StageWide stageWide;
    private ILogGroup accessLogGroup;
    private CfnStage stage;

    /** Resolves and checks the stage's settings; creates nothing yet. */
    public StageResources(Construct api, String apiName, StageSettings options, Findings findings) {
        this.api = api;
        this.apiName = apiName;
        this.options = options;
        this.findings = findings;
        this.stageName = orDefault(options.getStageName(), Defaults.STAGE_NAME);
        if (!STAGE_NAME.matcher(stageName).matches()) {
            findings.report(Rules.STAGE_NAME, "stage '" + stageName + "'",
                    "the name has characters other than letters, digits, '-' and '_', or is longer than 128.",
                    "rename the stage, e.g. 'prod' or 'v1_beta'.");
        }
        Throttle throttle = options.getThrottle();
        ThrottleCheck.check(throttle, "stage '" + stageName + "'", findings);
        this.caching = new StageCaching(options, "stage '" + stageName + "'", findings);
        ExecutionLogLevel loggingLevel = orDefault(options.getLoggingLevel(), Defaults.EXECUTION_LOGGING_LEVEL);
        this.stageWide = new StageMethodSettings.StageWide(CloudFormationValues.loggingLevel(loggingLevel),
                orDefault(options.getDataTraceEnabled(), Defaults.DATA_TRACE_ENABLED),
                orDefault(options.getMetricsEnabled(), Defaults.DETAILED_METRICS_ENABLED),
                throttle == null ? null : throttle.getRateLimit(),
                throttle == null ? null : throttle.getBurstLimit(),
                caching.hasCluster() ? caching.stageWide() : null);
    }

    /**
     * Creates the stage of {@code deploymentId} with its access logs and client certificate, the
     * web ACL association and, if asked for, the account's CloudWatch role.
     *
     * @param rendered what synthesis renders: the stage's {@code MethodSettings} and the cache's
     *     invalidation settings
     */
    public CfnStage create(String restApiId, String deploymentId, WebAcl webAcl, boolean cloudWatchRole,
            Supplier<DocumentRenderer.Rendered> rendered) {
        this.accessLogGroup = createAccessLogGroup();
        CfnStage.Builder builder = CfnStage.Builder.create(api, "Stage")
                .restApiId(restApiId)
                .deploymentId(deploymentId)
                .stageName(stageName)
                .description(options.getDescription())
                .tracingEnabled(orDefault(options.getTracingEnabled(), Defaults.TRACING_ENABLED))
                .methodSettings(Lazy.any(new IStableAnyProducer() {
                    @Override
                    public Object produce() {
                        return rendered.get().methodSettings();
                    }
                }))
                .cacheClusterEnabled(caching.hasCluster() ? true : null)
                .cacheClusterSize(caching.clusterSize());
        if (accessLogGroup != null) {
            String formatText = orDefault(options.getAccessLogFormat(), Defaults.ACCESS_LOG_FORMAT);
            if (!formatText.contains("$context.requestId") && !formatText.contains("$context.extendedRequestId")) {
                findings.report(Rules.ACCESS_LOG_FORMAT, "stage '" + stageName + "'",
                        "the access log format has neither $context.requestId nor $context.extendedRequestId.",
                        "add \"requestId\":\"$context.requestId\" to the format, or leave accessLogFormat unset.");
            }
            builder.accessLogSetting(CfnStage.AccessLogSettingProperty.builder()
                    .destinationArn(accessLogGroup.getLogGroupArn())
                    .format(formatText)
                    .build());
        }
        if (orDefault(options.getClientCertificate(), Defaults.CLIENT_CERTIFICATE)) {
            CfnClientCertificate certificate = CfnClientCertificate.Builder.create(api, "ClientCertificate")
                    .description("Presented by " + apiName + " (stage " + stageName + ") to its HTTP backends")
                    .build();
            builder.clientCertificateId(certificate.getRef());
        }
        this.stage = builder.build();
        if (webAcl != null) {
            associateWebAcl(webAcl, restApiId);
        }
        if (cloudWatchRole) {
            stage.getNode().addDependency(cloudWatchAccount());
        }
        if (caching.hasCluster()) {
            StageCacheResource.create(api, apiName, caching, stage, restApiId, deploymentId, rendered);
        }
        return stage;
    }

    public String stageName() {
        return stageName;
    }

    /** The stage's caching, which routes resolve their own against. */
    public StageCaching caching() {
        return caching;
    }

    /** The stage-wide method settings, which per-route settings repeat. */
    public StageMethodSettings.StageWide stageWide() {
        return stageWide;
    }

    /** The access log group, or null when access logging is off. */
    public ILogGroup accessLogGroup() {
        return accessLogGroup;
    }

    /** Stage settings that contradict each other throw: they are a mistake in the code, not a finding. */
    private ILogGroup createAccessLogGroup() {
        boolean enabled = orDefault(options.getAccessLogging(), Defaults.ACCESS_LOGGING_ENABLED);
        String where = "GatewayApi '" + api.getNode().getPath() + "': ";
        if (!enabled) {
            if (options.getAccessLogGroup() != null || options.getAccessLogRetention() != null
                    || options.getAccessLogFormat() != null) {
                throw new IllegalArgumentException(where + "stage.accessLogging is false but an access log group, "
                        + "retention or format is set. Remove them, or leave accessLogging on.");
            }
            return null;
        }
        if (options.getAccessLogGroup() != null) {
            if (options.getAccessLogRetention() != null) {
                throw new IllegalArgumentException(where + "stage.accessLogRetention applies only to the log group "
                        + "Gatehouse creates; set the retention on the log group you pass as accessLogGroup.");
            }
            return options.getAccessLogGroup();
        }
        RetentionDays retention = orDefault(options.getAccessLogRetention(), Defaults.ACCESS_LOG_RETENTION);
        return LogGroup.Builder.create(api, "AccessLogs").retention(retention).build();
    }

    private void associateWebAcl(WebAcl webAcl, String restApiId) {
        String arn = webAcl.getArn();
        String subject = "GatewayApi '" + apiName + "' web ACL";
        if (arn == null) {
            if (webAcl.getRateLimit() != 0 && webAcl.getRateLimit() < 10) {
                findings.report(Rules.WEB_ACL, subject, "the rate limit " + webAcl.getRateLimit()
                        + " is below WAF's minimum of 10 requests per 5 minutes.", "use 10 or more, or 0 for none.");
            }
            arn = ManagedWebAcl.create(api, "WebAcl", apiName, Math.max(webAcl.getRateLimit(), 0)).getAttrArn();
        } else if (!Tokens.containsToken(arn) && !arn.matches("arn:aws[a-z-]*:wafv2:[a-z0-9-]+:\\d{12}:regional/webacl/.+")) {
            findings.report(Rules.WEB_ACL, subject, "'" + arn + "' is not the ARN of a REGIONAL WAFv2 web ACL.",
                    "create the ACL with scope REGIONAL in the API's Region and pass its ARN.");
        }
        Stack stack = Stack.of(api);
        String stageArn = "arn:" + stack.getPartition() + ":apigateway:" + stack.getRegion() + "::/restapis/"
                + restApiId + "/stages/" + stageName;
        CfnWebACLAssociation association = CfnWebACLAssociation.Builder.create(api, "WebAclAssociation")
                .resourceArn(stageArn)
                .webAclArn(arn)
                .build();
        association.getNode().addDependency(stage);
    }

    /** The account-wide CloudWatch role setting of API Gateway, retained when the stack goes. */
    private CfnAccount cloudWatchAccount() {
        Role role = Role.Builder.create(api, "CloudWatchRole")
                .description("Lets API Gateway write execution and access logs to CloudWatch Logs")
                .assumedBy(new ServicePrincipal("apigateway.amazonaws.com"))
                .managedPolicies(List.of(ManagedPolicy.fromAwsManagedPolicyName(
                        "service-role/AmazonAPIGatewayPushToCloudWatchLogs")))
                .build();
        role.applyRemovalPolicy(RemovalPolicy.RETAIN);
        CfnAccount account = CfnAccount.Builder.create(api, "Account")
                .cloudWatchRoleArn(role.getRoleArn())
                .build();
        account.applyRemovalPolicy(RemovalPolicy.RETAIN);
        return account;
    }

    private static <T> T orDefault(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
