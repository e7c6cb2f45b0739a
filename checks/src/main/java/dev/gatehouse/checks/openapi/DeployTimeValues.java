package dev.gatehouse.checks.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.checks.internal.Intrinsics;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the CloudFormation intrinsics inside a document ({@code Fn::Sub}, {@code Fn::GetAtt},
 * {@code Ref}, {@code Fn::Join}...) into the strings API Gateway will receive, as far as they are
 * known before deployment: pseudo parameters become sample values ({@code aws}, {@code us-east-1},
 * {@code 123456789012}), and so do the AWS variables API Gateway resolves at import in plain strings
 * ({@code ${AWS::Region}}); every other deploy-time value becomes a placeholder that says what it
 * is:
 *
 * <ul>
 *   <li>{@code {{arn:AWS::Lambda::Function:Orders}}}: the ARN of a resource of this template
 *       ({@code Fn::GetAtt X.Arn}, or {@code Ref} of a type whose Ref is its ARN, such as a
 *       Lambda version or alias);</li>
 *   <li>{@code {{ref:AWS::Lambda::Function:Orders}}}: what {@code Ref} returns for other types
 *       (a name or an id);</li>
 *   <li>{@code {{att:AWS::Lambda::Function:Orders.SnapStartResponse}}}: another attribute;</li>
 *   <li>{@code {{value:Fn::ImportValue}}}: a value from outside the template (parameters,
 *       imports, selections), which no check can know.</li>
 * </ul>
 */
public final class DeployTimeValues {
    private static final Pattern AWS_VARIABLE = Pattern.compile("\\$\\{(AWS::(?:AccountId|Partition|Region))}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(arn|ref|att|value):([^}]*)}}");
    private static final Map<String, String> PSEUDO = Map.of(
            "AWS::Partition", "aws",
            "AWS::Region", "us-east-1",
            "AWS::AccountId", "123456789012",
            "AWS::URLSuffix", "amazonaws.com",
            "AWS::StackName", "stack",
            "AWS::StackId", "arn:aws:cloudformation:us-east-1:123456789012:stack/stack/00000000-0000-0000-0000-000000000000");

    private final Map<String, String> resourceTypes = new HashMap<>();
    private final Map<String, Boolean> refIsArn;

    /**
     * @param resourceTypes logical id to resource type, of the template the document is in (empty
     *     for a document on its own)
     * @param refIsArn for a resource type, whether {@code Ref} returns its ARN
     */
    public DeployTimeValues(Map<String, String> resourceTypes, Map<String, Boolean> refIsArn) {
        this.resourceTypes.putAll(resourceTypes);
        this.refIsArn = Map.copyOf(refIsArn);
    }

    /** For a document outside any template: every reference is an unknown value. */
    public static DeployTimeValues standalone() {
        return new DeployTimeValues(Map.of(), Map.of());
    }

    /** A deep copy of {@code node} with every intrinsic replaced by its string. */
    public JsonNode render(JsonNode node) {
        if (Intrinsics.isIntrinsic(node)) {
            return JsonNodeFactory.instance.textNode(string(node));
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(f -> copy.set(f.getKey(), render(f.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(e -> copy.add(render(e)));
            return copy;
        }
        if (node.isTextual() && node.textValue().contains("${AWS::")) {
            return JsonNodeFactory.instance.textNode(awsVariables(node.textValue()));
        }
        return node;
    }

    /**
     * A string with the AWS variables that API Gateway itself resolves when it imports a document
     * ({@code ${AWS::AccountId}}, {@code ${AWS::Partition}}, {@code ${AWS::Region}}: AWS's "AWS
     * variables for OpenAPI import") replaced by their sample values; others are left alone.
     */
    public static String awsVariables(String text) {
        return AWS_VARIABLE.matcher(text).replaceAll(m -> PSEUDO.get(m.group(1)));
    }

    /** The string an intrinsic (or a plain value) stands for. */
    public String string(JsonNode node) {
        String function = Intrinsics.function(node);
        if (function == null) {
            return node.isValueNode() ? node.asText() : value(node.toString());
        }
        JsonNode args = node.get(function);
        switch (function) {
            case "Ref":
                return ref(args.asText());
            case "Fn::GetAtt": {
                String resource;
                String attribute;
                if (args.isTextual() && args.asText().contains(".")) {
                    resource = args.asText().substring(0, args.asText().indexOf('.'));
                    attribute = args.asText().substring(args.asText().indexOf('.') + 1);
                } else if (args.isArray() && args.size() == 2) {
                    resource = args.get(0).asText();
                    attribute = args.get(1).isTextual() ? args.get(1).asText() : "?";
                } else {
                    return value("Fn::GetAtt");
                }
                return getAtt(resource, attribute);
            }
            case "Fn::Sub": {
                JsonNode template = args.isArray() ? args.get(0) : args;
                JsonNode variables = args.isArray() && args.size() > 1 ? args.get(1) : null;
                return Intrinsics.substitute(template.asText(), name -> {
                    if (variables != null && variables.has(name)) {
                        return string(variables.get(name));
                    }
                    int dot = name.indexOf('.');
                    return dot > 0 && !name.contains("::") ? getAtt(name.substring(0, dot), name.substring(dot + 1)) : ref(name);
                });
            }
            case "Fn::Join": {
                if (args.isArray() && args.size() == 2 && args.get(1).isArray()) {
                    StringBuilder joined = new StringBuilder();
                    for (int i = 0; i < args.get(1).size(); i++) {
                        joined.append(i == 0 ? "" : args.get(0).asText()).append(string(args.get(1).get(i)));
                    }
                    return joined.toString();
                }
                return value("Fn::Join");
            }
            default:
                return value(function);
        }
    }

    private String ref(String name) {
        String pseudo = PSEUDO.get(name);
        if (pseudo != null) {
            return pseudo;
        }
        String type = resourceTypes.get(name);
        if (type == null) {
            return value("Ref " + name);
        }
        return "{{" + (refIsArn.getOrDefault(type, false) ? "arn" : "ref") + ":" + type + ":" + name + "}}";
    }

    private String getAtt(String resource, String attribute) {
        String type = resourceTypes.get(resource);
        if (type == null) {
            return value("Fn::GetAtt " + resource + "." + attribute);
        }
        return attribute.equals("Arn") || attribute.endsWith(".Arn")
                ? "{{arn:" + type + ":" + resource + "}}" : "{{att:" + type + ":" + resource + "." + attribute + "}}";
    }

    private static String value(String what) {
        return "{{value:" + what + "}}";
    }

    /** A placeholder found in a rendered string. */
    public record Placeholder(String kind, String resourceType, String name) {
        /** True for a value from outside the template. */
        public boolean unknown() {
            return kind.equals("value");
        }
    }

    /** The placeholder that {@code text} consists of entirely, or null. */
    public static Placeholder placeholder(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        if (!m.matches()) {
            return null;
        }
        if (m.group(1).equals("value")) {
            return new Placeholder("value", null, m.group(2));
        }
        String rest = m.group(2);
        int colon = rest.lastIndexOf(':');
        return new Placeholder(m.group(1), rest.substring(0, colon), rest.substring(colon + 1));
    }

    /** True when {@code text} contains a placeholder. */
    public static boolean hasPlaceholder(String text) {
        return PLACEHOLDER.matcher(text).find();
    }

    /**
     * Whether {@code value} is a deploy-time value that may be the ARN of a resource of
     * {@code expectedType}: one of that type, or one whose kind is not known.
     */
    static boolean isArnOf(String value, String expectedType) {
        Placeholder p = placeholder(value);
        return p != null && (p.unknown() || p.kind().equals("arn") && p.resourceType().equals(expectedType));
    }
}
