package dev.gatehouse.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.checks.CheckResult;
import dev.gatehouse.checks.cfn.CfnSpec;
import dev.gatehouse.checks.cfn.LambdaVpcAccessCheck;
import dev.gatehouse.checks.cfn.TemplateSchemaCheck;
import dev.gatehouse.checks.openapi.OpenApiCheck;
import dev.gatehouse.checks.posture.ApiPostureCheck;
import dev.gatehouse.checks.report.DeployReport;
import dev.gatehouse.deploy.SampleSynthesis;
import dev.gatehouse.sample.SampleApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints the one-page deploy report of the sample app: its resources, every deploy check (the
 * CloudFormation schema, OpenAPI and API Gateway's import rules for the Body and the exported
 * document, API posture, cdk-nag's AwsSolutions pack) and their findings, and the cdk-nag findings
 * the sample accepts with their reasons. Fails (after printing) when a check fails.
 *
 * <p>Run: {@code ./mvnw -B -q -pl test -am -DskipTests -Preport verify} (docs/how-we-know-it-deploys.md).
 * With an argument, also writes the report to that file.
 */
public final class SampleDeployReport {
    private SampleDeployReport() {
    }

    public static void main(String[] args) throws IOException {
        DeployReport report = of(SampleSynthesis.synthesize(true));
        String text = report.render();
        System.out.print(text);
        if (args.length > 0) {
            Path file = Path.of(args[0]);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        if (!report.passed()) {
            throw new IllegalStateException("the sample app fails its deploy checks; see the report above");
        }
    }

    /** The sample's report: every check, accepted cdk-nag findings grouped by rule and reason. */
    public static DeployReport of(SampleSynthesis sample) {
        CfnSpec spec = CfnSpec.shared();
        List<CheckResult> results = List.of(
                new TemplateSchemaCheck(spec).check(sample.template(), sample.templateBytes()),
                new LambdaVpcAccessCheck().check(sample.template()),
                new OpenApiCheck(spec).checkTemplate(sample.template()),
                new OpenApiCheck(spec).checkDocument(sample.document(), SampleApp.STACK_NAME + ".openapi.json"),
                new ApiPostureCheck().checkTemplate(sample.template()),
                sample.nagResult());

        // one entry per rule and reason, naming the resource it was accepted on, or how many (their
        // logical ids are in the template's cdk_nag metadata)
        Map<String, List<String>> accepted = new LinkedHashMap<>();
        for (SampleSynthesis.Suppression s : sample.suppressions()) {
            String rule = s.ruleId() + (s.appliesTo().isEmpty() ? "" : " " + s.appliesTo());
            accepted.computeIfAbsent(rule + "\u0000" + s.reason(), k -> new ArrayList<>()).add(s.logicalId());
        }
        List<String> acceptedLines = new ArrayList<>();
        accepted.forEach((key, ids) -> {
            String[] ruleAndReason = key.split("\u0000", 2);
            acceptedLines.add(ruleAndReason[0] + " on " + (ids.size() == 1 ? ids.get(0) : ids.size() + " resources")
                    + ": " + ruleAndReason[1]);
        });
        List<String> notChecked = new ArrayList<>();
        notChecked.add("CDK's own template validation: " + cdkValidation(sample.cdkValidation())
                + " (informational, not relied on).");
        notChecked.add("A real deployment: scripts/deploy-smoke.sh (opt-in, with AWS credentials) calls each route.");
        return new DeployReport(SampleApp.STACK_NAME, sample.template(), sample.templateBytes(), results,
                List.of(new DeployReport.Note("Accepted cdk-nag findings (suppressed in dev.gatehouse.sample.SampleNagSuppressions)",
                                acceptedLines),
                        new DeployReport.Note("Not covered by this report", notChecked)));
    }

    private static String cdkValidation(JsonNode report) {
        if (report == null) {
            return "not run";
        }
        int violations = 0;
        for (JsonNode plugin : report.path("pluginReports")) {
            violations += plugin.path("violations").size();
        }
        return report.path("pluginReports").size() + " plugin reports, " + violations + " violations";
    }
}
