package dev.gatehouse.snapshot;

import dev.gatehouse.testing.CdkJsonContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gatehouse.sample.SampleApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/**
 * The sample app's template and OpenAPI document, compared with the snapshots under
 * src/test/resources/snapshots. After an intended change, rewrite them with
 * {@code ./mvnw -B -pl test -am verify -Dsnapshot.update=true} and review the diff.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleAppSnapshotTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path SNAPSHOTS = Path.of(System.getProperty("gatehouse.root", ".."),
            "test", "src", "test", "resources", "snapshots");

    private JsonNode template;
    private JsonNode document;

    @BeforeAll
    void synthesize() {
        App app = CdkJsonContext.app();
        var stack = SampleApp.define(app);
        template = JSON.valueToTree(Template.fromStack(stack).toJSON());
        document = stack.getApi().getResolvedOpenApiDocument();
    }

    @Test
    void templateMatchesTheSnapshot() throws IOException {
        compare("GatehouseSample.template.json", template);
    }

    @Test
    void openApiDocumentMatchesTheSnapshot() throws IOException {
        compare("GatehouseSample.openapi.json", document);
    }

    /**
     * Asset hashes depend on the bytes of the handler jars, which differ between JDK builds; they
     * are replaced by a placeholder so the snapshot records structure, not compiler output.
     */
    private static String normalize(JsonNode node) throws IOException {
        return JSON.writeValueAsString(node).replaceAll("[0-9a-f]{64}", "<asset-hash>") + "\n";
    }

    private static void compare(String name, JsonNode actual) throws IOException {
        Path file = SNAPSHOTS.resolve(name);
        String rendered = normalize(actual);
        if (Boolean.getBoolean("snapshot.update")) {
            Files.createDirectories(SNAPSHOTS);
            Files.writeString(file, rendered, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(file), "no snapshot " + file + "; create it with -Dsnapshot.update=true");
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), rendered,
                name + " differs from its snapshot. If the change is intended, run "
                        + "`./mvnw -B -pl test -am verify -Dsnapshot.update=true` and review the diff.");
    }
}
