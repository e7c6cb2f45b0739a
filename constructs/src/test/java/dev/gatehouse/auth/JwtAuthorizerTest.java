package dev.gatehouse.auth;

import static dev.gatehouse.testing.Fixtures.onlyResource;
import static dev.gatehouse.testing.Fixtures.synthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.GatewayApiProps;
import dev.gatehouse.api.RouteOptions;
import dev.gatehouse.integrations.Integrations;
import dev.gatehouse.integrations.MockResponse;
import dev.gatehouse.integrations.RouteIntegration;
import dev.gatehouse.testing.Fixtures;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cxapi.CloudAssembly;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwtAuthorizerTest {
    private static final RouteIntegration OK = Integrations.mock(MockResponse.json(200, "{}"));
    private JsonNode template;
    private JsonNode function;
    private CloudAssembly assembly;

    @BeforeAll
    void synthesize() {
        // Given a JWT authorizer as the API's default, with per-route scopes
        App app = new App();
        Stack stack = new Stack(app, "S");
        JwtAuthorizer jwt = JwtAuthorizer.Builder.create(stack, "Jwt")
                .issuer("https://auth.example.com/")
                .audiences(List.of("orders-api", "admin-console"))
                .algorithms(List.of(JwtAlgorithm.RS256, JwtAlgorithm.ES256))
                .contextClaims(List.of("email"))
                .build();
        GatewayApi api = new GatewayApi(stack, "Api", GatewayApiProps.builder()
                .defaultAuthorization(jwt.requireScopes("orders:read")).build());
        api.route("GET /orders", OK);
        api.route("POST /orders", OK, RouteOptions.of(jwt.requireScopes("orders:write")));
        api.route("GET /me", OK, RouteOptions.of(jwt.authorization()));
        template = Fixtures.templateJson(stack);
        assembly = app.synth();
        for (JsonNode r : template.get("Resources")) {
            if (r.at("/Properties/Handler").asText().equals(JwtAuthorizer.HANDLER)) {
                function = r.get("Properties");
            }
        }
    }

    @Test
    void functionIsTheBundledHandlerWithSnapStartAndItsConfiguration() throws Exception {
        assertEquals("java21", function.get("Runtime").asText());
        assertEquals("PublishedVersions", function.at("/SnapStart/ApplyOn").asText());
        JsonNode env = function.at("/Environment/Variables");
        assertEquals("https://auth.example.com/.well-known/jwks.json", env.get("GATEHOUSE_JWKS_URL").asText());
        assertEquals("https://auth.example.com/", env.get("GATEHOUSE_ISSUER").asText());
        assertEquals("orders-api,admin-console", env.get("GATEHOUSE_AUDIENCE").asText());
        assertEquals("RS256,ES256", env.get("GATEHOUSE_ALGORITHMS").asText());
        assertEquals("60", env.get("GATEHOUSE_CLOCK_SKEW_SECONDS").asText());
        assertEquals("email", env.get("GATEHOUSE_CONTEXT_CLAIMS").asText());
        assertFalse(env.has("GATEHOUSE_ROUTE_SCOPES"), "the route scopes travel with the code, not in the environment");
        // every route of the authorizer, with its scopes, for policies that cover them all, in a
        // file beside the jar in the function's code asset
        Path code = Path.of(assembly.getDirectory(), "asset." + function.at("/Code/S3Key").asText().replace(".zip", ""));
        assertTrue(Files.isRegularFile(code.resolve("lib/jwt-authorizer.jar")), code.toString());
        JsonNode scopes = Fixtures.JSON.readTree(code.resolve(JwtAuthorizer.ROUTE_SCOPES_FILE).toFile());
        assertEquals("{\"routes\":{\"GET /me\":[],\"GET /orders\":[\"orders:read\"],\"POST /orders\":[\"orders:write\"]}}",
                scopes.toString());
    }

    @Test
    void theBundledHandlerAcceptsTheSynthesizedConfiguration() throws Exception {
        // Given the function's code directory and environment as Lambda would provide them
        Path code = Path.of(assembly.getDirectory(), "asset." + function.at("/Code/S3Key").asText().replace(".zip", ""));
        Map<String, String> environment = new HashMap<>();
        function.at("/Environment/Variables").fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        environment.put("LAMBDA_TASK_ROOT", code.toString());
        // When the handler's own configuration loader reads them, from the jar alone
        try (URLClassLoader jar = new URLClassLoader(new URL[] {code.resolve("lib/jwt-authorizer.jar").toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> config = jar.loadClass("dev.gatehouse.lambda.jwt.JwtAuthorizerConfig");
            Object loaded = config.getMethod("fromEnvironment", Map.class).invoke(null, environment);
            Object routeScopes = config.getMethod("routeScopes").invoke(loaded);
            // Then it finds every route and its scopes
            Collection<?> routes = (Collection<?>) routeScopes.getClass().getMethod("routes").invoke(routeScopes);
            assertEquals(3, routes.size(), routes.toString());
        }
    }

    @Test
    void apiGatewayInvokesTheLiveAliasThroughATokenAuthorizer() {
        JsonNode body = onlyResource(template, "AWS::ApiGateway::RestApi").at("/Properties/Body");
        JsonNode authorizer = body.at("/components/securitySchemes/Jwt/x-amazon-apigateway-authorizer");
        assertEquals("token", authorizer.get("type").asText());
        assertEquals(300, authorizer.get("authorizerResultTtlInSeconds").asInt());
        assertTrue(authorizer.get("identityValidationExpression").asText().startsWith("^([Bb]earer )?"));
        JsonNode alias = onlyResource(template, "AWS::Lambda::Alias");
        assertEquals("live", alias.at("/Properties/Name").asText());
        assertTrue(alias.at("/Properties/FunctionVersion").toString().contains("CurrentVersion"), alias.toString());
        assertTrue(authorizer.at("/authorizerUri/Fn::Sub").asText().contains("${" + alias.get("id").asText() + "}"),
                authorizer.toString());
        assertEquals("[{\"Jwt\":[]}]", body.at("/paths/~1orders/post/security").toString(),
                "scopes are enforced by the function, not by API Gateway");
        JsonNode permission = onlyResource(template, "AWS::Lambda::Permission").get("Properties");
        assertTrue(permission.get("SourceArn").toString().contains("/authorizers/*"));
        assertEquals("{\"Ref\":\"" + alias.get("id").asText() + "\"}", permission.get("FunctionName").toString());
    }

    @Test
    void passesTheDeployChecks() {
        Fixtures.assertPassesDeployChecks(template);
    }

    @Test
    void gh402UnsafeOrIncompleteSettings() {
        String message = errorsOrNone(JwtAuthorizerProps.builder().issuer("http://auth.local/")
                .clockSkew(Duration.seconds(90)).algorithms(List.of()).contextClaims(List.of("a,b")).build(), 1, "x");
        assertTrue(message.contains("[GH402] JwtAuthorizer 'Jwt': the JWKS URL 'http://auth.local/.well-known/jwks.json' is not https."), message);
        assertTrue(message.contains("[GH402] JwtAuthorizer 'Jwt': it accepts no audience."), message);
        assertTrue(message.contains("[GH402] JwtAuthorizer 'Jwt': it accepts no signature algorithm."), message);
        assertTrue(message.contains("[GH402] JwtAuthorizer 'Jwt': the clock skew is 90 seconds."), message);
        assertTrue(message.contains("[GH402] JwtAuthorizer 'Jwt': the context claim 'a,b' is not a claim name."), message);
    }

    @Test
    void audienceListAndDisabledCheckContradict() {
        App app = new App();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new JwtAuthorizer(
                new Stack(app, "S"), "Jwt", JwtAuthorizerProps.builder().issuer("https://a/")
                        .audiences(List.of("x")).disableAudienceCheck(true).build()));
        assertTrue(e.getMessage().contains("audiences and disableAudienceCheck(true) contradict"), e.getMessage());
    }

    @Test
    void manyRoutesFitTheirFileButAMegabyteOfScopesIsGh403() {
        String fine = errorsOrNone(JwtAuthorizerProps.builder().issuer("https://auth.example.com/")
                .disableAudienceCheck(true).build(), 400, "scope");
        assertEquals("", fine, "400 routes are far from the limit");
        String message = errorsOrNone(JwtAuthorizerProps.builder().issuer("https://auth.example.com/")
                .disableAudienceCheck(true).build(), 1500, "s".repeat(700));
        assertTrue(message.contains("[GH403] JwtAuthorizer 'Jwt': its route configuration for 1500 routes takes"), message);
    }

    private static String errorsOrNone(JwtAuthorizerProps props, int routes, String scopePrefix) {
        App app = new App();
        Stack stack = new Stack(app, "S");
        JwtAuthorizer jwt = new JwtAuthorizer(stack, "Jwt", props);
        GatewayApi api = new GatewayApi(stack, "Api");
        for (int i = 0; i < routes; i++) {
            api.route("GET /resource" + i, OK, RouteOptions.of(jwt.requireScopes(scopePrefix + i)));
        }
        try {
            app.synth();
            return "";
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    @Test
    void routesDeclaredAfterTheCodeWasBuiltAreRefused() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        JwtAuthorizer jwt = JwtAuthorizer.Builder.create(stack, "Jwt").issuer("https://a.example.com/")
                .audiences(List.of("x")).build();
        GatewayApi api = new GatewayApi(stack, "Api");
        api.route("GET /a", OK, RouteOptions.of(jwt.authorization()));
        // the document names the alias, whose ARN does not depend on the code
        api.getResolvedOpenApiDocument();
        api.route("GET /later", OK, RouteOptions.of(jwt.authorization()));
        // resolving the current version (its logical id hashes the code) builds the code, route scopes included
        stack.resolve(jwt.getFunction().getCurrentVersion().getFunctionArn());
        api.route("GET /a", OK, RouteOptions.of(jwt.authorization())); // a known route: nothing changes
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> api.route("GET /b", OK, RouteOptions.of(jwt.authorization())));
        assertTrue(e.getMessage().contains("route 'GET /b' was declared after the authorizer's code was built"),
                e.getMessage());
    }

    @Test
    void gh404SharedAuthorizerWithConflictingScopes() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        JwtAuthorizer jwt = JwtAuthorizer.Builder.create(stack, "Jwt").issuer("https://a.example.com/")
                .audiences(List.of("x")).build();
        new GatewayApi(stack, "One").route("GET /orders", OK, RouteOptions.of(jwt.requireScopes("read")));
        new GatewayApi(stack, "Two").route("GET /orders", OK, RouteOptions.of(jwt.requireScopes("admin")));
        String message = synthError(app);
        assertTrue(message.contains("[GH404] route 'GET /orders': it requires scopes [admin] from authorizer 'Jwt', "
                + "which another API already uses for the same route with [read]."), message);
    }

    @Test
    void gh405CachedDecisionsThatCannotBeExact() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        JwtAuthorizer cached = JwtAuthorizer.Builder.create(stack, "Cached").issuer("https://a.example.com/")
                .audiences(List.of("x")).build();
        JwtAuthorizer uncached = JwtAuthorizer.Builder.create(stack, "Uncached").issuer("https://a.example.com/")
                .audiences(List.of("x")).resultsCacheTtl(Duration.seconds(0)).build();
        GatewayApi one = new GatewayApi(stack, "One");
        one.route("ANY /{proxy+}", OK, RouteOptions.of(cached.authorization()));
        one.route("GET /admin/{id}", OK, RouteOptions.of(cached.requireScopes("admin")));
        GatewayApi two = new GatewayApi(stack, "Two");
        two.route("ANY /{proxy+}", OK, RouteOptions.of(uncached.authorization()));
        two.route("GET /admin/{id}", OK, RouteOptions.of(uncached.requireScopes("admin")));
        String message = synthError(app);
        assertTrue(message.contains("[GH405] JwtAuthorizer 'Cached': with result caching, a token without the scopes of "
                + "'GET /admin/{id}' cannot get an exact policy"), message);
        assertFalse(message.contains("'Uncached'"), message);
    }
}
