package dev.gatehouse.checks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command-line jar, run as a user runs it ({@code java -jar}), from a directory with
 * nothing in it: it carries every dependency and the CloudFormation resource database.
 */
class CheckCommandIT {
    @TempDir
    Path temp;

    private static Path jar() {
        Path jar = Path.of(System.getProperty("gatehouse.cliJar", "target/gatehouse-checks-cli.jar"));
        assertTrue(Files.isRegularFile(jar), "the command-line jar is built by `./mvnw package`: " + jar);
        return jar;
    }

    private static Path corpus(String relative) {
        try {
            return Path.of(CheckCommandIT.class.getResource("/corpus/" + relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code java -jar} in {@code temp}; returns its status and what it printed (stdout, then stderr). */
    private List<String> javaJar(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar().toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path err = temp.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).directory(temp.toFile()).redirectError(err.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "java -jar did not finish");
        return List.of(String.valueOf(process.exitValue()), out, Files.readString(err));
    }

    @Test
    void theJarChecksACloudAssemblyAndDocumentsAnywhere() throws IOException, InterruptedException {
        // Given aws-cdk's cloud assembly (its document in an S3 asset) and an AWS Swagger 2.0 example
        // When java -jar checks them from an empty directory
        List<String> run = javaJar(corpus("cloud-assembly/spec-restapi").toString(),
                corpus("documents/aws-docs/set-up-lambda-proxy-integrations.swagger2.json").toString());

        // Then both pass, the asset's document was read, and nothing but the report is printed
        assertEquals("0", run.get(0), run.get(1) + run.get(2));
        assertTrue(run.get(1).contains("(1 read from S3 assets)"), run.get(1));
        assertTrue(run.get(1).endsWith("2 checked: 0 errors, 0 warnings. PASSED\n"), run.get(1));
        assertEquals("", run.get(2), "no logging noise on standard error");
    }

    @Test
    void theJarExitsWithOneOnErrorsAndTwoOnUnusableInput() throws IOException, InterruptedException {
        // Given a Swagger 2.0 example whose Lambda URI lost its /invocations
        Path broken = temp.resolve("broken.json");
        Files.writeString(broken, Files.readString(corpus("documents/aws-docs/set-up-lambda-proxy-integrations.swagger2.json"))
                .replace("SimpleLambda4ProxyResource/invocations", "SimpleLambda4ProxyResource"));

        // When java -jar checks it, and a file that does not exist
        List<String> errors = javaJar(broken.toString());
        List<String> unusable = javaJar(temp.resolve("none.yaml").toString());

        // Then the first fails with the finding, the second cannot be checked
        assertEquals("1", errors.get(0), errors.get(1));
        assertTrue(errors.get(1).contains("[openapi] broken.json paths./{proxy+}.x-amazon-apigateway-any-method"
                + ".x-amazon-apigateway-integration.uri: "), errors.get(1));
        assertEquals("2", unusable.get(0));
        assertTrue(unusable.get(2).startsWith("Cannot check: " + temp.resolve("none.yaml") + " does not exist."), unusable.get(2));
    }
}
