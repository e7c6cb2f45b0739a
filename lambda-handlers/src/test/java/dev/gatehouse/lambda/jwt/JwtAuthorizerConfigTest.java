package dev.gatehouse.lambda.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.JWSAlgorithm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JwtAuthorizerConfigTest {
    static final String ROUTES = "{\"routes\": {\"GET /orders/{id}\": [\"orders:read\"], \"POST /orders\": [\"orders:write\"]}}";

    static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put("GATEHOUSE_JWKS_URL", "https://issuer.example.test/.well-known/jwks.json");
        env.put("GATEHOUSE_ISSUER", "https://issuer.example.test/");
        env.put("GATEHOUSE_AUDIENCE", "orders-api");
        env.put("GATEHOUSE_ROUTE_SCOPES", ROUTES);
        return env;
    }

    @Test
    void fromEnvironmentReadsTheProcessEnvironment() throws Exception {
        // Given the process environment Surefire and PIT set (a valid configuration)
        assumeTrue(System.getenv("GATEHOUSE_ISSUER") != null, "GATEHOUSE_* not set: run through Maven");

        // When the configuration is read from it
        JwtAuthorizerConfig config = JwtAuthorizerConfig.fromEnvironment();

        // Then it holds the environment's values
        assertEquals(System.getenv("GATEHOUSE_ISSUER"), config.issuer());
        assertEquals(System.getenv("GATEHOUSE_JWKS_URL"), config.jwksUri().toString());
        assertEquals(Set.of(System.getenv("GATEHOUSE_AUDIENCE")), config.audiences());
    }

    @Test
    void appliesDefaults() throws Exception {
        JwtAuthorizerConfig config = JwtAuthorizerConfig.fromEnvironment(minimal());

        assertEquals(Set.of(JWSAlgorithm.RS256), config.algorithms());
        assertEquals(Duration.ofSeconds(60), config.clockSkew());
        assertEquals("Authorization", config.tokenHeader());
        assertEquals(8192, config.tokenMaxBytes());
        assertEquals(List.of(), config.contextClaims());
        assertEquals(Duration.ofSeconds(300), config.jwksCacheTtl());
        assertEquals(Duration.ofSeconds(10), config.jwksMinRefetch());
        assertEquals(2000, config.jwksConnectTimeoutMillis());
        assertEquals(2000, config.jwksReadTimeoutMillis());
        assertEquals(65536, config.jwksMaxBytes());
        assertEquals(Set.of("orders-api"), config.audiences());
        assertFalse(config.audienceDisabled());
        assertEquals(2, config.routeScopes().routes().size());
    }

    @Test
    void readsEverySetting() throws Exception {
        Map<String, String> env = minimal();
        env.put("GATEHOUSE_AUDIENCE", "a, b");
        env.put("GATEHOUSE_ALGORITHMS", "RS256,ES256, PS256");
        env.put("GATEHOUSE_CLOCK_SKEW_SECONDS", "0");
        env.put("GATEHOUSE_TOKEN_HEADER", "X-Token");
        env.put("GATEHOUSE_TOKEN_MAX_BYTES", "4096");
        env.put("GATEHOUSE_CONTEXT_CLAIMS", "email,tenant,sub");
        env.put("GATEHOUSE_JWKS_CACHE_SECONDS", "600");
        env.put("GATEHOUSE_JWKS_MIN_REFETCH_SECONDS", "30");
        env.put("GATEHOUSE_JWKS_CONNECT_TIMEOUT_MS", "500");
        env.put("GATEHOUSE_JWKS_READ_TIMEOUT_MS", "700");
        env.put("GATEHOUSE_JWKS_MAX_BYTES", "2048");

        JwtAuthorizerConfig config = JwtAuthorizerConfig.fromEnvironment(env);

        assertEquals(Set.of("a", "b"), config.audiences());
        assertEquals(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.PS256), config.algorithms());
        assertEquals(Duration.ZERO, config.clockSkew());
        assertEquals("X-Token", config.tokenHeader());
        assertEquals(4096, config.tokenMaxBytes());
        assertEquals(List.of("email", "tenant"), config.contextClaims());
        assertEquals(Duration.ofSeconds(600), config.jwksCacheTtl());
        assertEquals(Duration.ofSeconds(30), config.jwksMinRefetch());
        assertEquals(500, config.jwksConnectTimeoutMillis());
        assertEquals(700, config.jwksReadTimeoutMillis());
        assertEquals(2048, config.jwksMaxBytes());
    }

    @Test
    void audienceCanBeDisabledExplicitly() throws Exception {
        Map<String, String> env = minimal();
        env.remove("GATEHOUSE_AUDIENCE");
        env.put("GATEHOUSE_AUDIENCE_DISABLED", "true");
        assertTrue(JwtAuthorizerConfig.fromEnvironment(env).audienceDisabled());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "GATEHOUSE_JWKS_URL|http://issuer.example.test/jwks|must use https",
        "GATEHOUSE_JWKS_URL|ftp://localhost/jwks|must use https",
        "GATEHOUSE_JWKS_URL|https://user:pw@issuer.example.test/jwks|must not contain user information",
        "GATEHOUSE_JWKS_URL|not a url|is not a valid URL",
        "GATEHOUSE_JWKS_URL|/relative/jwks|absolute URL",
        "GATEHOUSE_ALGORITHMS|none|unsigned tokens are never accepted",
        "GATEHOUSE_ALGORITHMS|RS256,HS256|HMAC algorithms are never accepted",
        "GATEHOUSE_ALGORITHMS|ES512|'ES512' is not allowed",
        "GATEHOUSE_ALGORITHMS|RS256,,ES256|empty entry",
        "GATEHOUSE_CLOCK_SKEW_SECONDS|61|out of range (allowed 0..60)",
        "GATEHOUSE_CLOCK_SKEW_SECONDS|-1|out of range",
        "GATEHOUSE_CLOCK_SKEW_SECONDS|ten|not an integer",
        "GATEHOUSE_TOKEN_HEADER|Bad Header|not a valid HTTP header name",
        "GATEHOUSE_TOKEN_MAX_BYTES|10|out of range",
        "GATEHOUSE_CONTEXT_CLAIMS|scope|set by the authorizer itself",
        "GATEHOUSE_CONTEXT_CLAIMS|a b|not a usable claim name",
        "GATEHOUSE_JWKS_CACHE_SECONDS|0|out of range",
        "GATEHOUSE_JWKS_MIN_REFETCH_SECONDS|400|must not exceed GATEHOUSE_JWKS_CACHE_SECONDS",
        "GATEHOUSE_JWKS_MIN_REFETCH_SECONDS|9|out of range (allowed 10..3600)",
        "GATEHOUSE_JWKS_CONNECT_TIMEOUT_MS|0|out of range",
        "GATEHOUSE_JWKS_READ_TIMEOUT_MS|99999|out of range",
        "GATEHOUSE_JWKS_MAX_BYTES|10|out of range",
        "GATEHOUSE_AUDIENCE_DISABLED|yes|must be true or false",
        "GATEHOUSE_ROUTE_SCOPES|[]|is not a JSON object",
        "GATEHOUSE_ROUTE_SCOPES|{\"routes\": {}}|at least one route",
        "GATEHOUSE_ROUTE_SCOPES|{\"routes\": {\"GET /a\": \"x\"}}|must map to an array",
        "GATEHOUSE_ROUTE_SCOPES|{\"routes\": {\"GET /a\": [1]}}|not a string",
        "GATEHOUSE_ROUTE_SCOPES|{\"routes\": {\"get /a\": []}}|must be one of",
        "GATEHOUSE_ROUTE_SCOPES|{\"routes\": {\"GET /a\": []}, \"extra\": 1}|unknown member 'extra'",
        "GATEHOUSE_ROUTE_SCOPES_FILE|/does/not/exist.json|cannot read file",
    })
    void reportsWhichVariableIsWrongAndWhy(String name, String value, String expected) {
        Map<String, String> env = minimal();
        env.put(name, value);
        if (name.equals("GATEHOUSE_ROUTE_SCOPES_FILE")) {
            env.remove("GATEHOUSE_ROUTE_SCOPES");
        }
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> JwtAuthorizerConfig.fromEnvironment(env));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith(name), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void credentialsInTheJwksUrlAreNotEchoed() {
        Map<String, String> env = minimal();
        env.put("GATEHOUSE_JWKS_URL", "https://user:s3cret@issuer.example.test/jwks");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> JwtAuthorizerConfig.fromEnvironment(env));
        assertFalse(e.getMessage().contains("s3cret"));
    }

    @Test
    void plainHttpIsAcceptedForLoopbackOnly() throws Exception {
        for (String url : List.of("http://localhost:8080/jwks", "http://127.0.0.1:1/jwks", "http://[::1]:9/jwks")) {
            Map<String, String> env = minimal();
            env.put("GATEHOUSE_JWKS_URL", url);
            assertEquals(url, JwtAuthorizerConfig.fromEnvironment(env).jwksUri().toString());
        }
    }

    @Test
    void listsEveryProblemOfAnEmptyEnvironment() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> JwtAuthorizerConfig.fromEnvironment(Map.of()));
        String message = e.getMessage();
        assertTrue(message.contains("GATEHOUSE_JWKS_URL: is required"), message);
        assertTrue(message.contains("GATEHOUSE_ISSUER: is required"), message);
        assertTrue(message.contains("GATEHOUSE_AUDIENCE: is required"), message);
        assertTrue(message.contains("no route scopes configured"), message);
        assertEquals(4, e.problems().size(), message);
    }

    @Test
    void audienceAndDisabledTogetherIsAnError() {
        Map<String, String> env = minimal();
        env.put("GATEHOUSE_AUDIENCE_DISABLED", "true");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> JwtAuthorizerConfig.fromEnvironment(env));
        assertTrue(e.getMessage().contains("are both set"), e.getMessage());
    }

    @Test
    void routeScopesFromBothSourcesIsAnError() {
        Map<String, String> env = minimal();
        env.put("GATEHOUSE_ROUTE_SCOPES_FILE", "/tmp/x.json");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> JwtAuthorizerConfig.fromEnvironment(env));
        assertTrue(e.getMessage().contains("are both set"), e.getMessage());
    }

    @Test
    void readsRouteScopesFromAFileOrTheDefaultFileInTheTaskRoot(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("custom.json");
        Files.writeString(file, ROUTES);
        Map<String, String> env = minimal();
        env.remove("GATEHOUSE_ROUTE_SCOPES");
        env.put("GATEHOUSE_ROUTE_SCOPES_FILE", file.toString());
        assertEquals(2, JwtAuthorizerConfig.fromEnvironment(env).routeScopes().routes().size());

        env.remove("GATEHOUSE_ROUTE_SCOPES_FILE");
        env.put("LAMBDA_TASK_ROOT", dir.toString());
        ConfigurationException missing = assertThrows(ConfigurationException.class, () -> JwtAuthorizerConfig.fromEnvironment(env));
        assertTrue(missing.getMessage().contains("gatehouse-route-scopes.json"), missing.getMessage());

        Files.writeString(dir.resolve("gatehouse-route-scopes.json"), "{\"routes\": {\"GET /\": []}}");
        assertEquals(1, JwtAuthorizerConfig.fromEnvironment(env).routeScopes().routes().size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GATEHOUSE_CLOCK_SKEW_SECONDS|0", "GATEHOUSE_CLOCK_SKEW_SECONDS|60",
        "GATEHOUSE_TOKEN_MAX_BYTES|256", "GATEHOUSE_TOKEN_MAX_BYTES|65536",
        "GATEHOUSE_JWKS_CACHE_SECONDS|10", "GATEHOUSE_JWKS_CACHE_SECONDS|86400",
        "GATEHOUSE_JWKS_MIN_REFETCH_SECONDS|10", "GATEHOUSE_JWKS_MIN_REFETCH_SECONDS|300",
        "GATEHOUSE_JWKS_CONNECT_TIMEOUT_MS|50", "GATEHOUSE_JWKS_CONNECT_TIMEOUT_MS|30000",
        "GATEHOUSE_JWKS_READ_TIMEOUT_MS|50", "GATEHOUSE_JWKS_READ_TIMEOUT_MS|30000",
        "GATEHOUSE_JWKS_MAX_BYTES|1024", "GATEHOUSE_JWKS_MAX_BYTES|1048576",
    })
    void acceptsBothEndsOfEachRange(String name, String value) throws Exception {
        Map<String, String> env = minimal();
        env.put(name, value);
        JwtAuthorizerConfig config = JwtAuthorizerConfig.fromEnvironment(env);
        int expected = Integer.parseInt(value);
        int actual = switch (name) {
            case "GATEHOUSE_CLOCK_SKEW_SECONDS" -> (int) config.clockSkew().toSeconds();
            case "GATEHOUSE_TOKEN_MAX_BYTES" -> config.tokenMaxBytes();
            case "GATEHOUSE_JWKS_CACHE_SECONDS" -> (int) config.jwksCacheTtl().toSeconds();
            case "GATEHOUSE_JWKS_MIN_REFETCH_SECONDS" -> (int) config.jwksMinRefetch().toSeconds();
            case "GATEHOUSE_JWKS_CONNECT_TIMEOUT_MS" -> config.jwksConnectTimeoutMillis();
            case "GATEHOUSE_JWKS_READ_TIMEOUT_MS" -> config.jwksReadTimeoutMillis();
            default -> config.jwksMaxBytes();
        };
        assertEquals(expected, actual);
    }

    @Test
    void minimumRefetchMayEqualTheCacheLifetime() throws Exception {
        Map<String, String> env = minimal();
        env.put("GATEHOUSE_JWKS_CACHE_SECONDS", "60");
        env.put("GATEHOUSE_JWKS_MIN_REFETCH_SECONDS", "60");
        assertEquals(Duration.ofSeconds(60), JwtAuthorizerConfig.fromEnvironment(env).jwksMinRefetch());
        env.put("GATEHOUSE_JWKS_MIN_REFETCH_SECONDS", "61");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> JwtAuthorizerConfig.fromEnvironment(env));
        assertEquals(List.of("GATEHOUSE_JWKS_MIN_REFETCH_SECONDS: 61 must not exceed GATEHOUSE_JWKS_CACHE_SECONDS (60)"),
                e.problems());
    }

    @Test
    void anUnreadableCacheLifetimeIsOneProblemNotTwo() {
        // the lifetime falls back to its default (300 s) for the remaining checks
        Map<String, String> env = minimal();
        env.put("GATEHOUSE_JWKS_CACHE_SECONDS", "soon");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> JwtAuthorizerConfig.fromEnvironment(env));
        assertEquals(List.of("GATEHOUSE_JWKS_CACHE_SECONDS: 'soon' is not an integer (allowed 10..86400)"), e.problems());
    }

    @Test
    void namesUseLettersDigitsAndTheirOwnSymbols() throws Exception {
        // every edge of the letter and digit ranges is accepted
        Map<String, String> env = minimal();
        env.put("GATEHOUSE_TOKEN_HEADER", "azAZ09!#$%&'*+.^_`|~-");
        env.put("GATEHOUSE_CONTEXT_CLAIMS", "azAZ09_.:-");
        JwtAuthorizerConfig config = JwtAuthorizerConfig.fromEnvironment(env);
        assertEquals("azAZ09!#$%&'*+.^_`|~-", config.tokenHeader());
        assertEquals(List.of("azAZ09_.:-"), config.contextClaims());

        // and the characters just outside them are not
        for (String bad : List.of("a@", "a[", "a`", "a{", "a/", "a;", "")) {
            assertFalse(JwtAuthorizerConfig.isName(bad, "_"), bad);
        }
        for (String bad : List.of("x@y", "x[y", "x{y", "x/y", "x;y", "x\u00e9")) {
            env.put("GATEHOUSE_CONTEXT_CLAIMS", bad);
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> JwtAuthorizerConfig.fromEnvironment(env));
            assertEquals(List.of("GATEHOUSE_CONTEXT_CLAIMS: '" + bad + "' is not a usable claim name (letters, digits, '_', '.', ':' and '-')"),
                    e.problems());
        }
    }

    @Test
    void routeScopesFileOfExactlyTheLimitIsRead(@TempDir Path dir) throws Exception {
        String json = "{\"routes\": {\"GET /\": []}}";
        Path file = dir.resolve("limit.json");
        Files.writeString(file, json + " ".repeat(JwtAuthorizerConfig.MAX_ROUTE_SCOPES_BYTES - json.length()));
        assertEquals(JwtAuthorizerConfig.MAX_ROUTE_SCOPES_BYTES, Files.size(file));
        Map<String, String> env = minimal();
        env.remove("GATEHOUSE_ROUTE_SCOPES");
        env.put("GATEHOUSE_ROUTE_SCOPES_FILE", file.toString());
        assertEquals(1, JwtAuthorizerConfig.fromEnvironment(env).routeScopes().routes().size());
    }

    @Test
    void oversizedRouteScopesFileIsAnError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("big.json");
        Files.write(file, new byte[JwtAuthorizerConfig.MAX_ROUTE_SCOPES_BYTES + 1]);
        Map<String, String> env = minimal();
        env.remove("GATEHOUSE_ROUTE_SCOPES");
        env.put("GATEHOUSE_ROUTE_SCOPES_FILE", file.toString());
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> JwtAuthorizerConfig.fromEnvironment(env));
        assertEquals(List.of("GATEHOUSE_ROUTE_SCOPES_FILE: file " + file + " is larger than 1048576 bytes"), e.problems());
    }
}
