package dev.gatehouse.deploy;

import dev.gatehouse.testing.CdkJsonContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.checks.CheckResult;
import dev.gatehouse.checks.Finding;
import dev.gatehouse.checks.Severity;
import dev.gatehouse.sample.SampleApp;
import dev.gatehouse.sample.SampleNagSuppressions;
import dev.gatehouse.sample.SampleStack;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import io.github.cdklabs.cdknag.NagReportFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * The sample app synthesized once with cdk-nag's AwsSolutions pack (and, normally, the sample's
 * suppressions), with everything the deploy checks and the report read from the cloud assembly.
 *
 * @param template the template as written to the cloud assembly
 * @param templateBytes the size of that file
 * @param document the exported OpenAPI document (what {@code cdk synth} writes beside the template)
 * @param nag cdk-nag's report: one line per rule and resource, deduplicated
 * @param nagErrors cdk-nag's non-compliant findings of level Error ("resource: rule: what it checks")
 * @param nagWarnings the same, of level Warning
 * @param suppressions every cdk-nag suppression in the template's metadata
 * @param cdkValidation the CDK's own synth-time validation report, or null when it wrote none
 */
public record SampleSynthesis(JsonNode template, long templateBytes, JsonNode document, List<NagLine> nag,
        List<String> nagErrors, List<String> nagWarnings, List<Suppression> suppressions, JsonNode cdkValidation) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The cdk-nag version on the classpath (from its jar manifest). */
    public static final String NAG_VERSION = String.valueOf(AwsSolutionsChecks.class.getPackage().getImplementationVersion());

    /** One line of cdk-nag's report. */
    public record NagLine(String ruleId, String resourceId, String compliance, String reason, String level, String info) {
    }

    /** A cdk-nag suppression found in the template. */
    public record Suppression(String logicalId, String ruleId, String reason, List<String> appliesTo) {
    }

    /** Synthesizes the sample app with cdk-nag, with or without {@link SampleNagSuppressions}. */
    public static SampleSynthesis synthesize(boolean withSuppressions) {
        // cdk.json's @aws-cdk/core:annotationsInValidationReport makes cdk-nag's errors fail the
        // synthesis; without the suppressions the findings are what is wanted, so it is off then
        App app = withSuppressions ? CdkJsonContext.app()
                : CdkJsonContext.app(Map.of("@aws-cdk/core:annotationsInValidationReport", false));
        SampleStack stack = SampleApp.define(app);
        if (withSuppressions) {
            SampleNagSuppressions.apply(stack);
        }
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder()
                .verbose(true)
                .reports(true)
                .reportFormats(List.of(NagReportFormat.JSON))
                .build()));
        CloudAssembly assembly = app.synth();
        try {
            Path templateFile = Path.of(assembly.getStackByName(SampleApp.STACK_NAME).getTemplateFullPath());
            JsonNode template = JSON.readTree(templateFile.toFile());
            Path nagReport = Path.of(assembly.getDirectory(), "AwsSolutions-" + SampleApp.STACK_NAME + "-NagReport.json");
            Path validation = Path.of(assembly.getDirectory(), "validation-report.json");
            List<NagLine> nag = nagLines(JSON.readTree(nagReport.toFile()));
            return new SampleSynthesis(template, Files.size(templateFile), stack.getApi().getResolvedOpenApiDocument(),
                    nag, nonCompliant(nag, "Error"), nonCompliant(nag, "Warning"), suppressions(template),
                    Files.exists(validation) ? JSON.readTree(validation.toFile()) : null);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the sample's cloud assembly " + assembly.getDirectory(), e);
        }
    }

    /** cdk-nag's verdict as a check result: its errors and warnings are findings. */
    public CheckResult nagResult() {
        List<Finding> findings = new ArrayList<>();
        nagErrors.forEach(m -> findings.add(finding(Severity.ERROR, m)));
        nagWarnings.forEach(m -> findings.add(finding(Severity.WARNING, m)));
        long compliant = nag.stream().filter(l -> l.compliance().equals("Compliant")).count();
        long suppressed = nag.stream().filter(l -> l.compliance().equals("Suppressed")).count();
        long nonCompliant = nag.stream().filter(l -> l.compliance().equals("Non-Compliant")).count();
        Set<String> rules = new LinkedHashSet<>();
        Set<String> resources = new LinkedHashSet<>();
        nag.forEach(l -> {
            rules.add(l.ruleId());
            resources.add(l.resourceId());
        });
        return new CheckResult("cdk-nag", "cdk-nag " + NAG_VERSION + " AwsSolutions pack", rules.size() + " rules applied to "
                + resources.size() + " resources: " + compliant + " results compliant, " + suppressed
                + " suppressed with a reason, " + nonCompliant + " non-compliant", findings);
    }

    private static Finding finding(Severity severity, String message) {
        int colon = message.indexOf(": ");
        String subject = colon > 0 ? message.substring(0, colon) : "";
        String text = colon > 0 ? message.substring(colon + 2) : message;
        int sentence = text.indexOf(". ");
        return new Finding("cdk-nag", severity, subject, "", sentence > 0 ? text.substring(0, sentence + 1) : text);
    }

    /** "resource: rule: what it checks" for each non-compliant line of {@code level}. */
    static List<String> nonCompliant(List<NagLine> nag, String level) {
        return nag.stream().filter(l -> l.compliance().equals("Non-Compliant") && l.level().equals(level))
                .map(l -> l.resourceId() + ": " + l.ruleId() + ": " + l.info()).toList();
    }

    static List<NagLine> nagLines(JsonNode report) {
        Set<NagLine> lines = new LinkedHashSet<>();
        report.path("lines").forEach(l -> lines.add(new NagLine(l.path("ruleId").asText(), l.path("resourceId").asText(),
                l.path("compliance").asText(), l.path("exceptionReason").asText(), l.path("ruleLevel").asText(),
                l.path("ruleInfo").asText())));
        return List.copyOf(lines);
    }

    private static List<Suppression> suppressions(JsonNode template) {
        List<Suppression> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> resource : template.path("Resources").properties()) {
            for (JsonNode rule : resource.getValue().at("/Metadata/cdk_nag/rules_to_suppress")) {
                List<String> appliesTo = new ArrayList<>();
                rule.path("applies_to").forEach(a -> appliesTo.add(a.asText()));
                found.add(new Suppression(resource.getKey(), rule.path("id").asText(), rule.path("reason").asText(), appliesTo));
            }
        }
        return found;
    }
}
