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
 * A RestApi whose OpenAPI document is in S3 ({@code BodyS3Location}, or an {@code AWS::Include}
 * in its {@code Body}) is checked from the cloud assembly the template came from:
 *
 * <pre>{@code
 * CloudAssembly assembly = CloudAssembly.read(Path.of(app.synth().getDirectory()));
 * assertEquals(List.of(), DeployChecks.findings(assembly.stack("Orders").orElseThrow().template(), assembly));
 * }</pre>
 *
 * Without it, such a document is a warning: not checked.
 *
 * <p>The CloudFormation resource database is read once per JVM ({@link CfnSpec#shared()}).
 */
public final class DeployChecks {
    private DeployChecks() {
    }

    /**
     * Whether CloudFormation, Lambda and API Gateway would accept the template: the CloudFormation
     * schema check, the VPC functions' network interface permissions, and the OpenAPI check of
     * every RestApi document in the template.
     */
    public static List<CheckResult> deployability(JsonNode template) {
        return deployability(template, S3Documents.NONE);
    }

    /** {@link #deployability(JsonNode)}, reading RestApi documents in S3 through {@code s3}. */
    public static List<CheckResult> deployability(JsonNode template, S3Documents s3) {
        CfnSpec spec = CfnSpec.shared();
        return List.of(new TemplateSchemaCheck(spec).check(template), new LambdaVpcAccessCheck().check(template),
                new OpenApiCheck(spec).checkTemplate(template, s3));
    }

    /** {@link #deployability} plus Gatehouse's API posture rules ({@link ApiPostureCheck}). */
    public static List<CheckResult> all(JsonNode template) {
        return all(template, S3Documents.NONE);
    }

    /** {@link #all(JsonNode)}, reading RestApi documents in S3 through {@code s3}. */
    public static List<CheckResult> all(JsonNode template, S3Documents s3) {
        List<CheckResult> results = new ArrayList<>(deployability(template, s3));
        results.add(new ApiPostureCheck().checkTemplate(template, s3));
        return results;
    }

    /** Every finding (errors and warnings) of {@link #all}; empty when the template is clean. */
    public static List<Finding> findings(JsonNode template) {
        return findings(template, S3Documents.NONE);
    }

    /** {@link #findings(JsonNode)}, reading RestApi documents in S3 through {@code s3}. */
    public static List<Finding> findings(JsonNode template, S3Documents s3) {
        return flatten(all(template, s3));
    }

    /** Every finding of {@link #deployability}. */
    public static List<Finding> deployabilityFindings(JsonNode template) {
        return deployabilityFindings(template, S3Documents.NONE);
    }

    /** {@link #deployabilityFindings(JsonNode)}, reading RestApi documents in S3 through {@code s3}. */
    public static List<Finding> deployabilityFindings(JsonNode template, S3Documents s3) {
        return flatten(deployability(template, s3));
    }

    private static List<Finding> flatten(List<CheckResult> results) {
        return results.stream().flatMap(r -> r.findings().stream()).toList();
    }
}
