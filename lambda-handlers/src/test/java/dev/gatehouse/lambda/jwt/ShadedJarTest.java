package dev.gatehouse.lambda.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The jwt-authorizer jar holds only what the handler needs, and works on its own in a fresh JVM. */
class ShadedJarTest {

    @Test
    void containsOnlyTheHandlerAndItsDependencies() throws Exception {
        List<String> unexpected = new ArrayList<>();
        boolean handler = false;
        boolean policy = false;
        boolean nimbus = false;
        boolean crac = false;
        boolean events = false;
        try (ZipFile zip = new ZipFile(ShadedJar.jar().toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String name = entry.getName();
                if (entry.isDirectory() || name.startsWith("META-INF/")) {
                    continue;
                }
                if (name.startsWith("dev/gatehouse/lambda/jwt/")) {
                    handler |= name.equals("dev/gatehouse/lambda/jwt/JwtAuthorizerHandler.class");
                } else if (name.startsWith("dev/gatehouse/authorizer/policy/")) {
                    policy = true;
                } else if (name.startsWith("com/nimbusds/")) {
                    nimbus = true;
                } else if (name.startsWith("org/crac/")) {
                    crac = true;
                } else if (name.startsWith("com/amazonaws/services/lambda/runtime/events/")) {
                    String simple = name.substring("com/amazonaws/services/lambda/runtime/events/".length());
                    events = true;
                    if (!(simple.startsWith("APIGatewayCustomAuthorizerEvent.") || simple.startsWith("APIGatewayCustomAuthorizerEvent$")
                            || simple.startsWith("IamPolicyResponse.") || simple.startsWith("IamPolicyResponse$"))) {
                        unexpected.add(name);
                    }
                } else if (!name.startsWith("com/amazonaws/services/lambda/runtime/")) {
                    unexpected.add(name);
                }
            }
        }
        assertTrue(handler && policy && nimbus && crac && events,
                "handler, route-scope policy, nimbus, org.crac and the event classes are bundled");
        assertEquals(List.of(), unexpected);
    }

    @Test
    void decidesInAFreshJvmWithOnlyTheShadedJar() throws Exception {
        try (JwksServer jwks = new JwksServer(TestKeys.standardJwks())) {
            // Given the environment the construct would set, pointing at a local JWKS
            Map<String, String> env = new HashMap<>();
            env.put("GATEHOUSE_JWKS_URL", jwks.uri().toString());
            env.put("GATEHOUSE_ISSUER", Tokens.ISSUER);
            env.put("GATEHOUSE_AUDIENCE", Tokens.AUDIENCE);
            env.put("GATEHOUSE_ROUTE_SCOPES", AuthorizerFixture.SHOP_ROUTES);
            String token = Tokens.at(java.time.Instant.now()).sign();

            // When a fresh JVM with only the jar makes a decision
            ShadedJar.Run run = ShadedJar.run(List.of(ShadedJar.jar()), FirstDecision.class, env, token,
                    AuthorizerFixture.PREFIX + "GET/orders/1");

            // Then it allows, having fetched the JWKS once
            assertEquals(0, run.exitCode(), run.output());
            assertTrue(run.output().contains("decision user-1 Allow"), run.output());
            assertEquals(1, jwks.requests());
        }
    }

    @Test
    void freshJvmWithABadConfigurationAnswers401() throws Exception {
        ShadedJar.Run run = ShadedJar.run(List.of(ShadedJar.jar()), FirstDecision.class,
                Map.of("GATEHOUSE_ISSUER", "x"), "a.b.c", AuthorizerFixture.PREFIX + "GET/orders/1");
        assertTrue(run.exitCode() != 0, run.output());
        assertTrue(run.output().contains("configuration-error"), run.output());
        assertTrue(run.output().contains("java.lang.RuntimeException: Unauthorized"), run.output());
    }
}
