package dev.gatehouse.checks.cfn;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One CloudFormation resource type of the database.
 *
 * @param name e.g. {@code AWS::Lambda::Function}
 * @param properties by name
 * @param attributes the names {@code Fn::GetAtt} accepts
 * @param refIdentifier the identifier(s) {@code Ref} returns (e.g. [FunctionName])
 * @param arnTemplate the resource's ARN pattern, e.g.
 *     {@code arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}}, if known
 */
public record ResourceType(String name, Map<String, Property> properties, Set<String> attributes,
        List<String> refIdentifier, String arnTemplate) {
    public ResourceType {
        properties = Map.copyOf(properties);
        attributes = Set.copyOf(attributes);
        refIdentifier = List.copyOf(refIdentifier);
    }

    /** The ARN pattern, if the database knows it. */
    public Optional<String> arn() {
        return Optional.ofNullable(arnTemplate);
    }

    /** True when {@code Ref} returns this resource's ARN (its only identifier is an ARN). */
    public boolean refIsArn() {
        return refIdentifier.size() == 1 && refIdentifier.get(0).endsWith("Arn");
    }

    /** The names of the properties CloudFormation requires. */
    public Set<String> requiredProperties() {
        return properties.entrySet().stream().filter(e -> e.getValue().required()).map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
