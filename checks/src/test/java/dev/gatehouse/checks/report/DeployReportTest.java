package dev.gatehouse.checks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.checks.CheckResult;
import dev.gatehouse.checks.Finding;
import dev.gatehouse.checks.GatehouseTemplate;
import dev.gatehouse.checks.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeployReportTest {
    private static final CheckResult CLEAN = new CheckResult("cfn-schema", "CloudFormation schema", "24 resources", List.of());

    @Test
    void aCleanReportCountsResourcesByTypeAndPasses() {
        DeployReport report = new DeployReport("S", GatehouseTemplate.template(), 42_539, List.of(CLEAN),
                List.of(new DeployReport.Note("Accepted", List.of("AwsSolutions-L1 on Fn: java21 is the runtime."))));
        String text = report.render();
        assertTrue(report.passed());
        assertTrue(text.startsWith("Deploy report: S\n================\n"), text);
        assertTrue(text.contains("Template: 24 resources (CloudFormation allows 500), 42,539 bytes (allows 1,048,576)"), text);
        assertTrue(text.contains("Resources by type\n") && text.contains("  AWS::Lambda (") && text.contains(" 3 Function"), text);
        assertTrue(text.contains("  PASS  cfn-schema  CloudFormation schema: 24 resources\n"), text);
        assertTrue(text.contains("Findings\n  none\n"), text);
        assertTrue(text.contains("Accepted\n  AwsSolutions-L1 on Fn: java21 is the runtime.\n"), text);
        assertTrue(text.endsWith("Result: PASS (1 checks, 0 errors, 0 warnings)\n"), text);
    }

    @Test
    void typesAreGroupedByServiceAndCustomResourceTypesTogether() {
        assertEquals("AWS::EC2", DeployReport.service("AWS::EC2::Subnet"));
        assertEquals("AWS::Serverless", DeployReport.service("AWS::Serverless::Application"));
        assertEquals("Custom", DeployReport.service("Custom::GatehouseSchema"));
        assertEquals("Custom", DeployReport.service("Custom::GatehouseStageCache"));
        assertEquals("Weird", DeployReport.service("Weird"));
    }

    @Test
    void aFailingCheckListsItsFindingsUpToAPageAndFails() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            findings.add(new Finding("openapi", Severity.ERROR, "Api Body", "paths./r" + i, "broken " + i + "."));
        }
        findings.add(new Finding("openapi", Severity.WARNING, "Api Body", "", "ignored."));
        DeployReport report = new DeployReport("S", GatehouseTemplate.template(), 1, List.of(CLEAN,
                new CheckResult("openapi", "OpenAPI", "1 document", findings)), List.of());
        String text = report.render();
        assertFalse(report.passed());
        assertTrue(text.contains("  FAIL  openapi     OpenAPI: 1 document\n"), text);
        assertTrue(text.contains("  ERROR [openapi] Api Body paths./r0: broken 0.\n"), text);
        assertFalse(text.contains("broken 15."), "at most 15 findings per check");
        assertTrue(text.contains("  ... and 6 more from openapi\n"), text);
        assertTrue(text.endsWith("Result: FAIL (2 checks, 20 errors, 1 warnings)\n"), text);
    }

    @Test
    void customResourceTypesAreListedTogetherAndOtherTypesOutsideTheAwsNamespaceWhole() {
        com.fasterxml.jackson.databind.node.ObjectNode template = (com.fasterxml.jackson.databind.node.ObjectNode)
                GatehouseTemplate.template().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) template.get("Resources")).putObject("Retention")
                .put("Type", "Custom::LogRetention");
        ((com.fasterxml.jackson.databind.node.ObjectNode) template.get("Resources")).putObject("Odd").put("Type", "Odd");
        String text = new DeployReport("S", template, 1, List.of(CLEAN), List.of()).render();
        assertTrue(text.contains("  Custom (1): 1 LogRetention\n"), text);
        assertTrue(text.contains("  Odd (1): 1 Odd\n"), text);
    }
}
