package dev.gatehouse.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A template written by hand with the OpenAPI Body as an object (not text): request validation,
 * mapping templates with $input/$util/$context/$stageVariables, a customized gateway response,
 * and integrations that do not run locally.
 */
class HandWrittenTemplateTest {
    private static LocalGateway gateway;

    @BeforeAll
    static void serve() throws Exception {
        // the template as written, and the test functions as its one function's code asset
        Path source = Path.of(HandWrittenTemplateTest.class.getResource("/assemblies/object-body/manifest.json").toURI())
                .getParent();
        Path assembly = Files.createTempDirectory("gatehouse-local-object-body-");
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, assembly.resolve(file.getFileName()));
            }
        }
        Path functions = assembly.resolve("asset.probe/dev/gatehouse/local/testfunctions");
        Files.createDirectories(functions);
        try (Stream<Path> classes = Files.list(Path.of("target/test-classes/dev/gatehouse/local/testfunctions"))) {
            for (Path file : classes.toList()) {
                Files.copy(file, functions.resolve(file.getFileName()));
            }
        }
        gateway = LocalGateway.Builder.create(assembly).accessLog(line -> { }).build();
    }

    @Test
    void customLambdaIntegrationMapsTheRequestAndSelectsTheResponseByErrorMessage() {
        LocalResponse ok = gateway.client().post("/compute?action=none", "{\"value\":[1,2]}").send();
        assertEquals(200, ok.status(), ok.body());
        assertTrue(ok.body().startsWith("{\"status\":200,\"sawTemplate\":\""), ok.body());
        assertTrue(ok.body().contains("fromTemplate") && ok.body().contains("[1,2]"), ok.body());

        LocalResponse failed = gateway.client().post("/compute?action=throw", "{}").send();
        assertEquals(500, failed.status(), failed.body());
        assertEquals("{\"error\":\"probe failed on purpose\"}", failed.body());
        // '.' does not match a line break: "probe failed.*" misses a two-line message, the default answers
        LocalResponse twoLines = gateway.client().post("/compute?action=throw-lines", "{}").send();
        assertEquals(200, twoLines.status(), twoLines.body());
        assertEquals("{\"status\":null,\"sawTemplate\":null}", twoLines.body());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void requiredParametersAreValidatedWithApiGatewaysMessage() {
        LocalResponse missing = gateway.client().get("/search?page=2").send();
        assertEquals(400, missing.status());
        assertEquals("{\"message\":\"Missing required request parameters: [q, X-Tenant]\"}", missing.body());
        assertEquals("BadRequestException", missing.header("x-amzn-ErrorType"));

        LocalResponse ok = gateway.client().get("/search?q=a%22b").header("X-Tenant", "acme").send();
        assertEquals(200, ok.status(), ok.body());
        // $input.params().header.X-Tenant: '-' belongs to the identifier, as in API Gateway's Velocity 1.7 syntax
        assertEquals("{\"q\":\"a\\\"b\",\"tenant\":\"acme\",\"header\":\"acme\",\"stage\":\"v1\",\"api\":\"vanilla\"}",
                ok.body());
    }

    @Test
    void bodiesAreValidatedAgainstTheModelAndTheCustomizedResponseAnswers() {
        for (String invalid : new String[] {"{\"customer\":\"ada\"}", "{\"customer\":\"ada\",\"total\":-1}",
                "{\"customer\":\"ada\",\"total\":1,\"extra\":true}", "{\"customer\":\"ada\",\"total\":1,\"items\":[1]}",
                "not json"}) {
            LocalResponse response = gateway.client().post("/orders", invalid).send();
            assertEquals(422, response.status(), invalid);
            assertEquals("schema", response.header("X-Reason"));
            assertEquals("{\"error\":\"Invalid request body\",\"type\":\"BAD_REQUEST_BODY\"}", response.body());
        }
    }

    @Test
    void mappingTemplatesSelectTheIntegrationResponseAndShapeTheBody() {
        LocalResponse created = gateway.client().post("/orders", "{\"customer\":\"ada\",\"total\":5,\"items\":[\"a\",\"b\"]}")
                .send();
        assertEquals(201, created.status(), created.body());
        assertEquals("/orders/1", created.header("Location"));
        assertEquals("{\"stage\":\"v1\",\"flavour\":\"vanilla\",\"method\":\"POST\"}", created.body());

        LocalResponse review = gateway.client().post("/orders", "{\"customer\":\"bob\",\"total\":500}").send();
        assertEquals(202, review.status(), review.body());
        // a mock's integration response has no payload: $input in a response template is empty
        assertEquals("{\"review\":true,\"integrationBody\":\"\"}", review.body());
    }

    @Test
    void passthroughNeverRefusesAnUnmappedContentType() {
        LocalResponse response = gateway.client().request("POST", "/open").header("Content-Type", "text/plain")
                .body("hello").send();
        assertEquals(415, response.status());
        assertEquals("{\"message\":\"Unsupported Media Type\"}", response.body());
    }

    @Test
    void backendsThatDoNotRunLocallyAnswer501NamingTheRoute() {
        LocalResponse elsewhere = gateway.client().get("/functions").send();
        assertEquals(501, elsewhere.status());
        assertTrue(elsewhere.body().contains("GET /functions"), elsewhere.body());
        assertTrue(elsewhere.body().contains("function:elsewhere"), elsewhere.body());
        LocalResponse states = gateway.client().post("/states", "{}").send();
        assertEquals(501, states.status());
        assertTrue(states.body().contains("POST /states") && states.body().contains("--integration-url"), states.body());
    }
}
