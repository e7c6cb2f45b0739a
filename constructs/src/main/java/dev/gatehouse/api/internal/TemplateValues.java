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
import java.util.regex.Pattern;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.IResolvable;
import software.amazon.awscdk.Reference;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tokenization;

/**
 * Turns a Jackson tree into the plain values CloudFormation properties take.
 *
 * <p>A large API repeats the same few token strings (a function's invocation URI) in every
 * operation. Left as tokens, CDK would resolve each copy separately into an {@code Fn::Join};
 * here each distinct string is resolved once, in Java, into the more compact {@code Fn::Sub}
 * (one line in the template instead of a dozen), and reused. That is only done when every token
 * in the string is stack-local: a reference to a resource in this stack, or a pseudo parameter.
 * Anything else, such as a reference to another stack, stays a token so that CDK creates the
 * export and import.
 */
public final class TemplateValues {
    private static final Set<String> PSEUDO_PARAMETERS = Set.of(
            Aws.PARTITION, Aws.REGION, Aws.ACCOUNT_ID, Aws.URL_SUFFIX, Aws.STACK_NAME, Aws.STACK_ID);

    private final Stack stack;
    private final Map<String, Boolean> localMarkers = new HashMap<>();
    private final Map<String, Object> markerValues = new HashMap<>();
    private final Map<String, Object> resolved = new HashMap<>();
    private final Map<String, Object> local = new HashMap<>();

    public TemplateValues(Stack stack) {
        this.stack = stack;
    }

    /** Plain values with stack-local token strings resolved and the others left as tokens. */
    public Object forTemplate(JsonNode node) {
        return convert(node, false);
    }

    /**
     * Text that holds tokens (JSON text, or one string), in {@code Fn::Sub} syntax: a stack-local
     * token becomes {@code ${LogicalId}}, {@code ${LogicalId.Attribute}} or {@code ${AWS::Region}};
     * any other token (a reference to another stack, an intrinsic other than Ref and GetAtt)
     * becomes a variable {@code ${GatehouseValueN}} added to {@code variables}, so CDK still
     * resolves it (and creates the export and import). Variable names are given per token by this
     * object, so the same name means the same value in every part of a document. A literal
     * <code>${</code> becomes the variable {@value #LITERAL_VARIABLE}. Token markers have no character
     * JSON escapes, so JSON text can be written first and the markers replaced after.
     *
     * @param jsonSafe whether every token is known to need no JSON escaping (a pseudo parameter,
     *     a resource's Ref, an id, name or ARN attribute) and none is in a key
     */
    public record SubJson(String text, boolean jsonSafe) {
    }

    /** See {@link SubJson}; {@code variables} receives the variables the text names. */
    public SubJson subJson(String json, Map<String, Object> variables) {
        return subJson(json, variables, null);
    }

    /**
     * As {@link #subJson(String, Map)}; {@code references}, when given, receives each stack-local
     * reference the text names ({@code LogicalId.Attribute}, {@code AWS::Region}) with its token,
     * which the CDK resolves to the {@code Ref} or {@code Fn::GetAtt}: for a text that
     * CloudFormation does not process, whose every name needs its value given explicitly.
     */
    public SubJson subJson(String json, Map<String, Object> variables, Map<String, Object> references) {
        StringBuilder out = new StringBuilder(json.length() + 256);
        boolean safe = true;
        int last = 0;
        for (int at = json.indexOf("${"); at >= 0; at = json.indexOf("${", last)) {
            out.append(json, last, at);
            int end = Tokens.markerEnd(json, at);
            if (end >= 0) {
                Marker marker = markers.computeIfAbsent(json.substring(at, end), this::marker);
                out.append("${").append(marker.reference() != null ? marker.reference()
                        : variable(marker.text(), variables)).append('}');
                if (references != null && marker.reference() != null) {
                    references.putIfAbsent(marker.reference(), marker.text());
                }
                safe &= marker.jsonSafe() && !inKey(json, end);
                last = end;
            } else {
                variables.put(LITERAL_VARIABLE, "${");
                out.append("${").append(LITERAL_VARIABLE).append('}');
                last = at + 2;
            }
        }
        out.append(json, last, json.length());
        return new SubJson(out.toString(), safe);
    }

    /**
     * What {@link #subJson} writes for a token marker, worked out once per marker (a document
     * repeats a few markers thousands of times).
     *
     * @param reference {@code LogicalId}, {@code LogicalId.Attribute} or a pseudo parameter for a
     *     stack-local token, else null (the token becomes a variable)
     */
    private record Marker(String text, String reference, boolean jsonSafe) {
    }

    private Marker marker(String text) {
        return new Marker(text, localReference(text), isJsonSafeMarker(text));
    }

    /** Whether the JSON string around {@code from} is an object key (its closing quote is followed by ':'). */
    private static boolean inKey(String json, int from) {
        for (int i = from; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1 < json.length() && json.charAt(i + 1) == ':';
            }
        }
        return false;
    }

    /** {@code LogicalId}, {@code LogicalId.Attribute} or a pseudo parameter for a stack-local marker, else null. */
    private String localReference(String marker) {
        return localMarkers.computeIfAbsent(marker, this::isStackLocalMarker)
                ? subReference(markerValues.computeIfAbsent(marker, stack::resolve)) : null;
    }

    /** The variable that stands for {@code marker} in this document, added to {@code variables}. */
    private String variable(String marker, Map<String, Object> variables) {
        String name = variableNames.computeIfAbsent(marker, token -> VARIABLE_PREFIX + variableNames.size());
        variables.put(name, marker);
        return name;
    }

    /**
     * Whether a token stands for a value that needs no escaping inside a JSON string: a pseudo
     * parameter, the {@code Ref} of a resource (an id, name or ARN), or an attribute named like one
     * ({@code Arn}, {@code Id}, {@code Name}, {@code Url}...). A template parameter, an SSM value
     * or an arbitrary import could hold a quote or a line break.
     */
    private boolean isJsonSafeMarker(String marker) {
        if (PSEUDO_PARAMETERS.contains(marker)) {
            return true;
        }
        if (!(tokenOf(marker) instanceof Reference reference) || !(reference.getTarget() instanceof CfnResource)) {
            return false;
        }
        String attribute = reference.getDisplayName();
        return attribute.equals("Ref") || SAFE_ATTRIBUTE.matcher(attribute).matches();
    }

    /** Attributes whose values are identifiers, names, ARNs, URLs or addresses. */
    private static final Pattern SAFE_ATTRIBUTE = Pattern.compile(
            "(?i).*(Arn|Id|Name|Url|Address|Port)");

    /**
     * The {@code Fn::Sub} variable that stands for a literal <code>${</code> (its value). CloudFormation's
     * own escape, {@code ${!Literal}}, needs a closing brace and would swallow a reference that
     * follows before it.
     */
    public static final String LITERAL_VARIABLE = "GatehouseDollarBrace";

    /** The prefix of the {@code Fn::Sub} variables {@link #subJson} adds. */
    public static final String VARIABLE_PREFIX = "GatehouseValue";

    private final Map<String, String> variableNames = new HashMap<>();
    private final Map<String, Marker> markers = new HashMap<>();
    private final Map<String, IResolvable> tokens = new HashMap<>();

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
            if (!Tokens.containsToken(text)) {
                return text;
            }
            if (isStackLocal(text)) {
                return local.computeIfAbsent(text, this::substitute);
            }
            return resolveAll ? resolved.computeIfAbsent(text, stack::resolve) : text;
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

    /**
     * A stack-local token string as {@code Ref}/{@code Fn::GetAtt} (when it is a single token) or
     * {@code Fn::Sub}; falls back to CDK's own rendering for any other intrinsic.
     */
    private Object substitute(String text) {
        if (Tokens.STRING_TOKEN.matcher(text).matches()) {
            return markerValues.computeIfAbsent(text, stack::resolve);
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        String template = subJson(text, variables).text();
        if (variables.keySet().stream().anyMatch(name -> !name.equals(LITERAL_VARIABLE))) {
            return stack.resolve(text);
        }
        return variables.isEmpty() ? Map.of("Fn::Sub", template) : Map.of("Fn::Sub", List.of(template, variables));
    }

    /** {@code X} for {@code {"Ref": "X"}}, {@code A.B} for {@code {"Fn::GetAtt": ["A", "B"]}}, else null. */
    private static String subReference(Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Object ref = map.get("Ref");
            if (ref instanceof String name) {
                return name;
            }
            if (map.get("Fn::GetAtt") instanceof List<?> att && att.size() == 2
                    && att.get(0) instanceof String resource && att.get(1) instanceof String attribute) {
                return resource + "." + attribute;
            }
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
        return tokenOf(marker) instanceof Reference reference && Stack.of(reference.getTarget()) == stack;
    }

    /** The token behind a marker (one jsii call per marker). */
    private IResolvable tokenOf(String marker) {
        return tokens.computeIfAbsent(marker, m -> Tokenization.reverseString(m).getFirstToken());
    }
}
