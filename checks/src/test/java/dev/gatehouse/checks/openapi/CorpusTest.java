package dev.gatehouse.checks.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.checks.CheckResult;
import dev.gatehouse.checks.DeployChecks;
import dev.gatehouse.checks.Finding;
import dev.gatehouse.checks.Severity;
import io.swagger.v3.core.util.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus of real API Gateway documents and templates (src/test/resources/corpus, sources and
 * licenses in its README.md): every one passes without an error, and broken copies of each fail.
 */
class CorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CORPUS = corpus();
    private final OpenApiCheck check = OpenApiCheck.withSharedSpec();

    private static Path corpus() {
        try {
            return Path.of(CorpusTest.class.getResource("/corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> files(String directory) {
        try (Stream<Path> files = Files.list(CORPUS.resolve(directory))) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            String name = file.getFileName().toString();
            return name.endsWith(".json") ? JSON.readTree(file.toFile()) : Yaml.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> documents() {
        return Stream.concat(files("documents/aws-docs").stream(), files("documents/serverless-patterns").stream()).toList();
    }

    private static List<Finding> errors(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    private static String lines(List<Finding> findings) {
        return findings.stream().map(Finding::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void theCorpusHoldsEveryKindOfSourceAndEachFileIsListedInItsIndex() throws IOException {
        String index = Files.readString(CORPUS.resolve("README.md"));
        List<Path> all = Stream.of(documents(), files("templates/sam-translator"), files("templates/aws-docs"),
                files("cloud-assembly/spec-restapi")).flatMap(List::stream).toList();
        assertEquals(17, files("documents/aws-docs").size());
        assertEquals(17, files("documents/serverless-patterns").size());
        assertEquals(4, files("templates/sam-translator").size());
        assertEquals(3, files("templates/aws-docs").size()); // YAML with short forms, for the command-line checker
        for (Path file : all) {
            assertTrue(index.contains("`" + file.getFileName() + "`"), file + " is not listed with its source in README.md");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentPassesWithoutAnError() {
        return documents().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            // Given a real document, When checked on its own
            CheckResult result = check.checkDocument(read(file), file.getFileName().toString());

            // Then nothing the import would reject is reported, and its operations were all seen
            assertEquals("", lines(errors(result.findings())), result.checked());
            assertFalse(result.checked().contains(" 0 operations"), result.checked());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyTemplatePassesTheDeployabilityChecksWithoutAnError() {
        return files("templates/sam-translator").stream().map(file -> DynamicTest.dynamicTest(
                file.getFileName().toString(), () -> {
                    List<Finding> findings = DeployChecks.deployabilityFindings(read(file));
                    assertEquals("", lines(errors(findings)));
                }));
    }

    /** A deliberate break of a document, and the error it must cause (path, words). */
    private record Break(String name, Consumer<ObjectNode> apply, String path, String message) {
    }

    private static Map.Entry<String, ObjectNode> firstOperation(ObjectNode document) {
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if ((ApiGatewayImportRules.METHODS.contains(entry.getKey()) || entry.getKey().equals(ApiGatewayImportRules.ANY_METHOD))
                        && entry.getValue().has(ApiGatewayImportRules.INTEGRATION)) {
                    return Map.entry("paths." + path.getKey() + "." + entry.getKey(), (ObjectNode) entry.getValue());
                }
            }
        }
        throw new IllegalStateException("no operation with an integration");
    }

    private static List<Break> breaks(ObjectNode document) {
        String operation = firstOperation(document).getKey();
        boolean swagger = document.has("swagger");
        return List.of(
                new Break("integration removed", d -> firstOperation(d).getValue().remove(ApiGatewayImportRules.INTEGRATION),
                        operation, "the operation has no x-amazon-apigateway-integration"),
                new Break("integration type misspelt", d -> ((ObjectNode) firstOperation(d).getValue()
                        .get(ApiGatewayImportRules.INTEGRATION)).put("type", "lambda"),
                        operation + ".x-amazon-apigateway-integration.type", "'lambda' is not an integration type"),
                swagger
                        ? new Break("Swagger 1.2", d -> d.put("swagger", "1.2"), "swagger", "the document is Swagger 1.2")
                        : new Break("OpenAPI 3.1", d -> d.put("openapi", "3.1.0"), "openapi", "not 3.1"));
    }

    @TestFactory
    Stream<DynamicTest> brokenCopiesOfEveryDocumentFail() {
        return documents().stream().flatMap(file -> breaks((ObjectNode) read(file)).stream().map(broken ->
                DynamicTest.dynamicTest(file.getFileName() + ": " + broken.name(), () -> {
                    // Given a copy of a real document with one thing broken
                    ObjectNode document = (ObjectNode) read(file);
                    broken.apply().accept(document);

                    // When checked, Then the import's objection is reported as an error where the break is
                    List<Finding> errors = errors(check.checkDocument(document, "broken").findings());
                    assertTrue(errors.stream().anyMatch(f -> f.path().equals(broken.path())
                                    && f.message().contains(broken.message())),
                            "expected '" + broken.message() + "' at " + broken.path() + " in\n" + lines(errors));
                })));
    }

    @Test
    void aBrokenBodyInACorpusTemplateFails() {
        // Given SAM's template with the authorizer-and-key form, its first operation's integration removed
        ObjectNode template = (ObjectNode) read(CORPUS.resolve("templates/sam-translator/globals_for_api.json"));
        ObjectNode body = (ObjectNode) template.at("/Resources/ExplicitApi/Properties/Body");
        firstOperation(body).getValue().remove(ApiGatewayImportRules.INTEGRATION);

        // When checked, Then the missing integration is an error of that RestApi's Body
        List<Finding> errors = errors(DeployChecks.deployabilityFindings(template));
        assertEquals(1, errors.size(), lines(errors));
        assertEquals("ExplicitApi Body paths./.get", errors.get(0).location());
    }
}
