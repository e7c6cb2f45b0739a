package dev.gatehouse.checks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line checker, run in-process (its run method) and as a separate JVM (its main). */
class CheckCommandTest {
    private static final Path CORPUS = corpus();

    @TempDir
    Path temp;

    private static Path corpus() {
        try {
            return Path.of(CheckCommandTest.class.getResource("/corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a run printed and returned. */
    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CheckCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String corpusFile(String relative) {
        return CORPUS.resolve(relative).toString();
    }

    @Test
    void realDocumentsTemplatesAndACloudAssemblyPass() {
        // Given an OpenAPI 3.0 YAML document, a Swagger 2.0 JSON one, CloudFormation YAML with short forms,
        // SAM's generated template, and aws-cdk's cloud assembly with its document in an S3 asset
        Run run = run(corpusFile("documents/aws-docs/import-api-aws-variables.openapi3.yaml"),
                corpusFile("documents/aws-docs/simple-calc-lambda-api-swagger-definition.swagger2.json"),
                corpusFile("templates/aws-docs/rest-with-auth.yaml"), corpusFile("templates/aws-docs/rest-lambda-proxy.yaml"),
                corpusFile("templates/aws-docs/usage-plan.yaml"), corpusFile("templates/sam-translator/globals_for_api.json"),
                corpusFile("cloud-assembly/spec-restapi"));

        // When checked, Then each is listed with what was checked, and the run passes
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("import-api-aws-variables.openapi3.yaml\n  0 errors, 0 warnings (openapi: document "
                + "import-api-aws-variables.openapi3.yaml, 1 operations)\n"), run.out());
        assertTrue(run.out().contains("rest-with-auth.yaml\n  0 errors, 0 warnings (cfn-schema: 8 resources, "), run.out());
        assertTrue(run.out().contains("openapi: 1 RestApi Body document, 1 operations (1 read from S3 assets))"), run.out());
        assertTrue(run.out().endsWith("7 checked: 0 errors, 0 warnings. PASSED\n"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void findingsArePrintedWithTheirPlaceAndErrorsFailTheRun() throws IOException {
        // Given an AWS example whose integration type is misspelt, and a template whose Ref names no resource
        Path document = temp.resolve("api.json");
        Files.writeString(document, Files.readString(CORPUS.resolve("documents/aws-docs/setup-http-integrations.openapi3.json"))
                .replace("\"type\": \"http_proxy\"", "\"type\": \"http_proxi\""));
        Path template = temp.resolve("template.yaml");
        Files.writeString(template, Files.readString(CORPUS.resolve("templates/aws-docs/rest-lambda-proxy.yaml"))
                .replace("!Ref MyAPI", "!Ref MyApi"));

        // When checked
        Run run = run(document.toString(), template.toString());

        // Then each finding names its check, subject, path and problem, and the run fails with status 1
        assertEquals(1, run.status(), run.out());
        assertTrue(run.out().contains("  [openapi] api.json paths./{proxy+}.x-amazon-apigateway-any-method"
                + ".x-amazon-apigateway-integration.type: 'http_proxi' is not an integration type"), run.out());
        assertTrue(run.out().contains("  [cfn-schema] Method (AWS::ApiGateway::Method) Properties.RestApiId.Ref: Ref to "
                + "'MyApi', which is neither a parameter, a resource nor a pseudo parameter. Did you mean 'MyAPI'?"), run.out());
        assertTrue(run.out().endsWith(". FAILED\n"), run.out());
    }

    @Test
    void warningsFailOnlyWhenAskedAndPostureRulesOnlyWhenAsked() {
        // Given an AWS sample that imports with a warning (x-amazon-apigateway-cors in a REST API)
        String document = corpusFile("documents/serverless-patterns/apigw-kinesis-lambda-ddb--api.yaml");

        // When checked plainly, with --fail-on-warnings, and with --posture
        Run plain = run(document);
        Run strict = run("--fail-on-warnings", document);
        Run posture = run("--posture", document);

        // Then a warning passes unless warnings fail; Gatehouse's posture rules are opt-in
        assertEquals(0, plain.status(), plain.out());
        assertTrue(plain.out().endsWith("1 checked: 0 errors, 2 warnings. PASSED\n"), plain.out());
        assertEquals(1, strict.status(), strict.out());
        assertTrue(strict.out().endsWith("1 checked: 0 errors, 2 warnings. FAILED\n"), strict.out());
        assertTrue(posture.out().contains("[api-posture]"), posture.out());
        assertTrue(!plain.out().contains("[api-posture]"), plain.out());
    }

    @Test
    void aTemplateInsideACloudAssemblyFindsItsAssets() {
        // Given the template file of aws-cdk's assembly, named on its own
        Run run = run(corpusFile("cloud-assembly/spec-restapi/test-apigateway-spec-restapi.template.json"));

        // When checked, Then its BodyS3Location is read from the assembly around it
        assertEquals(0, run.status(), run.out());
        assertTrue(run.out().contains("(1 read from S3 assets)"), run.out());
    }

    @Test
    void unusableInputsAndCommandLinesExitWithTwo() throws IOException {
        // Given a SAM template, a missing file, a directory that is no cloud assembly, and an unknown option
        Path sam = temp.resolve("sam.yaml");
        Files.writeString(sam, "Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::Api\n");

        Run inputs = run(sam.toString(), temp.resolve("missing.json").toString(), temp.toString());
        Run option = run("--strict", "x.json");
        Run none = run();

        // Then each says why and how to fix it, on standard error, with status 2
        assertEquals(2, inputs.status());
        assertTrue(inputs.err().contains("Cannot check: " + sam + " uses the AWS::Serverless transform (SAM), which "
                + "CloudFormation expands at deploy time"), inputs.err());
        assertTrue(inputs.err().contains("Cannot check: " + temp.resolve("missing.json") + " does not exist."), inputs.err());
        assertTrue(inputs.err().contains("Cannot check: " + temp + " is not a cloud assembly (it has no manifest.json)"),
                inputs.err());
        assertEquals(2, option.status());
        assertTrue(option.err().startsWith("Unknown option --strict.\nUsage: java -jar gatehouse-checks-cli.jar"), option.err());
        assertEquals(2, none.status());
        assertTrue(none.err().startsWith("Usage:"), none.err());
        assertEquals(0, run("--help").status());
    }

    @Test
    void asASeparateProcessInAnyDirectoryTheExitStatusTellsTheResult() throws IOException, InterruptedException {
        // Given a directory with nothing in it (no node_modules, no system properties pointing anywhere)
        Path broken = temp.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(CORPUS.resolve("documents/aws-docs/import-api-aws-variables.openapi3.yaml"))
                .replace("httpMethod: \"POST\"", "httpMethod: \"GET\""));

        // When main runs in its own JVM on a good and a broken document
        Process good = start(corpusFile("documents/aws-docs/create-api-using-swagger.swagger2.json"));
        Process bad = start(broken.toString());

        // Then the statuses are 0 and 1, and the finding is printed
        assertEquals(0, good.waitFor(), new String(good.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        String out = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, bad.waitFor(), out);
        assertTrue(out.contains("paths./.get.x-amazon-apigateway-integration.httpMethod: Lambda is invoked with POST"), out);
    }

    private Process start(String argument) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CheckCommand.class.getName(), argument));
        Process process = new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the checker did not finish: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process;
    }
}
