package dev.gatehouse.checks.cfn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.checks.CheckResult;
import dev.gatehouse.checks.Finding;
import dev.gatehouse.checks.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A precondition Lambda verifies when it creates a function in a VPC, which no schema records:
 * the function's role must be able to create its network interfaces
 * ({@code ec2:CreateNetworkInterface} and friends), and that permission must be in place before the
 * function is created. Otherwise CloudFormation fails with "The provided execution role does not
 * have permissions to call CreateNetworkInterface on EC2".
 *
 * <p>A role defined in the template qualifies through the AWS managed policies
 * AWSLambdaVPCAccessExecutionRole or AWSLambdaENIManagementAccess, an inline policy, or an
 * {@code AWS::IAM::Policy} attached to it that the function depends on. Roles from outside the
 * template are not judged.
 */
public final class LambdaVpcAccessCheck {
    /** This check's id in findings. */
    public static final String ID = "lambda-vpc";
    static final String ACTION = "ec2:CreateNetworkInterface";
    private static final Set<String> MANAGED_POLICIES = Set.of(
            "service-role/AWSLambdaVPCAccessExecutionRole", "service-role/AWSLambdaENIManagementAccess");

    public CheckResult check(JsonNode template) {
        JsonNode resources = template.path("Resources");
        List<Finding> findings = new ArrayList<>();
        int vpcFunctions = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode function = e.getValue();
            if (!"AWS::Lambda::Function".equals(function.path("Type").asText())
                    || !function.path("Properties").has("VpcConfig")) {
                continue;
            }
            vpcFunctions++;
            String role = roleLogicalId(function.path("Properties").path("Role"));
            if (role == null || !"AWS::IAM::Role".equals(resources.path(role).path("Type").asText())) {
                continue; // a role from elsewhere: its policies are not visible here
            }
            if (roleGrants(resources.path(role))) {
                continue;
            }
            Set<String> dependsOn = dependsOn(function);
            String attached = null;
            for (Iterator<Map.Entry<String, JsonNode>> p = resources.fields(); p.hasNext(); ) {
                Map.Entry<String, JsonNode> policy = p.next();
                if ("AWS::IAM::Policy".equals(policy.getValue().path("Type").asText())
                        && attachesTo(policy.getValue(), role)
                        && grants(policy.getValue().path("Properties").path("PolicyDocument"))) {
                    attached = policy.getKey();
                    if (dependsOn.contains(attached)) {
                        break;
                    }
                }
            }
            if (attached == null) {
                findings.add(new Finding(ID, Severity.ERROR, e.getKey(), "Properties.Role",
                        "the function runs in a VPC but its role " + role + " cannot create network interfaces ("
                                + ACTION + "); Lambda refuses to create it. Grant the ec2 network interface actions "
                                + "(e.g. the managed policy AWSLambdaVPCAccessExecutionRole) to the role."));
            } else if (!dependsOn.contains(attached)) {
                findings.add(new Finding(ID, Severity.ERROR, e.getKey(), "DependsOn",
                        "the function runs in a VPC and its network interface permissions come from " + attached
                                + ", which it does not depend on; CloudFormation may create the function first and "
                                + "Lambda would refuse it. Add " + attached + " to the function's DependsOn."));
            }
        }
        return new CheckResult(ID, "VPC functions may create their network interfaces",
                vpcFunctions + " function" + (vpcFunctions == 1 ? "" : "s") + " in a VPC", findings);
    }

    private static String roleLogicalId(JsonNode role) {
        JsonNode getAtt = role.path("Fn::GetAtt");
        if (getAtt.isArray() && getAtt.size() == 2 && "Arn".equals(getAtt.get(1).asText())) {
            return getAtt.get(0).asText();
        }
        return null;
    }

    private static boolean roleGrants(JsonNode role) {
        for (JsonNode arn : role.path("Properties").path("ManagedPolicyArns")) {
            String text = arn.toString();
            if (MANAGED_POLICIES.stream().anyMatch(text::contains)) {
                return true;
            }
        }
        for (JsonNode policy : role.path("Properties").path("Policies")) {
            if (grants(policy.path("PolicyDocument"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean attachesTo(JsonNode policy, String role) {
        for (JsonNode attached : policy.path("Properties").path("Roles")) {
            if (role.equals(attached.path("Ref").asText())) {
                return true;
            }
        }
        return false;
    }

    /** True when a statement allows {@value #ACTION} (named, or by wildcard) on '*'. */
    static boolean grants(JsonNode document) {
        for (JsonNode statement : asArray(document.path("Statement"))) {
            if (!"Allow".equals(statement.path("Effect").asText())) {
                continue;
            }
            boolean action = false;
            for (JsonNode a : asArray(statement.path("Action"))) {
                String name = a.asText();
                action |= name.equals(ACTION) || name.equals("ec2:*") || name.equals("*");
            }
            boolean anyResource = false;
            for (JsonNode r : asArray(statement.path("Resource"))) {
                anyResource |= "*".equals(r.asText());
            }
            if (action && anyResource) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> dependsOn(JsonNode resource) {
        Set<String> ids = new HashSet<>();
        for (JsonNode id : asArray(resource.path("DependsOn"))) {
            ids.add(id.asText());
        }
        return ids;
    }

    private static Iterable<JsonNode> asArray(JsonNode node) {
        if (node.isArray()) {
            return node;
        }
        return node.isMissingNode() || node.isNull() ? List.of() : List.of(node);
    }
}
