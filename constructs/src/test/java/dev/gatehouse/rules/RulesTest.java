package dev.gatehouse.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry lists every rule once, in id order (docs/validation-rules.md is generated from it). */
class RulesTest {

    @Test
    void registryHoldsEveryRuleConstantInIdOrder() throws IllegalAccessException {
        // Given every public Rule constant of Rules
        List<Rule> constants = new ArrayList<>();
        for (Field field : Rules.class.getDeclaredFields()) {
            if (field.getType() == Rule.class && Modifier.isPublic(field.getModifiers())
                    && Modifier.isStatic(field.getModifiers())) {
                constants.add((Rule) field.get(null));
            }
        }
        constants.sort(Comparator.comparing(Rule::getId));

        // Then the registry is exactly those, sorted by id, without a repeated id
        assertEquals(constants.stream().map(Rule::getId).toList(), Rules.all().stream().map(Rule::getId).toList());
        assertEquals(constants.size(), Rules.all().stream().map(Rule::getId).distinct().count());
    }
}
