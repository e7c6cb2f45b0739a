package dev.gatehouse.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.checks.cfn.CfnSpec;
import dev.gatehouse.checks.cfn.LambdaVpcAccessCheck;
import dev.gatehouse.checks.cfn.TemplateSchemaCheck;
import dev.gatehouse.checks.openapi.OpenApiCheck;
import dev.gatehouse.checks.posture.ApiPostureCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * Every check of a synthesized template in one call, for tests and the deploy report:
 *
 * <pre>{@code
 * JsonNode template = JSON.valueToTree(Template.fromStack(stack).toJSON());
 * assertEquals(List.of(), DeployChecks.findings(template));
 * }</pre>
 *
 * <p>The CloudFormation resource database is read once per JVM ({@link CfnSpec#shared()}).
 */
public final class DeployChecks {
    private DeployChecks() {
    }

    /**
     * Whether CloudFormation, Lambda and API Gateway would accept the template: the CloudFormation
     * schema check, the VPC functions' network interface permissions, and the OpenAPI check of
     * every RestApi Body.
     */
    public static List<CheckResult> deployability(JsonNode template) {
        CfnSpec spec = CfnSpec.shared();
        return List.of(new TemplateSchemaCheck(spec).check(template), new LambdaVpcAccessCheck().check(template),
                new OpenApiCheck(spec).checkTemplate(template));
    }

    /** {@link #deployability} plus Gatehouse's API posture rules ({@link ApiPostureCheck}). */
    public static List<CheckResult> all(JsonNode template) {
        List<CheckResult> results = new ArrayList<>(deployability(template));
        results.add(new ApiPostureCheck().checkTemplate(template));
        return results;
    }

    /** Every finding (errors and warnings) of {@link #all}; empty when the template is clean. */
    public static List<Finding> findings(JsonNode template) {
        return all(template).stream().flatMap(r -> r.findings().stream()).toList();
    }

    /** Every finding of {@link #deployability}. */
    public static List<Finding> deployabilityFindings(JsonNode template) {
        return deployability(template).stream().flatMap(r -> r.findings().stream()).toList();
    }
}
