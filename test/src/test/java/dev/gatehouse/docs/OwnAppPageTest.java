package dev.gatehouse.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/own-app.md describes a whole project (its files are compiled by DocsSnippetsCompileTest and
 * built for real by scripts/own-app-check.sh in CI); here: its versions and feature flags are this
 * repository's, so the page cannot drift from what is released.
 */
class OwnAppPageTest {
    private static final Path ROOT = Path.of(System.getProperty("gatehouse.root", ".."));
    private static final Pattern FILE_BLOCK = Pattern.compile("<!-- file: ([^ ]+) -->\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);

    private static Map<String, String> files() throws IOException {
        String page = Files.readString(ROOT.resolve("docs/own-app.md"), StandardCharsets.UTF_8);
        Map<String, String> files = new LinkedHashMap<>();
        Matcher m = FILE_BLOCK.matcher(page);
        while (m.find()) {
            files.put(m.group(1), m.group(2));
        }
        return files;
    }

    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">").matcher(pom);
        assertTrue(m.find(), "no <" + name + "> in\n" + pom);
        return m.group(1);
    }

    @Test
    void thePageShowsEveryFileOfTheProject() throws IOException {
        assertEquals(java.util.List.of("pom.xml", "cdk.json", "src/main/java/com/example/orders/OrdersApp.java",
                "src/main/java/com/example/orders/OrdersStack.java",
                "src/test/java/com/example/orders/OrdersStackTest.java"), java.util.List.copyOf(files().keySet()));
    }

    @Test
    void itsPomUsesThisRepositorysVersions() throws IOException {
        String page = files().get("pom.xml");
        String root = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
        Matcher version = Pattern.compile("<artifactId>gatehouse-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(root);
        assertTrue(version.find());
        assertEquals(version.group(1), property(page, "gatehouse.version"));
        for (String name : new String[] {"aws-cdk-lib.version", "constructs.version", "junit.version"}) {
            assertEquals(property(root, name), property(page, name), name);
        }
        assertTrue(page.contains("<mainClass>com.example.orders.OrdersApp</mainClass>"), page);
    }

    @Test
    void itsCdkJsonHasThisRepositorysFeatureFlags() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode page = json.readTree(files().get("cdk.json"));
        assertEquals(json.readTree(ROOT.resolve("cdk.json").toFile()).get("context"), page.get("context"));
        assertEquals("mvn -e -q compile exec:java", page.get("app").asText());
    }
}
