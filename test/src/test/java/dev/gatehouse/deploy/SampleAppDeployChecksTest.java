package dev.gatehouse.deploy;

import dev.gatehouse.testing.CdkJsonContext;
import static dev.gatehouse.deploy.CheckAssertions.assertClean;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.checks.CheckResult;
import dev.gatehouse.checks.cfn.LambdaVpcAccessCheck;
import dev.gatehouse.checks.cfn.TemplateSchemaCheck;
import dev.gatehouse.checks.openapi.OpenApiCheck;
import dev.gatehouse.checks.posture.ApiPostureCheck;
import dev.gatehouse.report.SampleDeployReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.sample.SampleApp;
import dev.gatehouse.sample.SampleStack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/**
 * The sample app, synthesized once with cdk-nag and its reasoned suppressions, passes every deploy
 * check: the CloudFormation schema, OpenAPI and API Gateway's import rules (the RestApi Body and
 * the exported document), Gatehouse's API posture, and cdk-nag's AwsSolutions pack.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleAppDeployChecksTest {
    /**
     * A printed page: 66 lines of 100 columns.
     */
    private static final int PAGE_LINES = 66;
    private SampleSynthesis sample;

    @BeforeAll
    void synthesize() {
        sample = SampleSynthesis.synthesize(true);
    }

    @Test
    void cloudFormationWouldAcceptEveryResource() {
        CheckResult result = TemplateSchemaCheck.withSharedSpec().check(sample.template(), sample.templateBytes());
        assertClean(result);
        assertTrue(result.checked().matches("\\d+ resources, \\d+ property values"), result.checked());
    }

    @Test
    void theDatabaseFunctionsMayCreateTheirNetworkInterfacesBeforeTheyAreCreated() {
        CheckResult result = new LambdaVpcAccessCheck().check(sample.template());
        assertClean(result);
        assertTrue(result.checked().startsWith("2 "), "the database proxy and its schema function are the sample's VPC "
                + "functions: " + result.checked());
    }

    @Test
    void theReportPassesOnOnePage() {
        String report = SampleDeployReport.of(sample).render();
        assertTrue(report.endsWith("Result: PASS (6 checks, 0 errors, 0 warnings)\n"), report);
        assertTrue(report.lines().count() <= PAGE_LINES, report.lines().count() + " lines:\n" + report);
    }

    @Test
    void apiGatewayWouldImportTheBodyAndTheExportedDocument() {
        assertClean(OpenApiCheck.withSharedSpec().checkTemplate(sample.template()));
        assertClean(OpenApiCheck.withSharedSpec().checkDocument(sample.document(), "GatehouseSample.openapi.json"));
    }

    @Test
    void everyRouteDeclaresItsAuthorizationAndBodiesAreValidatedWithLogsAndTracesOn() {
        CheckResult result = new ApiPostureCheck().checkTemplate(sample.template());
        assertClean(result);
        // public on purpose: the health check and API Gateway's CORS preflights, nothing else
        assertTrue(result.checked().contains("GET /health"), result.checked());
        String publicOnes = result.checked().replaceAll(".*public on purpose: ([^)]*)\\).*", "$1");
        for (String operation : publicOnes.split(", ")) {
            assertTrue(operation.equals("GET /health") || operation.startsWith("OPTIONS "), result.checked());
        }
    }

    @Test
    void cdkNagFindsNoErrors() {
        assertEquals(List.of(), sample.nagErrors(), "cdk-nag AwsSolutions errors");
        // cdk-nag did run: it judged the stage's access and execution logging compliant
        assertTrue(sample.nag().stream().anyMatch(l -> l.ruleId().equals("AwsSolutions-APIG1") && l.compliance().equals("Compliant")));
        assertTrue(sample.nag().stream().anyMatch(l -> l.ruleId().equals("AwsSolutions-APIG6") && l.compliance().equals("Compliant")));
        assertTrue(sample.nag().stream().anyMatch(l -> l.ruleId().equals("AwsSolutions-IAM4") && l.compliance().equals("Compliant")),
                "the bundled function's role uses no AWS managed policy");
    }

    @Test
    void theJsonTextOptInDeploysTheSameDocumentAndDeploymentAndPassesTheSameChecks() throws Exception {
        // Given the sample with the Body format the real deployment proves second (JSON text)
        App app = CdkJsonContext.app(Map.of(SampleStack.BODY_FORMAT_CONTEXT, "JSON_TEXT"));
        SampleApp.define(app);
        JsonNode text = new ObjectMapper().readTree(Path.of(app.synth().getStackByName(SampleApp.STACK_NAME)
                .getTemplateFullPath()).toFile());

        // Then its Body is JSON text in parts, while the default sample's is an object
        JsonNode textApi = onlyResource(text, "AWS::ApiGateway::RestApi");
        JsonNode objectApi = onlyResource(sample.template(), "AWS::ApiGateway::RestApi");
        assertTrue(textApi.at("/Properties/Body").has("Fn::Join"), textApi.toString());
        assertEquals("3.0.1", objectApi.at("/Properties/Body/openapi").asText());
        // and switching formats does not redeploy the stage: the same Deployment logical id
        assertEquals(logicalIds(sample.template(), "AWS::ApiGateway::Deployment"),
                logicalIds(text, "AWS::ApiGateway::Deployment"));
        // and the deploy checks read it as they read the object
        assertClean(OpenApiCheck.withSharedSpec().checkTemplate(text));
        assertClean(TemplateSchemaCheck.withSharedSpec().check(text, text.toString().length()));
    }

    private static JsonNode onlyResource(JsonNode template, String type) {
        List<JsonNode> found = new ArrayList<>();
        template.path("Resources").forEach(r -> {
            if (r.path("Type").asText().equals(type)) {
                found.add(r);
            }
        });
        assertEquals(1, found.size(), type);
        return found.get(0);
    }

    private static Set<String> logicalIds(JsonNode template, String type) {
        Set<String> ids = new TreeSet<>();
        template.path("Resources").properties().forEach(e -> {
            if (e.getValue().path("Type").asText().equals(type)) {
                ids.add(e.getKey());
            }
        });
        return ids;
    }

    @Test
    void everySuppressionCarriesAReasonAndSuppressesARealFinding() {
        assertTrue(!sample.suppressions().isEmpty());
        for (SampleSynthesis.Suppression s : sample.suppressions()) {
            assertTrue(s.ruleId().startsWith("AwsSolutions-"), s.toString());
            assertTrue(s.reason().length() >= 80, "a reason explains itself, in a sentence or more: " + s);
        }
        // no suppression is stale: each suppressed rule was triggered, and suppressed
        Set<String> suppressedRules = sample.suppressions().stream().map(SampleSynthesis.Suppression::ruleId)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> reportedSuppressed = sample.nag().stream().filter(l -> l.compliance().equals("Suppressed"))
                .map(SampleSynthesis.NagLine::ruleId).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(suppressedRules, reportedSuppressed);
        assertEquals(sample.suppressions().size(), sample.nag().stream().filter(l -> l.compliance().equals("Suppressed")).count());
    }
}
