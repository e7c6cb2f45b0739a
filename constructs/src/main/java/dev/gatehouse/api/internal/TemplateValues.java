package dev.gatehouse.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.IResolvable;
import software.amazon.awscdk.Reference;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tokenization;

/**
 * Turns a Jackson tree into the plain values CloudFormation properties take.
 *
 * <p>A large API repeats the same few token strings (a function's invocation URI) in every
 * operation. Left as tokens, CDK would resolve each copy separately; here each distinct string is
 * resolved once, in Java, and the resolved intrinsic is reused, but only when every token in it
 * is stack-local (a reference to a resource in this stack, or a pseudo parameter). Anything else,
 * such as a reference to another stack, stays a token so that CDK creates the export and import.
 */
public final class TemplateValues {
    private static final Set<String> PSEUDO_PARAMETERS = Set.of(
            Aws.PARTITION, Aws.REGION, Aws.ACCOUNT_ID, Aws.URL_SUFFIX, Aws.STACK_NAME, Aws.STACK_ID);

    private final Stack stack;
    private final Map<String, Boolean> localMarkers = new HashMap<>();
    private final Map<String, Object> resolved = new HashMap<>();

    public TemplateValues(Stack stack) {
        this.stack = stack;
    }

    /** Plain values with stack-local token strings resolved and the others left as tokens. */
    public Object forTemplate(JsonNode node) {
        return convert(node, false);
    }

    /** Plain values with every token resolved, e.g. for hashing or writing the document out. */
    public Object fullyResolved(JsonNode node) {
        return convert(node, true);
    }

    private Object convert(JsonNode node, boolean resolveAll) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                map.put(field.getKey(), convert(field.getValue(), resolveAll));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(convert(element, resolveAll)));
            return list;
        }
        if (node.isTextual()) {
            String text = node.textValue();
            if (!Tokens.containsToken(text) || !(resolveAll || isStackLocal(text))) {
                return text;
            }
            return resolved.computeIfAbsent(text, stack::resolve);
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? (Object) node.intValue() : (Object) node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return null;
    }

    private boolean isStackLocal(String text) {
        Matcher m = Tokens.STRING_TOKEN.matcher(text);
        while (m.find()) {
            if (!localMarkers.computeIfAbsent(m.group(), this::isStackLocalMarker)) {
                return false;
            }
        }
        return true;
    }

    private boolean isStackLocalMarker(String marker) {
        if (PSEUDO_PARAMETERS.contains(marker)) {
            return true;
        }
        IResolvable token = Tokenization.reverseString(marker).getFirstToken();
        return token instanceof Reference reference && Stack.of(reference.getTarget()) == stack;
    }
}
