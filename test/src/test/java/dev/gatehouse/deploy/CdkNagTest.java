package dev.gatehouse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.api.Authorization;
import dev.gatehouse.api.DocumentLocation;
import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.RouteOptions;
import dev.gatehouse.functions.EchoFunction;
import dev.gatehouse.integrations.Integrations;
import dev.gatehouse.sample.SampleNagSuppressions;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import io.github.cdklabs.cdknag.NagReportFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.services.iam.PolicyStatement;

/** cdk-nag can fail, and the sample's suppressions cover only the findings they are reasoned for. */
class CdkNagTest {

    private static Set<String> rules(List<String> messages) {
        Set<String> rules = new TreeSet<>();
        messages.forEach(m -> rules.add(m.replaceFirst("(?s)^[^:]*: (AwsSolutions-[A-Za-z0-9]+).*$", "$1")));
        return rules;
    }

    @Test
    void withoutItsSuppressionsTheSampleHasTheFindingsTheyExplain() {
        // Given the sample app without SampleNagSuppressions, when cdk-nag checks it
        SampleSynthesis sample = SampleSynthesis.synthesize(false);
        // Then it reports each finding the suppressions give a reason for
        assertEquals(Set.of("AwsSolutions-APIG2", "AwsSolutions-ELB2", "AwsSolutions-IAM4", "AwsSolutions-IAM5",
                        "AwsSolutions-L1", "AwsSolutions-RDS10"),
                rules(sample.nagErrors()),
                sample.nagErrors().toString());
        assertEquals(Set.of("AwsSolutions-APIG3"), rules(sample.nagWarnings()), sample.nagWarnings().toString());
        assertEquals(List.of(), sample.suppressions());
    }

    @Test
    void aWildcardBesideXraysIsNotSuppressed() throws Exception {
        // Given a bundled function whose role also gets s3:GetObject on every bucket
        App app = new App();
        Stack stack = new Stack(app, "S");
        EchoFunction echo = new EchoFunction(stack, "Echo");
        echo.addToRolePolicy(PolicyStatement.Builder.create().actions(List.of("s3:GetObject")).resources(List.of("*")).build());
        SampleNagSuppressions.apply(stack);
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder()
                .reports(true).reportFormats(List.of(NagReportFormat.JSON)).build()));

        // When cdk-nag checks it
        CloudAssembly assembly = app.synth();
        List<SampleSynthesis.NagLine> report = SampleSynthesis.nagLines(new ObjectMapper().readTree(
                Path.of(assembly.getDirectory(), "AwsSolutions-S-NagReport.json").toFile()));

        // Then the wildcard is reported despite the suppressions
        List<String> errors = SampleSynthesis.nonCompliant(report, "Error");
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("S/EchoRole/DefaultPolicy/Resource: AwsSolutions-IAM5"), errors.get(0));
    }

    @Test
    void anApiWithItsDocumentInS3AddsOnlyTheFindingsItsDocsExplain() throws Exception {
        // Given an API whose document Gatehouse publishes to S3 (what a large API gets by itself)
        App app = new App();
        Stack stack = new Stack(app, "S");
        EchoFunction echo = new EchoFunction(stack, "Echo");
        GatewayApi api = GatewayApi.Builder.create(stack, "Api").documentLocation(DocumentLocation.S3).build();
        api.route("GET /orders", Integrations.lambda(echo), RouteOptions.of(Authorization.iam()));
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder()
                .reports(true).reportFormats(List.of(NagReportFormat.JSON)).build()));

        // When cdk-nag checks it
        CloudAssembly assembly = app.synth();
        List<SampleSynthesis.NagLine> report = SampleSynthesis.nagLines(new ObjectMapper().readTree(
                Path.of(assembly.getDirectory(), "AwsSolutions-S-NagReport.json").toFile()));

        // Then the document's bucket and publisher add only the three findings docs/service-limits.md explains
        List<String> errors = SampleSynthesis.nonCompliant(report, "Error");
        List<String> ofTheDocument = errors.stream().filter(e -> e.startsWith("S/Api/Document")).toList();
        assertEquals(List.of("S/Api/Document/Bucket/Resource: AwsSolutions-S1",
                        "S/Api/Document/Publisher/Resource: AwsSolutions-L1",
                        "S/Api/Document/PublisherRole/DefaultPolicy/Resource: AwsSolutions-IAM5"),
                ofTheDocument.stream().map(e -> e.replaceFirst("^(.*?: AwsSolutions-[A-Za-z0-9]+).*$", "$1")).sorted().toList(),
                errors.toString());
    }
}
