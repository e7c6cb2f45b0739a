package dev.gatehouse.local.internal.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gatehouse.checks.internal.Intrinsics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Local stand-ins for the values that exist only after deployment (ARNs, generated ids, the
 * account and Region), and the evaluation of CloudFormation's intrinsic functions with them. The
 * same stack always gets the same values, so printed ARNs and key ids stay valid across restarts.
 */
public final class LocalValues {
    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "us-east-1";
    public static final String PARTITION = "aws";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final StackTemplate stack;

    public LocalValues(StackTemplate stack) {
        this.stack = stack;
    }

    public StackTemplate stack() {
        return stack;
    }

    /** A copy of {@code node} with every intrinsic function evaluated locally. */
    public JsonNode resolve(JsonNode node) {
        if (node == null) {
            return null;
        }
        String function = Intrinsics.function(node);
        if (function != null) {
            return evaluate(function, node.get(function));
        }
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = resolve(field.getValue());
                if (!isNoValue(value)) {
                    copy.set(field.getKey(), value);
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(element -> {
                JsonNode value = resolve(element);
                if (!isNoValue(value)) {
                    copy.add(value);
                }
            });
            return copy;
        }
        return node;
    }

    /** The text a value resolves to ("" for a missing value). */
    public String text(JsonNode node) {
        JsonNode value = resolve(node);
        return value == null || value.isNull() || value.isMissingNode() ? "" : value.isTextual() ? value.textValue()
                : value.toString();
    }

    /** {@code Ref} of a resource, parameter or pseudo parameter. */
    public String ref(String name) {
        switch (name) {
            case "AWS::AccountId":
                return ACCOUNT;
            case "AWS::Region":
                return REGION;
            case "AWS::Partition":
                return PARTITION;
            case "AWS::URLSuffix":
                return "amazonaws.com";
            case "AWS::StackName":
                return stack.stackName();
            case "AWS::StackId":
                return "arn:" + PARTITION + ":cloudformation:" + REGION + ":" + ACCOUNT + ":stack/" + stack.stackName()
                        + "/" + id("stack", 8);
            default:
                break;
        }
        JsonNode parameter = stack.template().path("Parameters").get(name);
        if (parameter != null) {
            return parameter.path("Default").asText("");
        }
        String type = stack.typeOf(name);
        JsonNode properties = stack.resource(name).path("Properties");
        switch (type) {
            case "AWS::Lambda::Function":
                return functionName(name);
            case "AWS::Lambda::Version":
                return functionArnOf(text(properties.get("FunctionName"))) + ":1";
            case "AWS::Lambda::Alias":
                return functionArnOf(text(properties.get("FunctionName"))) + ":" + text(properties.get("Name"));
            case "AWS::ApiGateway::Stage":
                return text(properties.get("StageName"));
            case "AWS::IAM::Role":
            case "AWS::Logs::LogGroup":
                return physicalName(name);
            case "":
                return "${" + name + "}";
            default:
                return id(name, 10);
        }
    }

    /** {@code Fn::GetAtt}. */
    public String getAtt(String logicalId, String attribute) {
        String type = stack.typeOf(logicalId);
        if (type.equals("AWS::Lambda::Function") && attribute.equals("Arn")) {
            return functionArnOf(functionName(logicalId));
        }
        if (type.equals("AWS::Lambda::Version") && attribute.equals("Version")) {
            return "1";
        }
        if (type.equals("AWS::ApiGateway::RestApi") && attribute.equals("RootResourceId")) {
            return id(logicalId + "/", 10);
        }
        if (attribute.equals("Arn")) {
            String service = type.startsWith("AWS::") ? type.split("::")[1].toLowerCase(java.util.Locale.ROOT) : "local";
            return "arn:" + PARTITION + ":" + service + ":" + REGION + ":" + ACCOUNT + ":" + physicalName(logicalId);
        }
        if (attribute.equals("Endpoint") || attribute.endsWith(".Address")) {
            return physicalName(logicalId).toLowerCase(java.util.Locale.ROOT) + ".local";
        }
        return id(logicalId + "." + attribute, 10);
    }

    /** The local function name of a function resource. */
    public String functionName(String logicalId) {
        JsonNode explicit = stack.resource(logicalId).path("Properties").get("FunctionName");
        return explicit != null ? text(explicit) : physicalName(logicalId);
    }

    /** The ARN of a function name (or an ARN already). */
    public static String functionArnOf(String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? nameOrArn
                : "arn:" + PARTITION + ":lambda:" + REGION + ":" + ACCOUNT + ":function:" + nameOrArn;
    }

    /** The REST API id of a RestApi resource. */
    public String restApiId(String logicalId) {
        return ref(logicalId);
    }

    /** A physical name as CloudFormation makes them: stack name, logical id, a suffix. */
    private String physicalName(String logicalId) {
        String name = stack.stackName() + "-" + logicalId;
        if (name.length() > 50) {
            name = name.substring(0, 50);
        }
        return name + "-" + id(logicalId, 8).toUpperCase(java.util.Locale.ROOT);
    }

    /** A stable lowercase alphanumeric id derived from the stack and a seed. */
    public String id(String seed, int length) {
        StringBuilder out = new StringBuilder();
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int block = 0; out.length() < length; block++) {
            byte[] digest = sha256(stack.stackName() + "/" + seed + "/" + block);
            for (int i = 0; i < digest.length && out.length() < length; i++) {
                out.append(alphabet.charAt((digest[i] & 0xff) % alphabet.length()));
            }
        }
        return out.toString();
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private JsonNode evaluate(String function, JsonNode argument) {
        switch (function) {
            case "Ref":
                return "AWS::NoValue".equals(argument.asText()) ? NoValue.NODE : TextNode.valueOf(ref(argument.asText()));
            case "Fn::GetAtt":
                return TextNode.valueOf(getAtt(argument));
            case "Fn::Sub":
                return TextNode.valueOf(sub(argument));
            case "Fn::Join":
                return TextNode.valueOf(join(argument));
            case "Fn::Select": {
                JsonNode list = resolve(argument.get(1));
                int index = resolve(argument.get(0)).asInt();
                return list != null && list.isArray() && index < list.size() ? list.get(index) : TextNode.valueOf("");
            }
            case "Fn::Split": {
                ArrayNode parts = NODES.arrayNode();
                String delimiter = argument.get(0).asText();
                for (String part : text(argument.get(1)).split(java.util.regex.Pattern.quote(delimiter), -1)) {
                    parts.add(part);
                }
                return parts;
            }
            case "Fn::Base64":
                return TextNode.valueOf(Base64.getEncoder().encodeToString(text(argument).getBytes(StandardCharsets.UTF_8)));
            case "Fn::ToJsonString":
                return TextNode.valueOf(resolve(argument).toString());
            case "Fn::FindInMap": {
                JsonNode map = stack.template().path("Mappings").path(text(argument.get(0)));
                return resolve(map.path(text(argument.get(1))).path(text(argument.get(2))));
            }
            case "Fn::If": {
                boolean condition = condition(argument.get(0).asText());
                return resolve(argument.get(condition ? 1 : 2));
            }
            case "Fn::GetAZs":
                return NODES.arrayNode().add(REGION + "a").add(REGION + "b").add(REGION + "c");
            case "Fn::ImportValue":
                return TextNode.valueOf("${ImportValue:" + text(argument) + "}");
            default:
                return TextNode.valueOf("${" + function + "}");
        }
    }

    private String getAtt(JsonNode argument) {
        if (argument.isTextual()) {
            String value = argument.asText();
            int dot = value.indexOf('.');
            return dot < 0 ? ref(value) : getAtt(value.substring(0, dot), value.substring(dot + 1));
        }
        return getAtt(argument.get(0).asText(), text(argument.get(1)));
    }

    private String sub(JsonNode argument) {
        String template;
        Map<String, String> variables = new LinkedHashMap<>();
        if (argument.isTextual()) {
            template = argument.asText();
        } else {
            template = argument.get(0).asText();
            Iterator<Map.Entry<String, JsonNode>> fields = argument.path(1).fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> variable = fields.next();
                variables.put(variable.getKey(), text(variable.getValue()));
            }
        }
        return Intrinsics.substitute(template, name -> {
            if (variables.containsKey(name)) {
                return variables.get(name);
            }
            int dot = name.indexOf('.');
            return dot < 0 ? ref(name) : getAtt(name.substring(0, dot), name.substring(dot + 1));
        });
    }

    private String join(JsonNode argument) {
        String delimiter = argument.get(0).asText();
        JsonNode parts = resolve(argument.get(1));
        List<String> texts = new ArrayList<>();
        if (parts != null && parts.isArray()) {
            parts.forEach(part -> texts.add(part.isTextual() ? part.textValue() : part.toString()));
        }
        return String.join(delimiter, texts);
    }

    private boolean condition(String name) {
        return conditionValue(stack.template().path("Conditions").path(name));
    }

    private boolean conditionValue(JsonNode node) {
        String function = Intrinsics.function(node);
        if (function == null) {
            return node.asBoolean();
        }
        JsonNode argument = node.get(function);
        switch (function) {
            case "Fn::Equals":
                return text(argument.get(0)).equals(text(argument.get(1)));
            case "Fn::Not":
                return !conditionValue(argument.get(0));
            case "Fn::And": {
                boolean all = true;
                for (JsonNode part : argument) {
                    all &= conditionValue(part);
                }
                return all;
            }
            case "Fn::Or": {
                boolean any = false;
                for (JsonNode part : argument) {
                    any |= conditionValue(part);
                }
                return any;
            }
            case "Condition":
                return condition(argument.asText());
            default:
                return false;
        }
    }

    private static boolean isNoValue(JsonNode node) {
        return node == NoValue.NODE;
    }

    /** The marker {@code Ref AWS::NoValue} resolves to: the property is dropped. */
    private static final class NoValue {
        static final JsonNode NODE = NODES.objectNode();
    }
}
