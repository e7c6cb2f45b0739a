package dev.gatehouse.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.rules.Rule;
import dev.gatehouse.rules.Rules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/validation-rules.md is generated from the rule registry, so the two cannot drift. After
 * adding or changing a rule, regenerate it with {@code ./mvnw -B -pl test -am verify
 * -Dsnapshot.update=true}.
 */
class ValidationRulesDocTest {
    static final Path DOC = Path.of(System.getProperty("gatehouse.root", ".."), "docs", "validation-rules.md");

    static String render() {
        StringBuilder md = new StringBuilder();
        md.append("# Validation rules\n\n")
                .append("<!-- Generated from dev.gatehouse.rules.Rules by ValidationRulesDocTest; do not edit. -->\n\n")
                .append("Gatehouse checks these at synth. Every problem found is reported together, each as\n")
                .append("`[id] subject: problem. Fix: how.`, for example:\n\n")
                .append("```\n[GH103] resource '/orders': it has 2 different path variables below it: {id} (route 'GET ")
                .append("/orders/{id}'), {orderId} (route 'GET /orders/{orderId}/lines'). Fix: use one variable name for ")
                .append("every route under '/orders', e.g. {id}.\n```\n\n")
                .append("Errors fail `cdk synth`. Warnings are annotations with the id `@gatehouse/<rule id>`: ")
                .append("`cdk synth` prints them and `cdk synth --strict` fails on them.\n\n")
                .append("| Id | Severity | Rule |\n|---|---|---|\n");
        for (Rule rule : Rules.all()) {
            md.append("| [").append(rule.getId()).append("](#").append(rule.getId().toLowerCase()).append(") | ")
                    .append(rule.getSeverity().name().toLowerCase()).append(" | ").append(rule.getTitle()).append(" |\n");
        }
        for (Rule rule : Rules.all()) {
            md.append("\n## ").append(rule.getId()).append("\n\n**").append(rule.getTitle()).append("** (")
                    .append(rule.getSeverity().name().toLowerCase()).append(")\n\n").append(rule.getExplanation()).append('\n');
        }
        return md.toString();
    }

    @Test
    void docListsEveryRuleAsTheRegistryDefinesIt() throws IOException {
        String expected = render();
        if (Boolean.getBoolean("snapshot.update")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, Files.readString(DOC, StandardCharsets.UTF_8),
                "docs/validation-rules.md is out of date; regenerate it with -Dsnapshot.update=true");
    }
}
