package dev.gatehouse.lambda.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The shaded stage-cache jar on its own: it holds what the handler needs, and nothing of the other handlers. */
class StageCacheShadedJarTest {
    private static Path shadedJar() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-stage-cache.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no *-stage-cache.jar in target/: run the process-classes phase"));
        }
    }

    @Test
    void containsTheHandlerTheApiGatewayClientAndNoOtherHandler() throws Exception {
        try (ZipFile jar = new ZipFile(shadedJar().toFile())) {
            for (String expected : List.of("dev/gatehouse/lambda/cache/StageCacheHandler.class",
                    "software/amazon/awssdk/services/apigateway/ApiGatewayClient.class",
                    "software/amazon/awssdk/http/apache/ApacheHttpClient.class")) {
                assertTrue(jar.getEntry(expected) != null, "missing " + expected);
            }
            List<String> unwanted = jar.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("dev/gatehouse/lambda/") && n.endsWith(".class") && !n.startsWith("dev/gatehouse/lambda/cache/")
                            || n.startsWith("io/netty/") || n.startsWith("software/amazon/awssdk/services/secretsmanager/")
                            || n.startsWith("software/amazon/awssdk/services/rds/")
                            || n.startsWith("software/amazon/awssdk/http/urlconnection/") || n.startsWith("org/postgresql/"))
                    .toList();
            assertEquals(List.of(), unwanted);
        }
    }

    @Test
    void runsFromTheEnvironmentInAJvmWithOnlyTheShadedJar() throws Exception {
        try (LocalApiGateway apiGateway = new LocalApiGateway(Map.of("*/*", LocalApiGateway.setting(false),
                "~1catalog/GET", LocalApiGateway.setting(true), "~1orders/GET", LocalApiGateway.setting(true)), "AVAILABLE");
                ResponseUrl responseUrl = new ResponseUrl()) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", shadedJar() + File.pathSeparator + Path.of("target", "test-classes"),
                    StageCacheSmoke.class.getName(), LocalApiGateway.API_ID, LocalApiGateway.STAGE, responseUrl.url());
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("AWS_"));
            env.put("AWS_REGION", "eu-west-1");
            env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
            env.put("AWS_SECRET_ACCESS_KEY", "dummy");
            env.put("AWS_ENDPOINT_URL_API_GATEWAY", apiGateway.endpoint().toString());
            pb.redirectErrorStream(true);
            Process process = pb.start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the smoke JVM did not finish");
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains("RESPONSE SUCCESS a1b2c3d4e5/prod/cache"), output);
            assertEquals("SUCCESS", responseUrl.only().get("Status").asText(), "CloudFormation was answered");
            assertEquals("true", responseUrl.only().at("/Data/Flushed").asText());
            assertEquals("2", responseUrl.only().at("/Data/PatchOperations").asText());
            assertEquals("SUCCEED_WITHOUT_RESPONSE_HEADER",
                    apiGateway.settingField("~1catalog/GET", "unauthorizedCacheControlHeaderStrategy"));
            assertEquals("FAIL_WITH_403", apiGateway.settingField("~1orders/GET", "unauthorizedCacheControlHeaderStrategy"));
            assertEquals(1, apiGateway.requests("DELETE").size(), "FlushStageCache, through the SDK in the shaded jar");
            assertTrue(apiGateway.requests("PATCH").get(0).authorization().contains("/eu-west-1/apigateway/aws4_request"),
                    "signed for API Gateway in the function's Region: " + apiGateway.requests("PATCH").get(0).authorization());
        }
    }
}
