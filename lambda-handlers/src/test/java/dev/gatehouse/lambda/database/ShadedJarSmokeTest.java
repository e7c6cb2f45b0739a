package dev.gatehouse.lambda.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The shaded database-proxy jar on its own: it holds what the handler needs, and nothing of the other handlers. */
class ShadedJarSmokeTest {
    private static Path shadedJar() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-database-proxy.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no *-database-proxy.jar in target/: run the process-classes phase"));
        }
    }

    @Test
    void containsTheHandlerItsDriversAndNoOtherHandler() throws Exception {
        try (ZipFile jar = new ZipFile(shadedJar().toFile())) {
            for (String expected : List.of("dev/gatehouse/lambda/database/DatabaseProxyHandler.class",
                    "dev/gatehouse/lambda/database/SchemaHandler.class",
                    "dev/gatehouse/database/config/NamedSql.class", "org/postgresql/Driver.class",
                    "org/mariadb/jdbc/Driver.class", "software/amazon/awssdk/services/rds/RdsUtilities.class",
                    "software/amazon/awssdk/services/secretsmanager/SecretsManagerClient.class",
                    "software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class",
                    "com/amazonaws/services/lambda/runtime/events/APIGatewayProxyRequestEvent.class")) {
                assertTrue(jar.getEntry(expected) != null, "missing " + expected);
            }
            List<String> unwanted = jar.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("dev/gatehouse/lambda/echo/") || n.startsWith("io/netty/")
                            || n.startsWith("org/apache/http") || n.startsWith("software/amazon/awssdk/http/apache")
                            || n.startsWith("software/amazon/awssdk/services/rds/model/DescribeDbInstances")
                            || n.startsWith("org/joda/"))
                    .collect(Collectors.toList());
            assertEquals(List.of(), unwanted);
        }
    }

    @Test
    void runsFromTheEnvironmentInAJvmWithOnlyTheShadedJar() throws Exception {
        String[] hp = TestDatabases.hostPort(TestDatabases.postgresUrl(), 5432);
        String url = TestDatabases.postgresUrl();
        String database = TestDatabases.withoutQuery(url).substring(TestDatabases.withoutQuery(url).lastIndexOf('/') + 1);
        try (LocalSecretsManager sm = new LocalSecretsManager("postgres", "unused-with-trust-auth")) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", shadedJar() + File.pathSeparator + Path.of("target", "test-classes"),
                    ShadedJarSmoke.class.getName());
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("GATEHOUSE_") || k.startsWith("AWS_"));
            env.put("GATEHOUSE_DB_ENGINE", "postgresql");
            env.put("GATEHOUSE_DB_HOST", hp[0]);
            env.put("GATEHOUSE_DB_PORT", hp[1]);
            env.put("GATEHOUSE_DB_NAME", database);
            env.put("GATEHOUSE_DB_AUTH", "secret");
            env.put("GATEHOUSE_DB_SECRET_ARN", LocalSecretsManager.SECRET_ARN);
            env.put("GATEHOUSE_DB_TLS", "disable");
            env.put("GATEHOUSE_DB_ROUTES", "{\"version\": 1, \"engine\": \"postgresql\", \"routes\": [{\"route\":"
                    + " \"GET /answer\", \"sql\": \"SELECT 41 + 1 AS answer\", \"result\": \"one\"}]}");
            env.put("AWS_REGION", "us-east-1");
            env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
            env.put("AWS_SECRET_ACCESS_KEY", "dummy");
            env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", sm.endpoint().toString());
            pb.redirectErrorStream(true);
            Process process = pb.start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the smoke JVM did not finish");
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains("STATUS 200"), output);
            assertTrue(output.contains("BODY {\"answer\":42}"), output);
            // an RDS IAM token: a SigV4 presigned connect request for the user, signed by the SDK in the jar
            assertTrue(output.contains("TOKEN db.example.com:5432/?"), output);
            assertTrue(output.contains("Action=connect"), output);
            assertTrue(output.contains("DBUser=app"), output);
            assertTrue(output.contains("X-Amz-Algorithm=AWS4-HMAC-SHA256"), output);
            assertTrue(output.matches("(?s).*X-Amz-Credential=AKIDEXAMPLE%2F\\d{8}%2Fus-east-1%2Frds-db%2Faws4_request.*"), output);
            assertEquals(1, sm.calls(), "the secret was read through the SDK in the shaded jar");
        }
    }
}
