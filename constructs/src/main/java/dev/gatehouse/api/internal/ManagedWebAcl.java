package dev.gatehouse.api.internal;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.constructs.Construct;

/** The web ACL {@code WebAcl.managedDefaults()} creates. */
public final class ManagedWebAcl {
    /** AWS managed rule groups, in evaluation order. */
    public static final List<String> RULE_GROUPS = List.of(
            "AWSManagedRulesAmazonIpReputationList",
            "AWSManagedRulesCommonRuleSet",
            "AWSManagedRulesKnownBadInputsRuleSet");

    private ManagedWebAcl() {
    }

    public static CfnWebACL create(Construct scope, String id, String metricPrefix, int rateLimit) {
        String prefix = metricPrefix.replaceAll("[^A-Za-z0-9_-]", "");
        List<Object> rules = new ArrayList<>();
        int priority = 0;
        if (rateLimit > 0) {
            rules.add(CfnWebACL.RuleProperty.builder()
                    .name("RateLimitPerIp")
                    .priority(priority++)
                    .action(CfnWebACL.RuleActionProperty.builder()
                            .block(CfnWebACL.BlockActionProperty.builder().build()).build())
                    .statement(CfnWebACL.StatementProperty.builder()
                            .rateBasedStatement(CfnWebACL.RateBasedStatementProperty.builder()
                                    .limit(rateLimit).aggregateKeyType("IP").build())
                            .build())
                    .visibilityConfig(visibility(prefix + "-RateLimitPerIp"))
                    .build());
        }
        for (String group : RULE_GROUPS) {
            rules.add(CfnWebACL.RuleProperty.builder()
                    .name(group)
                    .priority(priority++)
                    .overrideAction(CfnWebACL.OverrideActionProperty.builder()
                            .none(java.util.Map.of()).build())
                    .statement(CfnWebACL.StatementProperty.builder()
                            .managedRuleGroupStatement(CfnWebACL.ManagedRuleGroupStatementProperty.builder()
                                    .vendorName("AWS").name(group).build())
                            .build())
                    .visibilityConfig(visibility(prefix + "-" + group))
                    .build());
        }
        return CfnWebACL.Builder.create(scope, id)
                .scope("REGIONAL")
                .defaultAction(CfnWebACL.DefaultActionProperty.builder()
                        .allow(CfnWebACL.AllowActionProperty.builder().build()).build())
                .visibilityConfig(visibility(prefix))
                .rules(rules)
                .build();
    }

    private static CfnWebACL.VisibilityConfigProperty visibility(String metricName) {
        return CfnWebACL.VisibilityConfigProperty.builder()
                .cloudWatchMetricsEnabled(true)
                .sampledRequestsEnabled(true)
                .metricName(metricName.length() > 128 ? metricName.substring(0, 128) : metricName)
                .build();
    }
}
