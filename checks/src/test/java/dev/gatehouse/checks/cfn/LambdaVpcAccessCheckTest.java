package dev.gatehouse.checks.cfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.checks.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaVpcAccessCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LambdaVpcAccessCheck check = new LambdaVpcAccessCheck();

    /** A VPC function with role Role, a policy Policy on it (without ENI actions), depending on it. */
    private static ObjectNode template() {
        ObjectNode template = JSON.createObjectNode();
        ObjectNode resources = template.putObject("Resources");
        resources.putObject("Role").put("Type", "AWS::IAM::Role").putObject("Properties");
        ObjectNode policy = resources.putObject("Policy").put("Type", "AWS::IAM::Policy");
        ObjectNode policyProps = policy.putObject("Properties");
        policyProps.putArray("Roles").addObject().put("Ref", "Role");
        ArrayNode statements = policyProps.putObject("PolicyDocument").putArray("Statement");
        statements.addObject().put("Effect", "Allow").put("Action", "xray:PutTraceSegments").put("Resource", "*");
        ObjectNode function = resources.putObject("Fn").put("Type", "AWS::Lambda::Function");
        function.putArray("DependsOn").add("Policy");
        ObjectNode props = function.putObject("Properties");
        props.putObject("Role").putArray("Fn::GetAtt").add("Role").add("Arn");
        props.putObject("VpcConfig").putArray("SubnetIds").add("subnet-1");
        return template;
    }

    private static void grantEni(ObjectNode template) {
        ((ArrayNode) template.at("/Resources/Policy/Properties/PolicyDocument/Statement")).addObject()
                .put("Effect", "Allow").put("Resource", "*")
                .putArray("Action").add("ec2:CreateNetworkInterface").add("ec2:DeleteNetworkInterface");
    }

    @Test
    void vpcFunctionWhoseRoleCannotCreateNetworkInterfacesIsRefused() {
        List<Finding> findings = check.check(template()).findings();
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("Fn", findings.get(0).subject());
        assertTrue(findings.get(0).message().contains("cannot create network interfaces"), findings.toString());
    }

    @Test
    void anAttachedPolicyTheFunctionDependsOnIsEnough() {
        ObjectNode template = template();
        grantEni(template);
        assertEquals(List.of(), check.check(template).findings());
    }

    @Test
    void thePolicyMustExistBeforeTheFunction() {
        ObjectNode template = template();
        grantEni(template);
        ((ObjectNode) template.at("/Resources/Fn")).remove("DependsOn");
        List<Finding> findings = check.check(template).findings();
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("DependsOn", findings.get(0).path());
    }

    @Test
    void managedPoliciesAndInlinePoliciesOfTheRoleCount() {
        ObjectNode managed = template();
        ((ObjectNode) managed.at("/Resources/Role/Properties")).putArray("ManagedPolicyArns")
                .add("arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole");
        assertEquals(List.of(), check.check(managed).findings());

        ObjectNode inline = template();
        ((ObjectNode) inline.at("/Resources/Role/Properties")).putArray("Policies").addObject()
                .putObject("PolicyDocument").putArray("Statement").addObject()
                .put("Effect", "Allow").put("Action", "ec2:*").put("Resource", "*");
        assertEquals(List.of(), check.check(inline).findings());
    }

    @Test
    void functionsOutsideAVpcAndRolesFromElsewhereAreNotJudged() {
        ObjectNode noVpc = template();
        ((ObjectNode) noVpc.at("/Resources/Fn/Properties")).remove("VpcConfig");
        assertEquals(List.of(), check.check(noVpc).findings());

        ObjectNode imported = template();
        ((ObjectNode) imported.at("/Resources/Fn/Properties")).put("Role", "arn:aws:iam::123456789012:role/elsewhere");
        assertEquals(List.of(), check.check(imported).findings());
    }
}
