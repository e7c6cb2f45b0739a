package dev.gatehouse.checks.cfn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.checks.CheckResult;
import dev.gatehouse.checks.Finding;
import dev.gatehouse.checks.Severity;
import dev.gatehouse.checks.cfn.PropertyType.ArrayType;
import dev.gatehouse.checks.cfn.PropertyType.Kind;
import dev.gatehouse.checks.cfn.PropertyType.MapType;
import dev.gatehouse.checks.cfn.PropertyType.Primitive;
import dev.gatehouse.checks.cfn.PropertyType.StructType;
import dev.gatehouse.checks.cfn.PropertyType.UnionType;
import dev.gatehouse.checks.internal.Intrinsics;
import dev.gatehouse.checks.internal.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks a CloudFormation template against the CloudFormation resource database ({@link CfnSpec})
 * and the template format, the way CloudFormation would before creating anything:
 *
 * <ul>
 *   <li>sections, resource attributes ({@code DependsOn}, {@code Condition},
 *       {@code DeletionPolicy}...) and logical ids are well-formed; quotas (500 resources, 200
 *       outputs and parameters, 1 MB template) are kept;</li>
 *   <li>every resource type exists;</li>
 *   <li>every property name is known, at every depth, and required properties are present;</li>
 *   <li>values have the property's type (string, integer, number, boolean, list, map, object)
 *       and one of its allowed values where the schema enumerates them, unless the value is an
 *       intrinsic function (then it is only known at deploy time); both branches of an
 *       {@code Fn::If} are checked;</li>
 *   <li>{@code Ref}, {@code Fn::GetAtt} and {@code Fn::Sub} name parameters, pseudo parameters
 *       and resources of the template, and attributes the resource type has; {@code Fn::If}
 *       names a condition.</li>
 * </ul>
 *
 * <p>Like CloudFormation, scalars are accepted where the type differs only in representation
 * ("10" for an integer, 10 for a string, "true" for a boolean). Values of a property's previous
 * types in the database are accepted, as the CDK's L1 classes accept them. Custom resources
 * ({@code Custom::*}) need only a {@code ServiceToken}; {@code AWS::CDK::Metadata} is accepted.
 */
public final class TemplateSchemaCheck {
    /** This check's id in findings. */
    public static final String ID = "cfn-schema";
    /** CloudFormation's quota for a template read from S3 (the CDK uploads every template there). */
    public static final long MAX_TEMPLATE_BYTES = 1_048_576;
    public static final int MAX_RESOURCES = 500;
    public static final int MAX_OUTPUTS = 200;
    public static final int MAX_PARAMETERS = 200;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SECTIONS = Set.of("AWSTemplateFormatVersion", "Description", "Metadata",
            "Parameters", "Rules", "Mappings", "Conditions", "Transform", "Resources", "Outputs", "Hooks");
    private static final Set<String> RESOURCE_KEYS = Set.of("Type", "Properties", "DependsOn", "Metadata",
            "Condition", "DeletionPolicy", "UpdateReplacePolicy", "UpdatePolicy", "CreationPolicy");
    private static final Set<String> DELETION_POLICIES = Set.of("Delete", "Retain", "RetainExceptOnCreate", "Snapshot");
    private static final Set<String> UPDATE_REPLACE_POLICIES = Set.of("Delete", "Retain", "Snapshot");
    private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9]{1,255}");
    private static final Pattern CUSTOM_TYPE = Pattern.compile("Custom::[A-Za-z0-9_@-]{1,60}");
    private static final String CUSTOM_RESOURCE = "AWS::CloudFormation::CustomResource";
    private static final String CDK_METADATA = "AWS::CDK::Metadata";
    /** Types whose Fn::GetAtt takes "Outputs.<output of the nested stack>". */
    private static final Set<String> NESTED_STACKS = Set.of("AWS::CloudFormation::Stack", "AWS::Serverless::Application");
    private static final Pattern INTEGER_TEXT = Pattern.compile("-?\\d+");
    private static final Pattern NUMBER_TEXT = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private final CfnSpec spec;

    public TemplateSchemaCheck(CfnSpec spec) {
        this.spec = spec;
    }

    /** The check with the database shared by this JVM ({@link CfnSpec#shared()}). */
    public static TemplateSchemaCheck withSharedSpec() {
        return new TemplateSchemaCheck(CfnSpec.shared());
    }

    /** Checks {@code template}, measuring its size as compact JSON. */
    public CheckResult check(JsonNode template) {
        try {
            return check(template, JSON.writeValueAsBytes(template).length);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the template cannot be written as JSON", e);
        }
    }

    /**
     * Checks {@code template}.
     *
     * @param templateBytes the size of the template file that is uploaded (the CDK writes it
     *     indented, so it is larger than compact JSON)
     */
    public CheckResult check(JsonNode template, long templateBytes) {
        Run run = new Run(template);
        run.all(templateBytes);
        int resources = template.path("Resources").size();
        return new CheckResult(ID, "CloudFormation schema (" + spec.describe() + ")",
                resources + " resources, " + run.valuesChecked + " property values", run.findings);
    }

    /** One check of one template. */
    private final class Run {
        final JsonNode template;
        final List<Finding> findings = new ArrayList<>();
        final Map<String, String> resourceTypes = new HashMap<>();
        final Set<String> parameters = new HashSet<>();
        final Set<String> conditions = new HashSet<>();
        final Set<String> mappings = new HashSet<>();
        int valuesChecked;

        Run(JsonNode template) {
            this.template = template;
        }

        void all(long templateBytes) {
            if (!template.isObject()) {
                report("template", "", "the template is not a JSON object.");
                return;
            }
            template.fieldNames().forEachRemaining(section -> {
                if (!SECTIONS.contains(section)) {
                    report("template", section, "'" + section + "' is not a template section."
                            + Names.suggestion(section, SECTIONS));
                }
            });
            if (templateBytes > MAX_TEMPLATE_BYTES) {
                report("template", "", "the template is " + templateBytes + " bytes; CloudFormation accepts at most "
                        + MAX_TEMPLATE_BYTES + " (1 MB). Split the stack, or move large values (an OpenAPI body) to S3.");
            }
            JsonNode resources = template.path("Resources");
            if (!resources.isObject() || resources.isEmpty()) {
                report("template", "Resources", "a template needs at least one resource.");
                return;
            }
            template.path("Parameters").fieldNames().forEachRemaining(parameters::add);
            template.path("Conditions").fieldNames().forEachRemaining(conditions::add);
            template.path("Mappings").fieldNames().forEachRemaining(mappings::add);
            resources.properties().forEach(e -> resourceTypes.put(e.getKey(), e.getValue().path("Type").asText()));
            quota("Resources", resources.size(), MAX_RESOURCES);
            quota("Outputs", template.path("Outputs").size(), MAX_OUTPUTS);
            quota("Parameters", parameters.size(), MAX_PARAMETERS);

            resources.properties().forEach(e -> resource(e.getKey(), e.getValue()));
            template.path("Outputs").properties().forEach(e -> output(e.getKey(), e.getValue()));
            template.path("Conditions").properties().forEach(e ->
                    references(e.getValue(), "Conditions." + e.getKey(), "Conditions." + e.getKey()));
        }

        private void quota(String section, int count, int max) {
            if (count > max) {
                report("template", section, "the template has " + count + " " + section.toLowerCase()
                        + "; CloudFormation allows at most " + max + " per stack.");
            }
        }

        private void resource(String id, JsonNode resource) {
            if (!LOGICAL_ID.matcher(id).matches()) {
                report(id, "", "the logical id must be 1 to 255 letters and digits.");
            }
            if (!resource.isObject()) {
                report(id, "", "a resource must be an object with a Type.");
                return;
            }
            resource.fieldNames().forEachRemaining(key -> {
                if (!RESOURCE_KEYS.contains(key)) {
                    report(id, key, "'" + key + "' is not a resource attribute." + Names.suggestion(key, RESOURCE_KEYS));
                }
            });
            dependsOn(id, resource.get("DependsOn"));
            JsonNode condition = resource.get("Condition");
            if (condition != null && !conditions.contains(condition.asText())) {
                report(id, "Condition", "names condition '" + condition.asText() + "', which Conditions does not define.");
            }
            policy(id, resource, "DeletionPolicy", DELETION_POLICIES);
            policy(id, resource, "UpdateReplacePolicy", UPDATE_REPLACE_POLICIES);

            JsonNode typeNode = resource.get("Type");
            if (typeNode == null || !typeNode.isTextual()) {
                report(id, "Type", "the resource has no Type.");
                return;
            }
            String type = typeNode.asText();
            JsonNode properties = resource.get("Properties");
            if (properties != null) {
                references(properties, "Properties", id);
            }
            if (properties != null && !properties.isObject()) {
                report(id, "Properties", "Properties must be an object.");
                return;
            }
            if (CDK_METADATA.equals(type)) {
                return;
            }
            boolean custom = CUSTOM_TYPE.matcher(type).matches();
            ResourceType resourceType = spec.resourceType(custom ? CUSTOM_RESOURCE : type).orElse(null);
            if (resourceType == null) {
                report(id, "Type", "'" + type + "' is not a CloudFormation resource type." + typeSuggestion(type)
                        + (type.startsWith("Custom::") ? " Custom resource types are Custom:: followed by 1 to 60 letters, "
                                + "digits and _@-." : ""));
                return;
            }
            properties(id, resourceType.properties(), properties == null ? JSON.createObjectNode() : properties,
                    "Properties", custom, resourceType.name(), findings);
        }

        private String typeSuggestion(String type) {
            return Names.suggestion(type, spec.resourceTypeNames());
        }

        private void dependsOn(String id, JsonNode dependsOn) {
            if (dependsOn == null) {
                return;
            }
            List<JsonNode> targets = new ArrayList<>();
            if (dependsOn.isArray()) {
                dependsOn.forEach(targets::add);
            } else {
                targets.add(dependsOn);
            }
            for (JsonNode target : targets) {
                String name = target.asText();
                if (!target.isTextual() || !resourceTypes.containsKey(name)) {
                    report(id, "DependsOn", "depends on '" + name + "', which is not a resource of this template.");
                } else if (name.equals(id)) {
                    report(id, "DependsOn", "the resource depends on itself.");
                }
            }
        }

        private void policy(String id, JsonNode resource, String key, Set<String> allowed) {
            JsonNode value = resource.get(key);
            if (value != null && !allowed.contains(value.asText())) {
                report(id, key, "'" + value.asText() + "' is not one of " + new TreeSet<>(allowed) + ".");
            }
        }

        private void output(String id, JsonNode output) {
            if (!LOGICAL_ID.matcher(id).matches()) {
                report("Outputs." + id, "", "the output's logical id must be 1 to 255 letters and digits.");
            }
            if (!output.has("Value")) {
                report("Outputs." + id, "", "the output has no Value.");
            }
            JsonNode condition = output.get("Condition");
            if (condition != null && !conditions.contains(condition.asText())) {
                report("Outputs." + id, "Condition", "names condition '" + condition.asText()
                        + "', which Conditions does not define.");
            }
            references(output, "", "Outputs." + id);
        }

        // ---- Properties and values ------------------------------------------------------------

        /** The properties of a resource ({@code properties} of its type) or of a type definition. */
        private void properties(String id, Map<String, Property> known, JsonNode object, String path, boolean free,
                String typeName, List<Finding> out) {
            if (Intrinsics.isIntrinsic(object)) {
                branches(object, v -> properties(id, known, v, path, free, typeName, out));
                return;
            }
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                String name = field.getKey();
                Property property = known.get(name);
                String at = path + "." + name;
                if (property == null) {
                    if (!free) {
                        String suggestion = Names.suggestion(name, known.keySet());
                        out.add(finding(id, at, "'" + name + "' is not a property of " + typeName + "."
                                + (suggestion.isEmpty() ? knownNames(known) : suggestion)));
                    }
                    continue;
                }
                value(id, property, field.getValue(), at, out);
            }
            for (Map.Entry<String, Property> e : known.entrySet()) {
                if (e.getValue().required() && !object.has(e.getKey())) {
                    out.add(finding(id, path, "the required property '" + e.getKey() + "' of " + typeName + " is missing."));
                }
            }
        }

        private String knownNames(Map<String, Property> known) {
            if (known.size() > 12) {
                return "";
            }
            return " Known: " + String.join(", ", new TreeSet<>(known.keySet())) + ".";
        }

        private void value(String id, Property property, JsonNode value, String path, List<Finding> out) {
            valuesChecked++;
            List<Finding> problems = new ArrayList<>();
            check(id, property.type(), value, path, problems);
            if (!problems.isEmpty()) {
                for (PropertyType previous : property.previousTypes()) {
                    List<Finding> alternative = new ArrayList<>();
                    check(id, previous, value, path, alternative);
                    if (alternative.isEmpty()) {
                        return;
                    }
                }
            }
            out.addAll(problems);
        }

        private void check(String id, PropertyType type, JsonNode value, String path, List<Finding> out) {
            if (Intrinsics.isNoValue(value)) {
                return;
            }
            if (Intrinsics.isIntrinsic(value)) {
                branches(value, v -> check(id, type, v, path, out));
                return;
            }
            if (value.isNull()) {
                out.add(finding(id, path, "the value is null; leave the property out instead."));
                return;
            }
            if (type instanceof Primitive p) {
                primitive(id, p, value, path, out);
            } else if (type instanceof ArrayType a) {
                if (!value.isArray()) {
                    out.add(finding(id, path, "expected " + a.describe() + ", got " + shape(value) + "."));
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(id, a.element(), value.get(i), path + "[" + i + "]", out);
                }
            } else if (type instanceof MapType m) {
                if (!value.isObject()) {
                    out.add(finding(id, path, "expected " + m.describe() + ", got " + shape(value) + "."));
                    return;
                }
                value.properties().forEach(f -> check(id, m.element(), f.getValue(), path + "." + f.getKey(), out));
            } else if (type instanceof StructType st) {
                if (!value.isObject()) {
                    out.add(finding(id, path, "expected " + st.describe() + ", got " + shape(value) + "."));
                    return;
                }
                properties(id, st.definition().properties(), value, path, false, st.definition().name(), out);
            } else if (type instanceof UnionType u) {
                union(id, u, value, path, out);
            }
        }

        private void union(String id, UnionType union, JsonNode value, String path, List<Finding> out) {
            List<Finding> best = null;
            for (PropertyType alternative : union.types()) {
                List<Finding> attempt = new ArrayList<>();
                check(id, alternative, value, path, attempt);
                if (attempt.isEmpty()) {
                    return;
                }
                if (best == null && sameShape(alternative, value)) {
                    best = attempt;
                }
            }
            if (best != null) {
                out.addAll(best);
            } else {
                out.add(finding(id, path, "expected " + union.describe() + ", got " + shape(value) + "."));
            }
        }

        private boolean sameShape(PropertyType type, JsonNode value) {
            if (type instanceof ArrayType) {
                return value.isArray();
            }
            if (type instanceof MapType || type instanceof StructType) {
                return value.isObject();
            }
            if (type instanceof UnionType u) {
                return u.types().stream().anyMatch(t -> sameShape(t, value));
            }
            Primitive p = (Primitive) type;
            return p.kind() == Kind.JSON || p.kind() == Kind.TAG ? value.isContainerNode() : value.isValueNode();
        }

        private void primitive(String id, Primitive p, JsonNode value, String path, List<Finding> out) {
            switch (p.kind()) {
                case STRING, DATE_TIME -> {
                    if (!value.isValueNode()) {
                        out.add(finding(id, path, "expected " + p.describe() + ", got " + shape(value) + "."));
                    } else if (!p.allowedStrings().isEmpty() && !p.allowedStrings().contains(value.asText())) {
                        out.add(finding(id, path, "'" + value.asText() + "' is not one of " + p.allowedStrings() + "."
                                + Names.suggestion(value.asText(), p.allowedStrings())));
                    }
                }
                case INTEGER -> {
                    boolean ok = value.isIntegralNumber() || value.isTextual() && INTEGER_TEXT.matcher(value.asText()).matches();
                    if (!ok) {
                        out.add(finding(id, path, "expected an integer, got " + shape(value) + "."));
                    } else if (!p.allowedIntegers().isEmpty() && !p.allowedIntegers().contains(Long.parseLong(value.asText()))) {
                        out.add(finding(id, path, value.asText() + " is not one of " + p.allowedIntegers() + "."));
                    }
                }
                case NUMBER -> {
                    if (!(value.isNumber() || value.isTextual() && NUMBER_TEXT.matcher(value.asText()).matches())) {
                        out.add(finding(id, path, "expected a number, got " + shape(value) + "."));
                    }
                }
                case BOOLEAN -> {
                    if (!(value.isBoolean() || value.isTextual()
                            && (value.asText().equalsIgnoreCase("true") || value.asText().equalsIgnoreCase("false")))) {
                        out.add(finding(id, path, "expected a boolean, got " + shape(value) + "."));
                    }
                }
                case JSON -> {
                    if (!value.isContainerNode()) {
                        out.add(finding(id, path, "expected a JSON object, got " + shape(value) + "."));
                    }
                }
                case TAG -> {
                    if (!value.isObject()) {
                        out.add(finding(id, path, "expected a tag {\"Key\": ..., \"Value\": ...}, got " + shape(value) + "."));
                        return;
                    }
                    value.fieldNames().forEachRemaining(key -> {
                        if (!key.equals("Key") && !key.equals("Value")) {
                            out.add(finding(id, path + "." + key, "a tag has only Key and Value."));
                        }
                    });
                    for (String key : List.of("Key", "Value")) {
                        if (!value.has(key)) {
                            out.add(finding(id, path, "the tag has no " + key + "."));
                        }
                    }
                }
                case NULL -> {
                    // nothing to check
                }
            }
        }

        /** Applies {@code check} to both branches of an Fn::If; other intrinsics are deploy-time values. */
        private void branches(JsonNode intrinsic, java.util.function.Consumer<JsonNode> check) {
            if ("Fn::If".equals(Intrinsics.function(intrinsic))) {
                JsonNode args = intrinsic.get("Fn::If");
                for (int i = 1; i < args.size() && i < 3; i++) {
                    if (!Intrinsics.isNoValue(args.get(i))) {
                        check.accept(args.get(i));
                    }
                }
            }
        }

        private String shape(JsonNode value) {
            if (value.isTextual()) {
                String text = value.asText();
                return "the string '" + (text.length() > 40 ? text.substring(0, 37) + "..." : text) + "'";
            }
            if (value.isArray()) {
                return "a list";
            }
            if (value.isObject()) {
                return "an object";
            }
            if (value.isBoolean()) {
                return "the boolean " + value.asText();
            }
            if (value.isNumber()) {
                return "the number " + value.asText();
            }
            return value.getNodeType().name().toLowerCase();
        }

        // ---- References ----------------------------------------------------------------------

        /** Every Ref, Fn::GetAtt, Fn::Sub variable, Fn::If condition and Fn::FindInMap map under {@code node}. */
        private void references(JsonNode node, String path, String subject) {
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    references(node.get(i), path + "[" + i + "]", subject);
                }
                return;
            }
            if (!node.isObject()) {
                return;
            }
            String function = Intrinsics.function(node);
            if (function == null) {
                node.properties().forEach(f -> {
                    if (f.getKey().startsWith("Fn::") && !Intrinsics.FUNCTIONS.contains(f.getKey())) {
                        report(subject, join(path, f.getKey()), "'" + f.getKey() + "' is not an intrinsic function."
                                + Names.suggestion(f.getKey(), Intrinsics.FUNCTIONS));
                    }
                    references(f.getValue(), join(path, f.getKey()), subject);
                });
                return;
            }
            JsonNode args = node.get(function);
            String at = join(path, function);
            switch (function) {
                case "Ref" -> {
                    if (args.isTextual()) {
                        ref(args.asText(), subject, at);
                    } else {
                        report(subject, at, "Ref takes the name of a parameter or resource.");
                    }
                }
                case "Fn::GetAtt" -> getAtt(args, subject, at);
                case "Fn::Sub" -> sub(args, subject, at);
                case "Fn::If" -> {
                    if (args.isArray() && args.size() == 3 && args.get(0).isTextual()) {
                        if (!conditions.contains(args.get(0).asText())) {
                            report(subject, at, "names condition '" + args.get(0).asText()
                                    + "', which Conditions does not define.");
                        }
                    } else {
                        report(subject, at, "Fn::If takes [condition name, value if true, value if false].");
                    }
                    references(args, at, subject);
                }
                case "Fn::FindInMap" -> {
                    if (args.isArray() && args.size() >= 3 && args.get(0).isTextual() && !mappings.contains(args.get(0).asText())) {
                        report(subject, at, "names mapping '" + args.get(0).asText() + "', which Mappings does not define.");
                    }
                    references(args, at, subject);
                }
                default -> {
                    if (!Intrinsics.FUNCTIONS.contains(function)) {
                        report(subject, at, "'" + function + "' is not an intrinsic function."
                                + Names.suggestion(function, Intrinsics.FUNCTIONS));
                    }
                    references(args, at, subject);
                }
            }
        }

        private void ref(String name, String subject, String at) {
            if (!Intrinsics.PSEUDO_PARAMETERS.contains(name) && !parameters.contains(name) && !resourceTypes.containsKey(name)) {
                report(subject, at, "Ref to '" + name + "', which is neither a parameter, a resource nor a pseudo parameter."
                        + Names.suggestion(name, resourceTypes.keySet()));
            }
        }

        private void getAtt(JsonNode args, String subject, String at) {
            String resource;
            JsonNode attribute;
            if (args.isTextual() && args.asText().contains(".")) {
                String text = args.asText();
                resource = text.substring(0, text.indexOf('.'));
                attribute = JSON.getNodeFactory().textNode(text.substring(text.indexOf('.') + 1));
            } else if (args.isArray() && args.size() == 2 && args.get(0).isTextual()) {
                resource = args.get(0).asText();
                attribute = args.get(1);
            } else {
                report(subject, at, "Fn::GetAtt takes [resource, attribute] or \"resource.attribute\".");
                return;
            }
            if (!attribute.isTextual()) {
                references(attribute, at + "[1]", subject);
            }
            attribute(resource, attribute.isTextual() ? attribute.asText() : null, subject, at);
        }

        /** Checks that {@code resource} exists and, when {@code attribute} is known, that it has it. */
        private void attribute(String resource, String attribute, String subject, String at) {
            String type = resourceTypes.get(resource);
            if (type == null) {
                report(subject, at, "Fn::GetAtt of '" + resource + "', which is not a resource of this template."
                        + Names.suggestion(resource, resourceTypes.keySet()));
                return;
            }
            if (attribute == null || CUSTOM_TYPE.matcher(type).matches() || CUSTOM_RESOURCE.equals(type)
                    || CDK_METADATA.equals(type)
                    || attribute.startsWith("Outputs.") && NESTED_STACKS.contains(type)) {
                return;
            }
            spec.resourceType(type).ifPresent(rt -> {
                if (!rt.attributes().contains(attribute)) {
                    report(subject, at, "Fn::GetAtt " + resource + "." + attribute + ": " + type + " has no attribute '"
                            + attribute + "'." + Names.suggestion(attribute, rt.attributes())
                            + (rt.attributes().isEmpty() ? " It has no attributes." : " It has " + new TreeSet<>(rt.attributes()) + "."));
                }
            });
        }

        private void sub(JsonNode args, String subject, String at) {
            JsonNode template;
            Set<String> local = new HashSet<>();
            if (args.isTextual()) {
                template = args;
            } else if (args.isArray() && args.size() == 2 && args.get(0).isTextual() && args.get(1).isObject()) {
                template = args.get(0);
                args.get(1).fieldNames().forEachRemaining(local::add);
                references(args.get(1), at + "[1]", subject);
            } else {
                report(subject, at, "Fn::Sub takes a string, or [string, {variable: value}].");
                return;
            }
            for (String variable : Intrinsics.subVariables(template.asText())) {
                if (local.contains(variable) || Intrinsics.PSEUDO_PARAMETERS.contains(variable)) {
                    continue;
                }
                int dot = variable.indexOf('.');
                if (dot > 0) {
                    attribute(variable.substring(0, dot), variable.substring(dot + 1), subject, at);
                } else {
                    ref(variable, subject, at);
                }
            }
        }

        private static String join(String path, String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        private Finding finding(String subject, String path, String message) {
            String type = resourceTypes.get(subject);
            return new Finding(ID, Severity.ERROR, type == null ? subject : subject + " (" + type + ")", path, message);
        }

        private void report(String subject, String path, String message) {
            findings.add(finding(subject, path, message));
        }
    }
}
