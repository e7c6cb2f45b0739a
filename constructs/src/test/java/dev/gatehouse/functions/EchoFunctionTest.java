package dev.gatehouse.functions;

import static dev.gatehouse.testing.Fixtures.onlyResource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.functions.internal.HandlerAssets;
import dev.gatehouse.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cxapi.CloudAssembly;

class EchoFunctionTest {

    @Test
    void bundledJarTravelsInsideTheConstructsArtifactAndHoldsTheHandler() throws Exception {
        // Given the jar embedded in this artifact's classpath
        Path jar = HandlerAssets.jar("echo");
        // Then it holds the handler class and its dependencies, and nothing of other handlers
        try (JarFile file = new JarFile(jar.toFile())) {
            assertNotNull(file.getEntry("dev/gatehouse/lambda/echo/EchoHandler.class"));
            assertNotNull(file.getEntry("com/fasterxml/jackson/databind/ObjectMapper.class"));
            assertNotNull(file.getEntry("com/amazonaws/services/lambda/runtime/RequestHandler.class"));
            assertTrue(file.stream().noneMatch(e -> e.getName().startsWith("dev/gatehouse/lambda/")
                    && !e.getName().startsWith("dev/gatehouse/lambda/echo/")
                    && !e.isDirectory()));
        }
        // and the extracted file is byte for byte the jar embedded in gatehouse-constructs, in a
        // directory named after its content (so a changed jar is a new asset)
        try (java.io.InputStream embedded = HandlerAssets.class.getResourceAsStream("/dev/gatehouse/functions/assets/echo.jar")) {
            byte[] bytes = embedded.readAllBytes();
            org.junit.jupiter.api.Assertions.assertArrayEquals(bytes, Files.readAllBytes(jar));
            assertTrue(jar.getParent().getFileName().toString()
                    .equals("echo-" + dev.gatehouse.api.internal.Hashing.sha256Hex(bytes).substring(0, 16)), jar.toString());
        }
    }

    @Test
    void synthesizesAJava21Arm64FunctionWithTracingAndRetainedLogs() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        new EchoFunction(stack, "Echo");

        JsonNode template = Fixtures.templateJson(stack);
        JsonNode fn = onlyResource(template, "AWS::Lambda::Function").get("Properties");
        assertEquals(EchoFunction.HANDLER, fn.get("Handler").asText());
        assertEquals("java21", fn.get("Runtime").asText());
        assertEquals("[\"arm64\"]", fn.get("Architectures").toString());
        assertEquals("Active", fn.at("/TracingConfig/Mode").asText());
        assertTrue(fn.at("/Code/S3Key").asText().endsWith(".jar"), fn.at("/Code/S3Key").asText());
        JsonNode logs = onlyResource(template, "AWS::Logs::LogGroup");
        assertEquals(logs.get("id").asText(), fn.at("/LoggingConfig/LogGroup/Ref").asText());
        assertEquals(90, logs.at("/Properties/RetentionInDays").asInt());

        // and the jar is staged as an asset of the cloud assembly
        CloudAssembly assembly = app.synth();
        String key = fn.at("/Code/S3Key").asText();
        Path staged = Path.of(assembly.getDirectory(), "asset." + key);
        assertTrue(Files.isRegularFile(staged), "missing " + staged);
    }

    @Test
    void executionRoleMayWriteOnlyItsOwnLogGroupAndTraces() {
        // Given a bundled function
        App app = new App();
        Stack stack = new Stack(app, "S");
        new EchoFunction(stack, "Echo");

        // When it is synthesized
        JsonNode template = Fixtures.templateJson(stack);

        // Then its role uses no AWS managed policy (AWSLambdaBasicExecutionRole allows every log group)
        JsonNode role = onlyResource(template, "AWS::IAM::Role");
        assertTrue(role.at("/Properties/ManagedPolicyArns").isMissingNode(), role.toString());
        assertEquals(role.get("id").asText(),
                onlyResource(template, "AWS::Lambda::Function").at("/Properties/Role/Fn::GetAtt/0").asText());
        // and its policy allows writing to the function's log group, and sending traces to X-Ray
        JsonNode statements = onlyResource(template, "AWS::IAM::Policy").at("/Properties/PolicyDocument/Statement");
        String logGroup = onlyResource(template, "AWS::Logs::LogGroup").get("id").asText();
        assertEquals(2, statements.size(), statements.toString());
        assertEquals("[\"logs:CreateLogStream\",\"logs:PutLogEvents\"]", statements.at("/0/Action").toString());
        assertEquals("{\"Fn::GetAtt\":[\"" + logGroup + "\",\"Arn\"]}", statements.at("/0/Resource").toString());
        assertEquals("[\"xray:PutTraceSegments\",\"xray:PutTelemetryRecords\"]", statements.at("/1/Action").toString());
        assertEquals("*", statements.at("/1/Resource").asText(), "X-Ray has no resource-level permissions");
    }
}
