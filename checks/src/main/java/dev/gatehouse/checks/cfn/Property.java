package dev.gatehouse.checks.cfn;

import java.util.List;

/**
 * A property of a resource or of a type definition.
 *
 * @param type its current type
 * @param previousTypes types it had in earlier versions of the specification; the CDK's L1
 *     classes still accept them, so a value of one of these is not reported
 * @param required whether CloudFormation requires it
 */
public record Property(PropertyType type, List<PropertyType> previousTypes, boolean required) {
    public Property {
        previousTypes = List.copyOf(previousTypes);
    }
}
