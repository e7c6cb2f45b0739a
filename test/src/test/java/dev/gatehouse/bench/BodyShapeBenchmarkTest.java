package dev.gatehouse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's reshapings keep the document they claim to keep. */
class BodyShapeBenchmarkTest {
    private static final String URI = "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/"
            + "functions/${Fn0.Arn}/invocations";

    /** A Body shaped like GatewayApi's: header, path items in two parts, closing. */
    private static Map<String, Object> body() {
        return BodyShapeBenchmark.join(List.of(
                "{\"openapi\":\"3.0.1\"",
                ",\"paths\":{\"/resource0/{id}\":{\"get\":{\"uri\":\"" + URI + "\"}},\"/resource1/{id}\":{\"get\":{\"uri\":\""
                        + URI + "\"}}",
                ",\"/resource2/{id}\":{\"get\":{}}",
                "}}"));
    }

    @Test
    void regroupingKeepsTheTextAndSetsThePartsPerGroup() {
        // Given a Body of three path items in two parts
        Map<String, Object> body = body();

        // When it is regrouped one path item per part, and all in one part
        Map<String, Object> single = BodyShapeBenchmark.regrouped(body, 1);
        Map<String, Object> whole = BodyShapeBenchmark.regrouped(body, Integer.MAX_VALUE);

        // Then the text is the same and the parts are as many as the groups
        String text = String.join("", BodyShapeBenchmark.texts(body));
        assertEquals(text, String.join("", BodyShapeBenchmark.texts(single)));
        assertEquals(3, BodyShapeBenchmark.texts(single).size());
        assertEquals(List.of(text), BodyShapeBenchmark.texts(whole));
        assertInstanceOf(String.class, ((List<?>) ((List<?>) single.get("Fn::Join")).get(1)).get(2),
                "a part without references stays a plain string");
    }

    @Test
    void uriVariablesWriteEachUriOncePerPart() {
        // When the Lambda URIs become Fn::Sub variables
        List<?> parts = (List<?>) ((List<?>) BodyShapeBenchmark.uriVariables(body()).get("Fn::Join")).get(1);

        // Then the part that named the URI twice names one variable twice, whose value is the URI
        List<?> sub = (List<?>) ((Map<?, ?>) parts.get(1)).get("Fn::Sub");
        String text = (String) sub.get(0);
        assertFalse(text.contains("invocations"), text);
        assertTrue(text.contains("\"uri\":\"${GatehouseUri0}\"}},\"/resource1/{id}\":{\"get\":{\"uri\":\"${GatehouseUri0}\""),
                text);
        assertEquals(Map.of("GatehouseUri0", Map.of("Fn::Sub", URI)), sub.get(1));
        assertEquals(",\"/resource2/{id}\":{\"get\":{}}", parts.get(2));
    }

    @Test
    void apostrophesReplaceEveryQuote() {
        String text = String.join("", BodyShapeBenchmark.texts(BodyShapeBenchmark.apostrophes(body())));
        assertFalse(text.contains("\""), text);
        assertTrue(text.startsWith("{'openapi':'3.0.1'"), text);
    }
}
