package dev.gatehouse.deploy;

import dev.gatehouse.testing.CdkJsonContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.api.Authorization;
import dev.gatehouse.api.CorsPolicy;
import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.RouteOptions;
import dev.gatehouse.auth.LambdaAuthorizer;
import dev.gatehouse.integrations.Integrations;
import dev.gatehouse.integrations.MockResponse;
import dev.gatehouse.sample.SampleApp;
import dev.gatehouse.sample.SampleStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;

/**
 * What the opt-in real deployment (scripts/deploy-smoke.sh) calls, checked offline: its plan
 * (scripts/smoke-plan.mjs) for an API with every kind of authorization, and for the sample.
 */
class SmokePlanTest {
    private static final Path ROOT = Path.of(System.getProperty("gatehouse.root", "..")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    /** The smoke test's calls for {@code document}, one tab-separated line each. */
    private List<String> plan(JsonNode document, String... options) throws IOException, InterruptedException {
        Path file = temp.resolve("document.openapi.json");
        JSON.writeValue(file.toFile(), document);
        List<String> command = new java.util.ArrayList<>(List.of("node", ROOT.resolve("scripts/smoke-plan.mjs").toString()));
        command.addAll(List.of(options));
        command.add(file.toString());
        Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(60, TimeUnit.SECONDS), "smoke-plan.mjs did not finish");
        assertEquals(0, node.exitValue(), output);
        return output.lines().toList();
    }

    @Test
    void everyRouteIsCalledUnauthenticatedAndWhereItCanBeSignedAlsoSigned() throws Exception {
        // Given an API with each kind of authorization
        App app = new App();
        Stack stack = new Stack(app, "S");
        Function fn = Function.Builder.create(stack, "Fn").runtime(Runtime.NODEJS_22_X).handler("index.handler")
                .code(Code.fromInline("exports.handler = async () => ({ statusCode: 200 });")).build();
        GatewayApi api = GatewayApi.Builder.create(stack, "Api")
                .cors(CorsPolicy.builder().allowOrigins(List.of("https://app.example.com")).build()).build();
        api.route("GET /health", Integrations.mock(MockResponse.json(200, "{}")), RouteOptions.of(Authorization.none()));
        api.route("POST /orders/{id}", Integrations.lambda(fn), RouteOptions.of(Authorization.iam()));
        api.route("ANY /files/{path+}", Integrations.http("https://files.example.com/{path}"), RouteOptions.of(Authorization.iam()));
        api.route("GET /partner", Integrations.lambda(fn), RouteOptions.builder()
                .authorization(Authorization.iam()).apiKeyRequired(true).build());
        api.route("GET /me", Integrations.lambda(fn), RouteOptions.of(LambdaAuthorizer.token(fn).build().authorization()));

        // When the smoke test plans its calls
        List<String> plan = plan(api.getResolvedOpenApiDocument());

        // Then public routes must answer, the others must refuse anonymous callers, and signed or
        // keyed calls must get through; authorizer routes (which need a token) are only refused
        assertEquals(List.of(
                "OPTIONS\t/files/smoke/test\tnone\t204\tpublic",
                "GET\t/files/smoke/test\tnone\tdenied\tsigv4 required",
                "GET\t/files/smoke/test\tsigv4\treached\tauthorized",
                "GET\t/health\tnone\t200\tpublic",
                "OPTIONS\t/health\tnone\t204\tpublic",
                "GET\t/me\tnone\tdenied\tauthorizer required",
                "OPTIONS\t/me\tnone\t204\tpublic",
                "POST\t/orders/smoke-test\tnone\tdenied\tsigv4 required",
                "POST\t/orders/smoke-test\tsigv4\t2xx\tauthorized",
                "OPTIONS\t/orders/smoke-test\tnone\t204\tpublic",
                "GET\t/partner\tnone\tdenied\tsigv4+api-key required",
                "GET\t/partner\tsigv4+api-key\t2xx\tauthorized",
                "OPTIONS\t/partner\tnone\t204\tpublic"), plan);
    }

    @Test
    void withATokenTheRoutesBehindAnAuthorizerAreCalledWithItToo() throws Exception {
        // Given the sample, deployed against a real issuer named in the context
        App app = CdkJsonContext.app(Map.of(
                SampleStack.ISSUER_CONTEXT, "https://login.example.org/", SampleStack.AUDIENCE_CONTEXT, "smoke"));
        SampleStack sample = SampleApp.define(app);
        JsonNode template = JSON.valueToTree(software.amazon.awscdk.assertions.Template.fromStack(sample).toJSON());
        List<String> issuers = new java.util.ArrayList<>();
        template.path("Resources").forEach(r -> {
            JsonNode env = r.at("/Properties/Environment/Variables");
            if (env.has("GATEHOUSE_ISSUER")) {
                issuers.add(env.get("GATEHOUSE_ISSUER").asText() + " " + env.get("GATEHOUSE_AUDIENCE").asText());
            }
        });
        assertEquals(List.of("https://login.example.org/ smoke"), issuers);

        // When the smoke test plans its calls with a token
        List<String> plan = plan(sample.getApi().getResolvedOpenApiDocument(), "--bearer");

        // Then every JWT route is also called with the token, which must pass the authorizer
        assertTrue(plan.contains("GET\t/whoami\tnone\tdenied\tauthorizer required"), String.join("\n", plan));
        assertTrue(plan.contains("GET\t/whoami\tbearer\treached\ttoken accepted"), String.join("\n", plan));
        assertTrue(plan.contains("POST\t/orders\tbearer\treached\ttoken accepted"), String.join("\n", plan));
        assertTrue(plan.contains("GET\t/orders/smoke-test\tbearer\treached\ttoken accepted"), String.join("\n", plan));
        long denied = plan.stream().filter(l -> l.endsWith("\tauthorizer required")).count();
        assertEquals(denied, plan.stream().filter(l -> l.endsWith("\ttoken accepted")).count(), "one token call per JWT operation");
        // and without a token, none
        assertTrue(plan(sample.getApi().getResolvedOpenApiDocument()).stream().noneMatch(l -> l.contains("\tbearer")));
    }

    @Test
    void theSamplesEveryOperationIsInThePlan() throws Exception {
        JsonNode document = SampleApp.define(CdkJsonContext.app()).getApi().getResolvedOpenApiDocument();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            operations += path.getValue().size();
        }
        List<String> anonymous = plan(document).stream().filter(line -> line.split("\t")[2].equals("none")).toList();
        assertEquals(operations, anonymous.size(), "one unauthenticated call per operation: " + anonymous);
    }

}
