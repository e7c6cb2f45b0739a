package dev.gatehouse.checks.cfn;

import static dev.gatehouse.checks.GatehouseTemplate.API;
import static dev.gatehouse.checks.GatehouseTemplate.FUNCTION;
import static dev.gatehouse.checks.GatehouseTemplate.JSON;
import static dev.gatehouse.checks.GatehouseTemplate.LOG_GROUP;
import static dev.gatehouse.checks.GatehouseTemplate.STAGE;
import static dev.gatehouse.checks.GatehouseTemplate.at;
import static dev.gatehouse.checks.GatehouseTemplate.properties;
import static dev.gatehouse.checks.GatehouseTemplate.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.checks.CheckResult;
import dev.gatehouse.checks.Finding;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each kind of problem the CloudFormation schema check reports, on a broken copy of a real template. */
class TemplateSchemaCheckTest {
    private final TemplateSchemaCheck check = TemplateSchemaCheck.withSharedSpec();

    /** The single finding on a copy of the template broken by {@code breakIt}. */
    private Finding onlyFinding(Consumer<ObjectNode> breakIt) {
        List<Finding> findings = findings(breakIt);
        assertEquals(1, findings.size(), findings.toString());
        return findings.get(0);
    }

    private List<Finding> findings(Consumer<ObjectNode> breakIt) {
        ObjectNode template = template();
        breakIt.accept(template);
        return check.check(template).findings();
    }

    private static void assertFinding(Finding finding, String subject, String path, String message) {
        assertEquals(subject, finding.subject(), finding.toString());
        assertEquals(path, finding.path(), finding.toString());
        assertTrue(finding.message().contains(message), "expected '" + message + "' in " + finding);
    }

    @Test
    void aTemplateGatehouseSynthesizedHasNoFindings() {
        // Given a real Gatehouse template, when it is checked
        CheckResult result = check.check(template());
        // Then nothing is found, though everything was looked at
        assertEquals(List.of(), result.findings());
        assertTrue(result.passed());
        assertTrue(result.checked().startsWith("24 resources"), result.checked());
    }

    @Test
    void anUnknownResourceTypeIsReportedWithTheClosestKnownOne() {
        Finding f = onlyFinding(t -> at(t, "/Resources/" + FUNCTION).put("Type", "AWS::Lambda::Functoin"));
        assertFinding(f, FUNCTION + " (AWS::Lambda::Functoin)", "Type",
                "'AWS::Lambda::Functoin' is not a CloudFormation resource type. Did you mean 'AWS::Lambda::Function'?");
    }

    @Test
    void anUnknownPropertyIsReportedWithItsPath() {
        Finding f = onlyFinding(t -> properties(t, STAGE).set("TracingEnabeld", properties(t, STAGE).remove("TracingEnabled")));
        assertFinding(f, STAGE + " (AWS::ApiGateway::Stage)", "Properties.TracingEnabeld",
                "'TracingEnabeld' is not a property of AWS::ApiGateway::Stage. Did you mean 'TracingEnabled'?");
    }

    @Test
    void anUnknownPropertyInsideAStructureIsReportedWithItsPath() {
        Finding f = onlyFinding(t -> {
            ObjectNode setting = at(properties(t, STAGE), "/MethodSettings/0");
            setting.set("LogingLevel", setting.remove("LoggingLevel"));
        });
        assertFinding(f, STAGE + " (AWS::ApiGateway::Stage)", "Properties.MethodSettings[0].LogingLevel",
                "'LogingLevel' is not a property of MethodSetting. Did you mean 'LoggingLevel'?");
    }

    @Test
    void aMissingRequiredPropertyIsReported() {
        Finding f = onlyFinding(t -> properties(t, FUNCTION).remove("Role"));
        assertFinding(f, FUNCTION + " (AWS::Lambda::Function)", "Properties",
                "the required property 'Role' of AWS::Lambda::Function is missing");
    }

    @Test
    void aValueOfTheWrongTypeIsReported() {
        Finding f = onlyFinding(t -> properties(t, FUNCTION).put("MemorySize", "lots"));
        assertFinding(f, FUNCTION + " (AWS::Lambda::Function)", "Properties.MemorySize",
                "expected an integer, got the string 'lots'");
        Finding list = onlyFinding(t -> properties(t, FUNCTION).put("Architectures", "arm64"));
        assertFinding(list, FUNCTION + " (AWS::Lambda::Function)", "Properties.Architectures",
                "expected a list of string, got the string 'arm64'");
    }

    @Test
    void scalarsInAnotherRepresentationAreAcceptedAsCloudFormationDoes() {
        assertEquals(List.of(), findings(t -> properties(t, FUNCTION).put("MemorySize", "512").put("Timeout", "10")));
        assertEquals(List.of(), findings(t -> properties(t, API).put("FailOnWarnings", "true")));
    }

    @Test
    void aValueOutsideTheAllowedValuesIsReported() {
        Finding retention = onlyFinding(t -> properties(t, LOG_GROUP).put("RetentionInDays", 42));
        assertFinding(retention, LOG_GROUP + " (AWS::Logs::LogGroup)", "Properties.RetentionInDays", "42 is not one of [1, 3, 5");
        Finding scope = onlyFinding(t -> properties(t, "ApiWebAcl796CF128").put("Scope", "GLOBAL"));
        assertFinding(scope, "ApiWebAcl796CF128 (AWS::WAFv2::WebACL)", "Properties.Scope",
                "'GLOBAL' is not one of [CLOUDFRONT, REGIONAL]");
    }

    @Test
    void intrinsicValuesAreNotTypeCheckedButBothBranchesOfAnIfAre() {
        // A deploy-time value cannot be checked...
        assertEquals(List.of(), findings(t -> {
            t.putObject("Parameters").putObject("Memory").put("Type", "Number");
            properties(t, FUNCTION).putObject("MemorySize").put("Ref", "Memory");
        }));
        // ...but each literal branch of an Fn::If can
        Finding f = onlyFinding(t -> {
            t.putObject("Conditions").putObject("Big").putArray("Fn::Equals").add("a").add("a");
            properties(t, FUNCTION).putObject("MemorySize").putArray("Fn::If").add("Big").add(1024).add("small");
        });
        assertFinding(f, FUNCTION + " (AWS::Lambda::Function)", "Properties.MemorySize", "expected an integer, got the string 'small'");
    }

    @Test
    void referencesToUnknownResourcesParametersAndAttributesAreReported() {
        Finding ref = onlyFinding(t -> properties(t, STAGE).putObject("RestApiId").put("Ref", "ApiMissing"));
        assertFinding(ref, STAGE + " (AWS::ApiGateway::Stage)", "Properties.RestApiId.Ref",
                "Ref to 'ApiMissing', which is neither a parameter, a resource nor a pseudo parameter");

        Finding attribute = onlyFinding(t -> properties(t, FUNCTION).putObject("Role").putArray("Fn::GetAtt")
                .add("OrdersRole1F09A955").add("Arnn"));
        assertFinding(attribute, FUNCTION + " (AWS::Lambda::Function)", "Properties.Role.Fn::GetAtt",
                "AWS::IAM::Role has no attribute 'Arnn'. Did you mean 'Arn'?");

        // inside the OpenAPI body too: a Lambda URI naming a function that is not in the template
        Finding sub = onlyFinding(t -> at(t, "/Resources/" + API + "/Properties/Body/paths/~1orders/get/x-amazon-apigateway-integration")
                .putObject("uri").put("Fn::Sub", "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31"
                        + "/functions/${Missing.Arn}/invocations"));
        assertFinding(sub, API + " (AWS::ApiGateway::RestApi)",
                "Properties.Body.paths./orders.get.x-amazon-apigateway-integration.uri.Fn::Sub",
                "Fn::GetAtt of 'Missing', which is not a resource of this template");
    }

    @Test
    void nestedStackOutputsAreAttributes() {
        assertEquals(List.of(), findings(t -> {
            at(t, "/Resources").putObject("Nested").put("Type", "AWS::CloudFormation::Stack")
                    .putObject("Properties").put("TemplateURL", "https://example.com/nested.json");
            properties(t, FUNCTION).putObject("Description").putArray("Fn::GetAtt").add("Nested").add("Outputs.Name");
        }));
    }

    @Test
    void resourceAttributesAreChecked() {
        Finding dependsOn = onlyFinding(t -> at(t, "/Resources/" + FUNCTION).putArray("DependsOn").add("Nothing"));
        assertFinding(dependsOn, FUNCTION + " (AWS::Lambda::Function)", "DependsOn", "depends on 'Nothing'");
        Finding policy = onlyFinding(t -> at(t, "/Resources/" + LOG_GROUP).put("DeletionPolicy", "Keep"));
        assertFinding(policy, LOG_GROUP + " (AWS::Logs::LogGroup)", "DeletionPolicy", "'Keep' is not one of");
        Finding section = onlyFinding(t -> t.putObject("Resource"));
        assertFinding(section, "template", "Resource", "'Resource' is not a template section. Did you mean 'Resources'?");
    }

    @Test
    void customResourcesNeedAServiceTokenAndMayHaveAnyOtherProperty() {
        Finding f = onlyFinding(t -> at(t, "/Resources").putObject("Seed").put("Type", "Custom::Seed")
                .putObject("Properties").put("Rows", 3));
        assertFinding(f, "Seed (Custom::Seed)", "Properties",
                "the required property 'ServiceToken' of AWS::CloudFormation::CustomResource is missing");
        assertEquals(List.of(), findings(t -> at(t, "/Resources").putObject("Seed").put("Type", "Custom::Seed")
                .putObject("Properties").put("Rows", 3).set("ServiceToken", JSON.createObjectNode()
                        .set("Fn::GetAtt", JSON.createArrayNode().add(FUNCTION).add("Arn")))));
    }

    @Test
    void quotasAreChecked() {
        Finding resources = onlyFinding(t -> {
            for (int i = 0; i < 480; i++) {
                at(t, "/Resources").putObject("Logs" + i).put("Type", "AWS::Logs::LogGroup");
            }
        });
        assertFinding(resources, "template", "Resources", "the template has 504 resources; CloudFormation allows at most 500");

        CheckResult large = check.check(template(), 1_048_577);
        assertEquals(1, large.findings().size(), large.findings().toString());
        assertTrue(large.findings().get(0).message().contains("1048577 bytes; CloudFormation accepts at most 1048576"));
    }
}
