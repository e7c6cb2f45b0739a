package dev.gatehouse.sample;

import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.database.DatabaseBackend;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.services.rds.DatabaseCluster;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.customresources.Provider;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.CfnLoadBalancer;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.IConstruct;

/**
 * The cdk-nag (AwsSolutions pack) findings the sample accepts, each with its reason, in one place.
 * The test module runs cdk-nag on the sample with these applied and fails on any other error.
 *
 * <p>Suppressions are attached to the constructs they concern, found by what they are rather
 * than by path, and only where the finding's cause is present (an X-Ray wildcard is suppressed
 * only on a role whose wildcard statements are X-Ray's alone).
 */
public final class SampleNagSuppressions {
    /** X-Ray's write actions: X-Ray has no resource-level permissions for them. */
    static final Set<String> XRAY_ACTIONS = Set.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");
    /** What Lambda needs to attach a function to a VPC (EC2 network interfaces). */
    static final Set<String> VPC_ACTIONS = Set.copyOf(DatabaseBackend.VPC_ACCESS_ACTIONS);
    /** X-Ray's write and sampling actions, as Step Functions' tracing uses them: none has resource-level permissions. */
    static final Set<String> XRAY_TRACING_ACTIONS = Set.of("xray:PutTraceSegments", "xray:PutTelemetryRecords",
            "xray:GetSamplingRules", "xray:GetSamplingTargets");
    /** What Step Functions needs to deliver a state machine's logs to CloudWatch Logs (vended logs). */
    static final Set<String> LOG_DELIVERY_ACTIONS = Set.of("logs:CreateLogDelivery", "logs:GetLogDelivery",
            "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy",
            "logs:DescribeResourcePolicies", "logs:DescribeLogGroups");

    static final String APIG2 = "Request validation is in the OpenAPI Body (validator body-and-parameters, the "
            + "default of every operation), where cdk-nag cannot see it; the api-posture check verifies it.";
    static final String APIG3 = "A WAFv2 web ACL costs a monthly fee; the sample lives only during the opt-in smoke "
            + "test. Production APIs add one with GatewayApi.Builder.webAcl(WebAcl.managedDefaults()).";
    static final String L1 = "Gatehouse's bundled handlers are built and tested for java21, a Lambda LTS runtime with "
            + "SnapStart; a newer Java runtime is a library-wide decision.";
    static final String IAM5 = "xray:PutTraceSegments and xray:PutTelemetryRecords (active tracing) have no "
            + "resource-level permissions (https://docs.aws.amazon.com/xray/latest/devguide/security_iam_service-with-iam.html); "
            + "VPC functions also need AWSLambdaVPCAccessExecutionRole's network interface actions, and state machines "
            + "CloudWatch Logs' log delivery actions, on '*' too.";

    static final String RDS10 = "The opt-in smoke test creates and destroys the sample, which deletion protection "
            + "would stop; deleting still leaves a final snapshot. Production clusters set deletionProtection(true).";

    static final String ELB2 = "The internal ALB only sends fixed responses to the VPC link; the API's access log "
            + "records each request. An ALB with real targets logs to S3 (alb.logAccessLogs(bucket)).";

    static final String PROVIDER_IAM4 = "The CDK Provider framework's function uses AWSLambdaBasicExecutionRole (logs "
            + "only); the CDK offers no alternative for it.";
    static final String PROVIDER_IAM5 = "The CDK Provider framework may invoke the schema function and its versions "
            + "(ARN and ARN:*), as the CDK grants it.";

    private SampleNagSuppressions() {
    }

    /** Adds the sample's suppressions to {@code stack}; call it after the stack is defined. */
    public static void apply(Stack stack) {
        for (IConstruct construct : stack.getNode().findAll()) {
            if (construct instanceof GatewayApi api) {
                suppress(api.getCfnRestApi(), "AwsSolutions-APIG2", APIG2);
                if (!hasWebAcl(api)) {
                    suppress(api.getCfnStage(), "AwsSolutions-APIG3", APIG3);
                }
            } else if (construct instanceof Provider provider) {
                // on the framework function's role (a managed policy) and its default policy (the invoke grant)
                for (IConstruct part : provider.getNode().findAll()) {
                    if (part instanceof Role role) {
                        suppress(role, "AwsSolutions-IAM4", PROVIDER_IAM4);
                        Policy policy = defaultPolicy(role);
                        if (policy != null) {
                            suppress(policy, "AwsSolutions-IAM5", PROVIDER_IAM5);
                        }
                    }
                }
            } else if (construct instanceof ApplicationLoadBalancer alb
                    && alb.getNode().getDefaultChild() instanceof CfnLoadBalancer lb && "internal".equals(lb.getScheme())) {
                suppress(alb, "AwsSolutions-ELB2", ELB2);
            } else if (construct instanceof StateMachine stateMachine) {
                Policy policy = defaultPolicy(stateMachine.getRole());
                if (policy != null && wildcardOnly(policy, XRAY_TRACING_ACTIONS, LOG_DELIVERY_ACTIONS)) {
                    NagSuppressions.addResourceSuppressions(policy, List.of(NagPackSuppression.builder()
                            .id("AwsSolutions-IAM5").reason(IAM5)
                            .appliesTo(List.of("Resource::*")).build()));
                }
            } else if (construct instanceof DatabaseCluster cluster) {
                suppress(cluster, "AwsSolutions-RDS10", RDS10);
            } else if (construct instanceof Function function) {
                if ("java21".equals(function.getRuntime().getName())) {
                    suppress(function, "AwsSolutions-L1", L1);
                }
                IRole role = function.getRole();
                Policy policy = role == null ? null : defaultPolicy(role);
                if (policy != null && Stack.of(policy) == stack && wildcardIsXrayOrVpcOnly(policy)) {
                    NagSuppressions.addResourceSuppressions(policy, List.of(NagPackSuppression.builder()
                            .id("AwsSolutions-IAM5").reason(IAM5)
                            .appliesTo(List.of("Resource::*")).build()));
                }
            }
        }
    }

    private static void suppress(IConstruct construct, String rule, String reason) {
        NagSuppressions.addResourceSuppressions(construct,
                List.of(NagPackSuppression.builder().id(rule).reason(reason).build()));
    }

    private static boolean hasWebAcl(GatewayApi api) {
        return api.getNode().findAll().stream().anyMatch(c -> c instanceof CfnWebACLAssociation);
    }

    private static Policy defaultPolicy(IRole role) {
        return role.getNode().tryFindChild("DefaultPolicy") instanceof Policy policy ? policy : null;
    }

    /** True when the policy grants something on '*', and only X-Ray's and VPC attachment actions. */
    static boolean wildcardIsXrayOrVpcOnly(Policy policy) {
        return wildcardOnly(policy, XRAY_ACTIONS, VPC_ACTIONS);
    }

    /** True when the policy grants something on '*', and only actions of {@code groups} on it. */
    @SafeVarargs
    private static boolean wildcardOnly(Policy policy, Set<String>... groups) {
        Object document = Stack.of(policy).resolve(policy.getDocument());
        if (!(document instanceof Map<?, ?> map) || !(map.get("Statement") instanceof List<?> statements)) {
            return false;
        }
        boolean wildcard = false;
        for (Object statement : statements) {
            if (statement instanceof Map<?, ?> s && isWildcard(s.get("Resource"))) {
                wildcard = true;
                // each action of one of the groups, alone or merged into one statement (as
                // @aws-cdk/aws-iam:minimizePolicies does)
                for (Object action : asList(s.get("Action"))) {
                    if (java.util.Arrays.stream(groups).noneMatch(group -> group.contains(action))) {
                        return false;
                    }
                }
            }
        }
        return wildcard;
    }

    private static boolean isWildcard(Object resource) {
        return "*".equals(resource) || resource instanceof List<?> list && list.contains("*");
    }

    private static List<?> asList(Object value) {
        return value instanceof List<?> list ? list : List.of(String.valueOf(value));
    }
}
