package dev.gatehouse.api.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the document is cut into the Body's parts (documents without deploy-time values). */
class BodyTextTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** No token in these documents, so the values are never asked for anything. */
    private static final TemplateValues NO_TOKENS = new TemplateValues(null);

    @Test
    void pathItemsShareAPartUntilAPathThatEndsAGroup() throws JsonProcessingException {
        // Given a document of 300 path items
        ObjectNode document = document(300, null);

        // When it is written as text
        List<String> parts = parts(document);

        // Then the parts join to the document
        assertEquals(document, JSON.readTree(String.join("", parts)));
        // and every group of path items but the last ends at a path that ends a group
        List<List<String>> groups = pathGroups(parts);
        for (List<String> group : groups.subList(0, groups.size() - 1)) {
            assertTrue(BodyText.endsGroup(group.get(group.size() - 1)), group.toString());
            group.subList(0, group.size() - 1).forEach(path -> assertFalse(BodyText.endsGroup(path), path));
        }
        // so 300 paths take a few dozen parts, not 300
        assertEquals(300, groups.stream().mapToInt(List::size).sum());
        assertTrue(groups.size() > 300 / BodyText.AVERAGE_GROUP / 3 && groups.size() < 300 / BodyText.AVERAGE_GROUP * 3,
                groups.size() + " groups");
    }

    @Test
    void addingAPathChangesOnlyThePartItJoins() {
        // Given the same document with one more path in the middle, once one that ends a group
        // ("/p150/c") and once one that does not ("/p150/a")
        assertTrue(BodyText.endsGroup("/p150/c") && !BodyText.endsGroup("/p150/a"));
        List<String> before = parts(document(300, null));
        for (String added : List.of("/p150/c", "/p150/a")) {
            List<String> after = parts(document(300, added));

            // Then every part of the first document but the one the path joins is still there
            List<String> removed = new ArrayList<>(before);
            removed.removeAll(after);
            List<String> changed = new ArrayList<>(after);
            changed.removeAll(before);
            assertEquals(1, removed.size(), added + ": " + removed);
            // (a path that ends a group splits the part it joins in two)
            assertEquals(BodyText.endsGroup(added) ? 2 : 1, changed.size(), added + ": " + changed);
            assertTrue(changed.stream().anyMatch(part -> part.contains("\"" + added + "\":")), changed.toString());
        }
    }

    @Test
    void aPartWithoutDeployTimeValuesIsPlainTextWithItsDollarBracesAsTheyAre() throws JsonProcessingException {
        // Given a document whose summary has a literal "${"
        ObjectNode document = document(1, null);
        ((ObjectNode) document.at("/paths/~1p0/get")).put("summary", "not ${a-variable}");

        // When it is written, then no part is an Fn::Sub and the summary is as written
        BodyText.Rendering rendering = BodyText.render(document, NO_TOKENS);
        List<?> parts = (List<?>) ((List<?>) rendering.join().get("Fn::Join")).get(1);
        assertTrue(parts.stream().allMatch(String.class::isInstance), parts.toString());
        assertEquals(document, JSON.readTree(String.join("", parts(document))));
        assertTrue(rendering.tokenVariables().isEmpty() && rendering.jsonSafe());
    }

    @Test
    void theTextDigestIdentifiesTheDocument() {
        // Given two equal documents and a third with one summary changed
        ObjectNode changed = document(50, null);
        ((ObjectNode) changed.at("/paths/~1p7/get")).put("summary", "changed");

        // Then the equal ones have the same digest (what the Deployment's logical id is made of)
        // and the changed one another
        byte[] digest = BodyText.render(document(50, null), NO_TOKENS).textDigest();
        assertArrayEquals(digest, BodyText.render(document(50, null), NO_TOKENS).textDigest());
        assertFalse(Arrays.equals(digest, BodyText.render(changed, NO_TOKENS).textDigest()));
    }

    @Test
    void aDocumentWithoutPathsIsItsFieldsAndTheClosingBrace() throws JsonProcessingException {
        ObjectNode document = JSON.createObjectNode().put("openapi", "3.0.1");
        document.putObject("paths");
        assertEquals(document, JSON.readTree(String.join("", parts(document))));
        assertEquals(List.of("{\"openapi\":\"3.0.1\"", ",\"paths\":{}", "}"), parts(document));
    }

    /** An OpenAPI-like document with paths /p0... and, if not null, {@code extra}. */
    private static ObjectNode document(int paths, String extra) {
        ObjectNode document = JSON.createObjectNode().put("openapi", "3.0.1");
        document.putObject("info").put("title", "t").put("version", "1");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < paths; i++) {
            keys.add("/p" + i);
        }
        if (extra != null) {
            keys.add(extra);
        }
        keys.sort(null);
        ObjectNode items = document.putObject("paths");
        keys.forEach(key -> items.putObject(key).putObject("get").put("operationId", "op" + key.substring(1)));
        document.put("x-amazon-apigateway-api-key-source", "HEADER");
        return document;
    }

    private static List<String> parts(ObjectNode document) {
        List<String> texts = new ArrayList<>();
        for (Object part : (List<?>) ((List<?>) BodyText.render(document, NO_TOKENS).join().get("Fn::Join")).get(1)) {
            texts.add((String) part);
        }
        return texts;
    }

    /** The path keys in each part that holds path items. */
    private static List<List<String>> pathGroups(List<String> parts) throws JsonProcessingException {
        List<List<String>> groups = new ArrayList<>();
        for (String part : parts) {
            String fields = part.startsWith(",\"paths\":{") ? part.substring(",\"paths\":{".length()) : part.substring(1);
            if (!fields.startsWith("\"/")) {
                continue;
            }
            JsonNode object = JSON.readTree("{" + fields + "}");
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            groups.add(keys);
        }
        return groups;
    }
}
