package dev.gatehouse.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.local.internal.lambda.FunctionSpec;
import dev.gatehouse.local.internal.lambda.LambdaFunctions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A development JWT issuer built into the local gateway: it signs tokens with a key generated at
 * start and serves that key as a JWKS on 127.0.0.1, and the gateway points the bundled JWT
 * authorizer's {@code GATEHOUSE_JWKS_URL} at it. Tokens carry the issuer and audience the
 * authorizer was synthesized with, so the real authorizer code accepts them and checks their
 * scopes against each route.
 *
 * <p>Over HTTP: {@code GET /.well-known/jwks.json}, and {@code GET /token?scope=a%20b&sub=alice}
 * answers a token (text). Never use it outside local development: anyone who can reach the port
 * can mint tokens.
 */
public final class DevelopmentIssuer implements AutoCloseable {
    /** How long minted tokens are valid unless asked otherwise. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;
    private final String audience;

    private DevelopmentIssuer(String issuer, String audience, int port) {
        this.issuer = issuer;
        this.audience = audience;
        try {
            this.key = new RSAKeyGenerator(2048).keyID("gatehouse-local-" + UUID.randomUUID()).generate();
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate the development issuer's key", e);
        } catch (IOException e) {
            throw new UncheckedIOException("the development issuer could not listen on 127.0.0.1:" + port
                    + " (choose another port with --issuer-port)", e);
        }
        server.createContext("/.well-known/jwks.json", exchange -> respond(exchange, 200, "application/json",
                new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/token", this::mintOverHttp);
        server.start();
    }

    /** The bundled JWT authorizer's variables (its contract with the construct that deploys it). */
    static final String JWKS_URL_VARIABLE = "GATEHOUSE_JWKS_URL";
    static final String ISSUER_VARIABLE = "GATEHOUSE_ISSUER";
    static final String AUDIENCE_VARIABLE = "GATEHOUSE_AUDIENCE";

    /**
     * Starts the development issuer when a function is the bundled JWT authorizer, and points the
     * authorizers' JWKS URL at it; tokens carry the first authorizer's issuer and audience.
     */
    static DevelopmentIssuer forJwtAuthorizers(LambdaFunctions functions, int port) {
        FunctionSpec jwt = functions.all().stream()
                .filter(f -> f.environment().containsKey(JWKS_URL_VARIABLE) && f.environment().containsKey(ISSUER_VARIABLE))
                .findFirst().orElse(null);
        if (jwt == null) {
            return null;
        }
        String audience = jwt.environment().getOrDefault(AUDIENCE_VARIABLE, "").split(",")[0].trim();
        DevelopmentIssuer issuer = DevelopmentIssuer.start(jwt.environment().get(ISSUER_VARIABLE),
                audience.isEmpty() ? null : audience, port);
        String jwks = issuer.jwksUrl().toString();
        functions.addOverride(f -> f.environment().containsKey(JWKS_URL_VARIABLE) ? Map.of(JWKS_URL_VARIABLE, jwks) : Map.of());
        return issuer;
    }

    /** Starts an issuer that mints tokens with this {@code iss} and {@code aud} (port 0: any free port). */
    static DevelopmentIssuer start(String issuer, String audience, int port) {
        return new DevelopmentIssuer(issuer, audience, port);
    }

    /** The JWKS URL the gateway gives the JWT authorizer. */
    public URI jwksUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json");
    }

    /** The URL that mints a token over HTTP ({@code ?scope=...&sub=...}). */
    public URI tokenUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
    }

    /** The {@code iss} of minted tokens (the authorizer's configured issuer). */
    public String issuer() {
        return issuer;
    }

    /** A token for subject "local-developer" with these scopes, valid for an hour. */
    public String token(String... scopes) {
        return token("local-developer", List.of(scopes), DEFAULT_LIFETIME, Map.of());
    }

    /**
     * A token.
     *
     * @param claims further claims (email, ...)
     */
    public String token(String subject, List<String> scopes, Duration lifetime, Map<String, Object> claims) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("scope", String.join(" ", scopes));
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), set.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a development token", e);
        }
        return jwt.serialize();
    }

    private void mintOverHttp(HttpExchange exchange) throws IOException {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    query.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        List<String> scopes = Arrays.stream(query.getOrDefault("scope", "").split("[ ,]+")).filter(s -> !s.isEmpty()).toList();
        Duration lifetime;
        try {
            lifetime = Duration.ofSeconds(Long.parseLong(query.getOrDefault("ttl", Long.toString(DEFAULT_LIFETIME.toSeconds()))));
        } catch (NumberFormatException e) {
            respond(exchange, 400, "text/plain", "ttl must be a number of seconds\n");
            return;
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        if (query.containsKey("email")) {
            claims.put("email", query.get("email"));
        }
        respond(exchange, 200, "text/plain", token(query.getOrDefault("sub", "local-developer"), scopes, lifetime, claims));
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
