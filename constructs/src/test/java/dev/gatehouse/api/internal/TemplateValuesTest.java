package dev.gatehouse.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gatehouse.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Function;

class TemplateValuesTest {
    private final App app = new App();
    private final Stack stack = new Stack(app, "S");
    private final Function fn = Fixtures.function(stack, "Fn");
    private final TemplateValues values = new TemplateValues(stack);

    @Test
    void stackLocalStringsBecomeFnSubWithLiteralDollarBracesAsAVariable() {
        // (not "${!": CloudFormation reads "${!" up to the next "}", which in "${ in ${AWS::Region}"
        // would take the Region reference for literal text)
        Object value = values.forTemplate(TextNode.valueOf("${literal}:" + Aws.REGION + ":" + fn.getFunctionArn()));
        assertEquals(Map.of("Fn::Sub", List.of("${GatehouseDollarBrace}literal}:${AWS::Region}:${Fn9270CBC0.Arn}",
                Map.of("GatehouseDollarBrace", "${"))), value);
        Object unclosed = values.forTemplate(TextNode.valueOf("costs ${ in " + Aws.REGION));
        assertEquals(Map.of("Fn::Sub", List.of("costs ${GatehouseDollarBrace} in ${AWS::Region}",
                Map.of("GatehouseDollarBrace", "${"))), unclosed);
    }

    @Test
    void jsonTextWithTokensBecomesFnSubTextAndKnowsWhetherItIsSafe() {
        // Given JSON text with a function ARN in a value, an escaped quote and a literal "${"
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        String json = "{\"uri\":\"fn/" + fn.getFunctionArn() + "\",\"say\":\"\\\"${x}\\\"\"}";

        // When it is written in Fn::Sub syntax
        TemplateValues.SubJson sub = values.subJson(json, variables);

        // Then the ARN is a reference, the literal "${" a variable, and the text is safe
        assertEquals("{\"uri\":\"fn/${Fn9270CBC0.Arn}\",\"say\":\"\\\"${GatehouseDollarBrace}x}\\\"\"}", sub.text());
        assertEquals(Map.of("GatehouseDollarBrace", "${"), variables);
        assertTrue(sub.jsonSafe());
        // but a token in a key, or a token that may hold any text (a parameter), is not safe
        assertFalse(values.subJson("{\"k" + Aws.REGION + "\\\"\":1}", new java.util.LinkedHashMap<>()).jsonSafe());
        CfnParameter owner = CfnParameter.Builder.create(stack, "Owner").build();
        assertFalse(values.subJson("{\"k\":\"" + owner.getValueAsString() + "\"}", new java.util.LinkedHashMap<>())
                .jsonSafe());
        assertTrue(values.subJson("{\"k\":\"" + Aws.REGION + "\"}", new java.util.LinkedHashMap<>()).jsonSafe());
        // and literal text that looks like the start of a marker stays text, up to the real one
        Map<String, Object> literal = new java.util.LinkedHashMap<>();
        assertEquals("{\"s\":\"a ${GatehouseDollarBrace}Token[\",\"d\":\"${Fn9270CBC0}\"}",
                values.subJson("{\"s\":\"a ${Token[\",\"d\":\"" + fn.getFunctionName() + "\"}", literal).text());
        assertEquals(Map.of("GatehouseDollarBrace", "${"), literal);
    }

    @Test
    void aSingleTokenBecomesItsIntrinsic() {
        assertEquals(Map.of("Ref", "AWS::AccountId"), values.forTemplate(TextNode.valueOf(Aws.ACCOUNT_ID)));
        assertEquals(Map.of("Fn::GetAtt", List.of("Fn9270CBC0", "Arn")),
                values.forTemplate(TextNode.valueOf(fn.getFunctionArn())));
    }

    @Test
    void otherTokensStayTokensForCdkButResolveForHashing() {
        String joined = Fn.join("-", List.of("a", Aws.REGION));
        assertEquals(joined, values.forTemplate(TextNode.valueOf(joined)));
        assertEquals(Map.of("Fn::Join", List.of("-", List.of("a", Map.of("Ref", "AWS::Region")))),
                values.fullyResolved(TextNode.valueOf(joined)));
    }

    @Test
    void plainValuesPassThrough() {
        var node = JsonNodeFactory.instance.objectNode().put("a", 1).put("b", true).put("c", "text").put("d", 1.5);
        node.putArray("e").add(3_000_000_000L);
        assertEquals(Map.of("a", 1, "b", true, "c", "text", "d", 1.5, "e", List.of(3_000_000_000L)),
                values.forTemplate(node));
    }
}
