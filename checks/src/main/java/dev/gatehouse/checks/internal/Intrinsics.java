package dev.gatehouse.checks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CloudFormation intrinsic functions: recognising them and reading the references they make. */
public final class Intrinsics {
    /** Intrinsic functions usable in resource properties and outputs. */
    public static final Set<String> FUNCTIONS = Set.of("Ref", "Fn::Base64", "Fn::Cidr", "Fn::FindInMap",
            "Fn::GetAtt", "Fn::GetAZs", "Fn::If", "Fn::ImportValue", "Fn::Join", "Fn::Length", "Fn::Select",
            "Fn::Split", "Fn::Sub", "Fn::ToJsonString", "Fn::Transform",
            // condition functions, and the Rules-section ones
            "Fn::And", "Fn::Equals", "Fn::Not", "Fn::Or", "Fn::Contains", "Fn::EachMemberEquals",
            "Fn::EachMemberIn", "Fn::RefAll", "Fn::ValueOf", "Fn::ValueOfAll", "Fn::ForEach");

    /** The pseudo parameters {@code Ref} accepts. */
    public static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs",
            "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private Intrinsics() {
    }

    /** The function name when {@code node} is an intrinsic ({"Ref": ...} or {"Fn::X": ...}), else null. */
    public static String function(JsonNode node) {
        if (node == null || !node.isObject() || node.size() != 1) {
            return null;
        }
        String key = node.fieldNames().next();
        return key.equals("Ref") || key.startsWith("Fn::") ? key : null;
    }

    public static boolean isIntrinsic(JsonNode node) {
        return function(node) != null;
    }

    /** True for {"Ref": "AWS::NoValue"}: the property is removed. */
    public static boolean isNoValue(JsonNode node) {
        return "Ref".equals(function(node)) && "AWS::NoValue".equals(node.get("Ref").asText());
    }

    /**
     * The variables of an {@code Fn::Sub} template string: {@code ${Name}} and
     * {@code ${Resource.Attribute}}, without the literal {@code ${!...}}.
     */
    public static List<String> subVariables(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = SUB_VARIABLE.matcher(template);
        while (m.find()) {
            String name = m.group(1);
            if (!name.startsWith("!")) {
                names.add(name.trim());
            }
        }
        return names;
    }

    /** Replaces every {@code ${...}} variable (not {@code ${!...}}) using {@code value}. */
    public static String substitute(String template, java.util.function.Function<String, String> value) {
        Matcher m = SUB_VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = name.startsWith("!") ? "${" + name.substring(1) + "}" : value.apply(name.trim());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
