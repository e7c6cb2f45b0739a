package dev.gatehouse.lambda.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The shaded openapi-document jar on its own: what the handler needs, nothing of the other handlers, and it runs. */
class DocumentJarTest {
    private static Path shadedJar() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-openapi-document.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no *-openapi-document.jar in target/: run the process-classes phase"));
        }
    }

    @Test
    void holdsTheHandlerAndTheS3ClientOnly() throws Exception {
        try (ZipFile jar = new ZipFile(shadedJar().toFile())) {
            for (String expected : List.of("dev/gatehouse/lambda/document/DocumentPublisherHandler.class",
                    "software/amazon/awssdk/services/s3/S3Client.class",
                    "software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class",
                    "com/fasterxml/jackson/core/io/JsonStringEncoder.class",
                    "com/amazonaws/services/lambda/runtime/RequestHandler.class")) {
                assertTrue(jar.getEntry(expected) != null, "missing " + expected);
            }
            List<String> unwanted = jar.stream().map(e -> e.getName())
                    .filter(n -> (n.startsWith("dev/gatehouse/") && !n.endsWith("/") && !n.startsWith("dev/gatehouse/lambda/document/"))
                            || n.startsWith("io/netty/") || n.startsWith("org/apache/http")
                            || n.startsWith("software/amazon/awssdk/services/secretsmanager/")
                            || n.startsWith("software/amazon/awssdk/services/rds/")
                            || n.startsWith("com/fasterxml/jackson/databind/") || n.startsWith("org/postgresql/"))
                    .toList();
            assertEquals(List.of(), unwanted);
        }
    }

    @Test
    void publishesADocumentInAJvmWithOnlyTheShadedJar() throws Exception {
        try (LocalS3 s3 = new LocalS3(); ResponseCatcher cloudFormation = new ResponseCatcher()) {
            s3.put("assets", "document.json", DocumentPublisherTest.TEMPLATE);
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", shadedJar() + File.pathSeparator + Path.of("target", "test-classes"),
                    DocumentJarSmoke.class.getName(), s3.endpoint().toString(), cloudFormation.url());
            pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
            pb.redirectErrorStream(true);
            Process process = pb.start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the smoke JVM did not finish");
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains("SMOKE DONE"), output);
            assertEquals("SUCCESS", cloudFormation.caught.get(0).body().get("Status").asText(), output);
            String key = cloudFormation.caught.get(0).body().at("/Data/Key").asText();
            assertTrue(s3.current("documents", key).text().contains("\"x-owner\":\"from the jar\""));
        }
    }
}
