package dev.gatehouse.auth;

import static dev.gatehouse.testing.Fixtures.onlyResource;
import static dev.gatehouse.testing.Fixtures.synthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.AuthorizationConfig;
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
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.CloudAssembly;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwtAuthorizerTest {
    private static final RouteIntegration OK = Integrations.mock(MockResponse.json(200, "{}"));
    private JsonNode template;
    private JsonNode function;
    private CloudAssembly assembly;
    private JsonNode exported;

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
        exported = api.getResolvedOpenApiDocument();
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
        // When the handler's own configuration loader reads them, from the jar alone
        // Then it finds every route and its scopes
        assertEquals(3, routesTheHandlerLoads(assembly, function));
    }

    /**
     * Loads the synthesized configuration of {@code function} (environment and code directory) with
     * the bundled handler's own loader, from its jar alone, and returns how many routes it found;
     * fails with the handler's problems when it would not start.
     */
    static int routesTheHandlerLoads(CloudAssembly assembly, JsonNode function) throws Exception {
        Path code = Path.of(assembly.getDirectory(), "asset." + function.at("/Code/S3Key").asText().replace(".zip", ""));
        Map<String, String> environment = new HashMap<>();
        function.at("/Environment/Variables").properties().forEach(e -> environment.put(e.getKey(), e.getValue().asText()));
        environment.put("LAMBDA_TASK_ROOT", code.toString());
        try (URLClassLoader jar = new URLClassLoader(new URL[] {code.resolve("lib/jwt-authorizer.jar").toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> config = jar.loadClass("dev.gatehouse.lambda.jwt.JwtAuthorizerConfig");
            Object loaded;
            try {
                loaded = config.getMethod("fromEnvironment", Map.class).invoke(null, environment);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw new AssertionError("the handler would not start: " + e.getCause().getMessage(), e.getCause());
            }
            Object routeScopes = config.getMethod("routeScopes").invoke(loaded);
            return ((Collection<?>) routeScopes.getClass().getMethod("routes").invoke(routeScopes)).size();
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
    void eachRoutesScopesAreVisibleInTheExportedDocumentButNotDeployed() {
        // Given routes requiring orders:read (the default), orders:write, and any valid token
        JsonNode paths = exported.get("paths");
        // Then the exported document shows what each requires from the authorizer, beside the (empty) requirement
        assertEquals("{\"Jwt\":[\"orders:read\"]}", paths.at("/~1orders/get/x-gatehouse-scopes").toString());
        assertEquals("{\"Jwt\":[\"orders:write\"]}", paths.at("/~1orders/post/x-gatehouse-scopes").toString());
        assertTrue(paths.at("/~1me/get/x-gatehouse-scopes").isMissingNode(), "any valid token: no scopes to show");
        assertEquals("[{\"Jwt\":[]}]", paths.at("/~1me/get/security").toString());
        assertEquals("[{\"Jwt\":[]}]", paths.at("/~1orders/get/security").toString(),
                "an apiKey scheme's requirement lists no scopes (OpenAPI)");
        // And the deployed Body is the exported document without the extension (nothing an import may warn about)
        JsonNode body = onlyResource(template, "AWS::ApiGateway::RestApi").at("/Properties/Body");
        assertFalse(body.toString().contains(AuthorizationConfig.SCOPES_EXTENSION), body.toString());
        JsonNode withoutExtension = exported.deepCopy();
        withoutExtension.get("paths").forEach(item -> item.forEach(op -> ((ObjectNode) op).remove(AuthorizationConfig.SCOPES_EXTENSION)));
        assertEquals(withoutExtension, body);
    }

    @Test
    void passesTheDeployChecks() {
        Fixtures.assertPassesDeployChecks(template);
    }

    @Test
    void gh402UnsafeOrIncompleteSettings() {
        String message = errorsOrNone(JwtAuthorizerProps.builder().issuer("http://auth.local/")
                .clockSkew(Duration.seconds(90)).algorithms(List.of()).contextClaims(List.of("a,b", "scope"))
                .build(), 1, "x");
        assertTrue(message.contains("[GH402] JwtAuthorizer 'Jwt': the issuer 'http://auth.local/' is not an https URL "
                + "(is not https), so the keys cannot be found at its /.well-known/jwks.json."), message);
        assertTrue(message.contains("[GH402] JwtAuthorizer 'Jwt': it accepts no audience."), message);
        assertTrue(message.contains("[GH402] JwtAuthorizer 'Jwt': it accepts no signature algorithm."), message);
        assertTrue(message.contains("[GH402] JwtAuthorizer 'Jwt': the clock skew is 90 seconds."), message);
        assertTrue(message.contains("[GH402] JwtAuthorizer 'Jwt': the context claim 'a,b' is not a claim name."), message);
        assertTrue(message.contains("[GH402] JwtAuthorizer 'Jwt': the context claim 'scope' is a context key the "
                + "authorizer sets itself"), message);
    }

    @Test
    void gh402AnIssuerWithoutSchemeIsNamedAsTheIssuer() {
        // Given an issuer written without https:// (and no JWKS URL of its own)
        String message = errorsOrNone(JwtAuthorizerProps.builder().issuer("auth.example.com")
                .audiences(List.of("a")).build(), 1, "x");
        // Then the issuer is what is reported, with the URL it probably means
        assertTrue(message.contains("[GH402] JwtAuthorizer 'Jwt': the issuer 'auth.example.com' is not an https URL "
                + "(has no scheme (https://)), so the keys cannot be found at its /.well-known/jwks.json. Fix: write "
                + "the issuer exactly as the tokens' 'iss' claim has it, e.g. \"https://auth.example.com/\""), message);
        assertFalse(message.contains("JWKS URL"), "reported once, as the issuer: " + message);
    }

    @Test
    void gh402JwksUrlsAndAudiencesTheHandlerWouldRefuse() {
        String message = errorsOrNone(JwtAuthorizerProps.builder().issuer("https://auth.example.com/")
                .jwksUrl("https://user:secret@keys.example.com/jwks.json").audiences(List.of("a,b", " ")).build(), 1, "x");
        assertTrue(message.contains("[GH402] JwtAuthorizer 'Jwt': the JWKS URL 'https://user:secret@keys.example.com/"
                + "jwks.json' has credentials before the host."), message);
        assertTrue(message.contains("[GH402] JwtAuthorizer 'Jwt': the audience 'a,b' is empty or holds a comma."), message);
        assertTrue(message.contains("[GH402] JwtAuthorizer 'Jwt': the audience ' ' is empty or holds a comma."), message);
    }

    @Test
    void gh406ScopesThatAreNotScopeTokensWhateverTheCacheTtl() {
        for (Duration ttl : List.of(Duration.seconds(0), Duration.seconds(300))) {
            // Given a scope with a space, and another problem of the same authorizer
            App app = new App();
            Stack stack = new Stack(app, "S");
            JwtAuthorizer jwt = JwtAuthorizer.Builder.create(stack, "Jwt").issuer("https://a.example.com/")
                    .resultsCacheTtl(ttl).build();
            GatewayApi api = new GatewayApi(stack, "Api");
            api.route("GET /orders", OK, RouteOptions.of(jwt.requireScopes("orders read")));
            api.route("GET /quoted", OK, RouteOptions.of(jwt.requireScopes("say\"what\"")));
            // When synthesized, then both are findings with the route, reported together
            String message = synthError(app);
            assertTrue(message.contains("[GH406] route 'GET /orders': it requires the scope 'orders read' from "
                    + "JwtAuthorizer 'Jwt', which is not an RFC 6749 scope token (printable ASCII other than space, "
                    + "'\"' and '\\'), so no token could carry it. Fix: require each scope as its own argument"), ttl + ": " + message);
            assertTrue(message.contains("[GH406] route 'GET /quoted': it requires the scope 'say\"what\"'"), message);
            assertTrue(message.contains("[GH402] JwtAuthorizer 'Jwt': it accepts no audience."), message);
            assertFalse(message.contains("IllegalArgumentException"), message);
        }
    }

    @Test
    void gh407AnIssuerOnThisMachineIsAWarningAndTheHandlerStarts() throws Exception {
        // Given the local gateway's kind of issuer: plain http on localhost
        App app = new App();
        Stack stack = new Stack(app, "S");
        JwtAuthorizer jwt = JwtAuthorizer.Builder.create(stack, "Jwt").issuer("http://localhost:8411/")
                .audiences(List.of("a")).build();
        new GatewayApi(stack, "Api").route("GET /a", OK, RouteOptions.of(jwt.requireScopes("read")));
        // When synthesized, then it is a warning, not an error
        Annotations.fromStack(stack).hasWarning("/S/Jwt", Match.stringLikeRegexp(
                "\\[GH407\\] JwtAuthorizer 'Jwt': its keys are at 'http://localhost:8411/\\.well-known/jwks\\.json', on "
                        + "this machine\\..*"));
    }

    @Test
    void gh408AnIssuerWithoutSchemeIsReportedOnTheIssuerEvenWithItsOwnJwksUrl() {
        // Given an issuer written as a bare host, with the keys' https URL given separately
        App app = new App();
        Stack stack = new Stack(app, "S");
        JwtAuthorizer jwt = JwtAuthorizer.Builder.create(stack, "Jwt").issuer("auth.example.com")
                .jwksUrl("https://auth.example.com/.well-known/jwks.json").audiences(List.of("a")).build();
        new GatewayApi(stack, "Api").route("GET /a", OK, RouteOptions.of(jwt.authorization()));
        // When synthesized, then the issuer itself is named, as a warning (a token may carry a bare host)
        app.synth();
        Annotations.fromStack(stack).hasWarning("/S/Jwt", Match.stringLikeRegexp(
                "\\[GH408\\] JwtAuthorizer 'Jwt': the issuer 'auth\\.example\\.com' has no scheme, so only tokens whose "
                        + "'iss' is exactly 'auth\\.example\\.com' are accepted; OpenID Connect issuers are https URLs\\. "
                        + "Fix: write the issuer exactly as the tokens' 'iss' claim has it, e\\.g\\. \"https://auth\\.example\\.com/\".*"));
    }

    @Test
    void gh408LeavesUrlIssuersAndOpaqueNamesAlone() {
        for (String issuer : List.of("https://auth.example.com/", "urn:example:issuer", "my-issuer")) {
            App app = new App();
            Stack stack = new Stack(app, "S");
            JwtAuthorizer jwt = JwtAuthorizer.Builder.create(stack, "Jwt").issuer(issuer)
                    .jwksUrl("https://keys.example.com/jwks.json").audiences(List.of("a")).build();
            new GatewayApi(stack, "Api").route("GET /a", OK, RouteOptions.of(jwt.authorization()));
            app.synth();
            Annotations.fromStack(stack).hasNoWarning("/S/Jwt", Match.stringLikeRegexp(".*GH408.*"));
        }
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
        assertTrue(message.contains("[GH404] route 'GET /orders': in API 'Two' it requires scopes [admin] from "
                + "JwtAuthorizer 'Jwt', which API 'One' also uses for the same route with scopes [read]."), message);
    }

    @Test
    void gh404SharedAuthorizerWithTheSameRouteUnderOtherVariableNamesWhateverTheCacheTtl() {
        for (Duration ttl : List.of(Duration.seconds(0), Duration.seconds(300))) {
            App app = new App();
            Stack stack = new Stack(app, "S");
            JwtAuthorizer jwt = JwtAuthorizer.Builder.create(stack, "Jwt").issuer("https://a.example.com/")
                    .audiences(List.of("x")).resultsCacheTtl(ttl).build();
            new GatewayApi(stack, "One").route("GET /orders/{id}", OK, RouteOptions.of(jwt.authorization()));
            new GatewayApi(stack, "Two").route("GET /orders/{orderId}", OK, RouteOptions.of(jwt.authorization()));
            String message = synthError(app);
            assertTrue(message.contains("[GH404] route 'GET /orders/{orderId}': in API 'Two' it uses JwtAuthorizer "
                    + "'Jwt', which API 'One' also uses for its route 'GET /orders/{id}': the authorizer knows routes "
                    + "by method and path, and to it both are the same route with differently named variables. Fix: "
                    + "name the path variables alike in both APIs, or give each API its own JwtAuthorizer."),
                    ttl + ": " + message);
            assertFalse(message.contains("duplicates route"), message);
        }
    }

    /** Configurations that synthesize must start: each is fed to the real handler. */
    @Test
    void everyAcceptedConfigurationStartsTheRealHandler() throws Exception {
        List<java.util.function.Function<Stack, JwtAuthorizer>> configurations = List.of(
                s -> JwtAuthorizer.Builder.create(s, "Jwt").issuer("https://a.example.com/").audiences(List.of("x"))
                        .resultsCacheTtl(Duration.seconds(0)).build(),
                s -> JwtAuthorizer.Builder.create(s, "Jwt").issuer("urn:example:issuer")
                        .jwksUrl("https://keys.example.com/jwks.json").disableAudienceCheck(true)
                        .contextClaims(List.of("email", "tenant.id", "custom:role", "sub")).build(),
                s -> JwtAuthorizer.Builder.create(s, "Jwt").issuer("http://127.0.0.1:9000/").audiences(List.of("x"))
                        .type(LambdaAuthorizerType.REQUEST).headerName("X-Token").clockSkew(Duration.seconds(0))
                        .algorithms(List.of(JwtAlgorithm.ES256, JwtAlgorithm.PS256)).build());
        for (java.util.function.Function<Stack, JwtAuthorizer> configuration : configurations) {
            // Given two APIs sharing the authorizer, with scoped, unscoped and shared routes
            App app = new App();
            Stack stack = new Stack(app, "S");
            JwtAuthorizer jwt = configuration.apply(stack);
            GatewayApi one = new GatewayApi(stack, "One");
            one.route("GET /orders/{id}", OK, RouteOptions.of(jwt.requireScopes("orders:read", "https://x/y.z")));
            one.route("ANY /files/{path+}", OK, RouteOptions.of(jwt.authorization()));
            GatewayApi two = new GatewayApi(stack, "Two");
            two.route("GET /orders/{id}", OK, RouteOptions.of(jwt.requireScopes("orders:read", "https://x/y.z")));
            two.route("POST /orders", OK, RouteOptions.of(jwt.requireScopes("orders:write")));
            // When synthesized, then the handler starts with every route
            CloudAssembly synthesized = app.synth();
            JsonNode fn = null;
            for (JsonNode r : Fixtures.templateJson(stack).get("Resources")) {
                if (r.at("/Properties/Handler").asText().equals(JwtAuthorizer.HANDLER)) {
                    fn = r.get("Properties");
                }
            }
            assertEquals(3, routesTheHandlerLoads(synthesized, fn), jwt.getNode().getPath());
        }
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
        assertFalse(message.contains(".."), "one period per sentence: " + message);
        assertTrue(message.contains("would also refuse requests routed to ANY /{proxy+}. Fix: set "
                + "resultsCacheTtl(Duration.seconds(0)) on this authorizer"), message);
        assertFalse(message.contains("'Uncached'"), message);
    }
}
