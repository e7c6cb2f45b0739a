package dev.gatehouse.lambda.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import dev.gatehouse.lambda.jwt.internal.RouteScopesJson;
import dev.gatehouse.authorizer.policy.RouteScopes;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The JWT authorizer's settings, read from environment variables (the names are a contract with
 * the construct that deploys the function; see docs/jwt-authorizer.md).
 */
public final class JwtAuthorizerConfig {
    public static final String JWKS_URL = "GATEHOUSE_JWKS_URL";
    public static final String ISSUER = "GATEHOUSE_ISSUER";
    public static final String AUDIENCE = "GATEHOUSE_AUDIENCE";
    public static final String AUDIENCE_DISABLED = "GATEHOUSE_AUDIENCE_DISABLED";
    public static final String ALGORITHMS = "GATEHOUSE_ALGORITHMS";
    public static final String CLOCK_SKEW_SECONDS = "GATEHOUSE_CLOCK_SKEW_SECONDS";
    public static final String TOKEN_HEADER = "GATEHOUSE_TOKEN_HEADER";
    public static final String TOKEN_MAX_BYTES = "GATEHOUSE_TOKEN_MAX_BYTES";
    public static final String CONTEXT_CLAIMS = "GATEHOUSE_CONTEXT_CLAIMS";
    public static final String JWKS_CACHE_SECONDS = "GATEHOUSE_JWKS_CACHE_SECONDS";
    public static final String JWKS_MIN_REFETCH_SECONDS = "GATEHOUSE_JWKS_MIN_REFETCH_SECONDS";
    public static final String JWKS_CONNECT_TIMEOUT_MS = "GATEHOUSE_JWKS_CONNECT_TIMEOUT_MS";
    public static final String JWKS_READ_TIMEOUT_MS = "GATEHOUSE_JWKS_READ_TIMEOUT_MS";
    public static final String JWKS_MAX_BYTES = "GATEHOUSE_JWKS_MAX_BYTES";
    public static final String ROUTE_SCOPES_FILE = "GATEHOUSE_ROUTE_SCOPES_FILE";
    public static final String ROUTE_SCOPES = "GATEHOUSE_ROUTE_SCOPES";
    /** Set by Lambda: the function's code directory, where the default route-scopes file lives. */
    public static final String LAMBDA_TASK_ROOT = "LAMBDA_TASK_ROOT";
    /** The route-scopes file looked for in {@code LAMBDA_TASK_ROOT} when no route scopes are set. */
    public static final String DEFAULT_ROUTE_SCOPES_FILE_NAME = "gatehouse-route-scopes.json";

    /** The algorithms a deployment may allow: asymmetric signatures only. */
    public static final List<JWSAlgorithm> SUPPORTED_ALGORITHMS = List.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.ES256, JWSAlgorithm.ES384);

    /** Context keys the authorizer always sets; they cannot be claim names to copy. */
    public static final Set<String> RESERVED_CONTEXT_KEYS = Set.of("sub", "scope", "gatehousePolicy");

    static final int MAX_ROUTE_SCOPES_BYTES = 1024 * 1024;
    /** RFC 9110 token characters besides letters and digits (header names). */
    private static final String HEADER_NAME_SYMBOLS = "!#$%&'*+.^_`|~-";
    /** Characters besides letters and digits allowed in claim names to copy. */
    private static final String CLAIM_NAME_SYMBOLS = "_.:-";

    private final URI jwksUri;
    private final String issuer;
    private final Set<String> audiences;
    private final Set<JWSAlgorithm> algorithms;
    private final Duration clockSkew;
    private final String tokenHeader;
    private final int tokenMaxBytes;
    private final List<String> contextClaims;
    private final Duration jwksCacheTtl;
    private final Duration jwksMinRefetch;
    private final int jwksConnectTimeoutMillis;
    private final int jwksReadTimeoutMillis;
    private final int jwksMaxBytes;
    private final RouteScopes routeScopes;

    private JwtAuthorizerConfig(Reader r) {
        this.jwksUri = r.jwksUri;
        this.issuer = r.issuer;
        this.audiences = r.audiences;
        this.algorithms = r.algorithms;
        this.clockSkew = Duration.ofSeconds(r.clockSkew);
        this.tokenHeader = r.tokenHeader;
        this.tokenMaxBytes = r.tokenMaxBytes;
        this.contextClaims = r.contextClaims;
        this.jwksCacheTtl = Duration.ofSeconds(r.cacheSeconds);
        this.jwksMinRefetch = Duration.ofSeconds(r.minRefetchSeconds);
        this.jwksConnectTimeoutMillis = r.connectTimeout;
        this.jwksReadTimeoutMillis = r.readTimeout;
        this.jwksMaxBytes = r.jwksMaxBytes;
        this.routeScopes = r.routeScopes;
    }

    /** Reads the configuration from the process environment. */
    public static JwtAuthorizerConfig fromEnvironment() throws ConfigurationException {
        return fromEnvironment(System::getenv);
    }

    /** Reads the configuration from a map of environment variables. */
    public static JwtAuthorizerConfig fromEnvironment(Map<String, String> environment) throws ConfigurationException {
        return fromEnvironment(environment::get);
    }

    /**
     * Reads the configuration from an environment lookup.
     *
     * @throws ConfigurationException listing every problem found
     */
    public static JwtAuthorizerConfig fromEnvironment(Function<String, String> environment)
            throws ConfigurationException {
        Reader reader = new Reader(environment);
        reader.read();
        if (!reader.problems.isEmpty()) {
            throw new ConfigurationException(reader.problems);
        }
        return new JwtAuthorizerConfig(reader);
    }

    /** {@value #JWKS_URL}. */
    public URI jwksUri() {
        return jwksUri;
    }

    /** {@value #ISSUER}: the exact {@code iss}. */
    public String issuer() {
        return issuer;
    }

    /** {@value #AUDIENCE}: {@code aud} must contain one; empty when audience checks are disabled. */
    public Set<String> audiences() {
        return audiences;
    }

    /** Whether {@code aud} is not checked ({@value #AUDIENCE_DISABLED}=true). */
    public boolean audienceDisabled() {
        return audiences.isEmpty();
    }

    /** {@value #ALGORITHMS}. */
    public Set<JWSAlgorithm> algorithms() {
        return algorithms;
    }

    /** {@value #CLOCK_SKEW_SECONDS}. */
    public Duration clockSkew() {
        return clockSkew;
    }

    /** {@value #TOKEN_HEADER}: the header carrying the token in REQUEST events. */
    public String tokenHeader() {
        return tokenHeader;
    }

    /** {@value #TOKEN_MAX_BYTES}. */
    public int tokenMaxBytes() {
        return tokenMaxBytes;
    }

    /** {@value #CONTEXT_CLAIMS}. */
    public List<String> contextClaims() {
        return contextClaims;
    }

    /** {@value #JWKS_CACHE_SECONDS}. */
    public Duration jwksCacheTtl() {
        return jwksCacheTtl;
    }

    /** {@value #JWKS_MIN_REFETCH_SECONDS}. */
    public Duration jwksMinRefetch() {
        return jwksMinRefetch;
    }

    /** {@value #JWKS_CONNECT_TIMEOUT_MS}. */
    public int jwksConnectTimeoutMillis() {
        return jwksConnectTimeoutMillis;
    }

    /** {@value #JWKS_READ_TIMEOUT_MS}. */
    public int jwksReadTimeoutMillis() {
        return jwksReadTimeoutMillis;
    }

    /** {@value #JWKS_MAX_BYTES}. */
    public int jwksMaxBytes() {
        return jwksMaxBytes;
    }

    /** The routes and the scopes each requires. */
    public RouteScopes routeScopes() {
        return routeScopes;
    }

    /** Non-empty, ASCII letters and digits and the given symbols only (no regex: cold start). */
    static boolean isName(String value, String symbols) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphanumeric && symbols.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Reads and validates each variable, collecting problems. */
    private static final class Reader {
        private final Function<String, String> env;
        private final List<String> problems = new ArrayList<>();

        URI jwksUri;
        String issuer;
        Set<String> audiences = Set.of();
        Set<JWSAlgorithm> algorithms;
        int clockSkew;
        String tokenHeader;
        int tokenMaxBytes;
        List<String> contextClaims = List.of();
        int cacheSeconds;
        int minRefetchSeconds;
        int connectTimeout;
        int readTimeout;
        int jwksMaxBytes;
        RouteScopes routeScopes;

        Reader(Function<String, String> env) {
            this.env = env;
        }

        void read() {
            jwksUri = readJwksUri();
            issuer = value(ISSUER);
            if (issuer == null) {
                problems.add(ISSUER + ": is required (the exact 'iss' of accepted tokens)");
            }
            readAudience();
            readAlgorithms();
            clockSkew = integer(CLOCK_SKEW_SECONDS, 60, 0, 60);
            tokenHeader = value(TOKEN_HEADER);
            if (tokenHeader == null) {
                tokenHeader = "Authorization";
            } else if (!isName(tokenHeader, HEADER_NAME_SYMBOLS)) {
                problems.add(TOKEN_HEADER + ": '" + tokenHeader + "' is not a valid HTTP header name");
            }
            tokenMaxBytes = integer(TOKEN_MAX_BYTES, 8192, 256, 65536);
            readContextClaims();
            cacheSeconds = integer(JWKS_CACHE_SECONDS, 300, 10, 86400);
            minRefetchSeconds = integer(JWKS_MIN_REFETCH_SECONDS, 10, 10, 3600);
            if (minRefetchSeconds > cacheSeconds) {
                problems.add(JWKS_MIN_REFETCH_SECONDS + ": " + minRefetchSeconds + " must not exceed "
                        + JWKS_CACHE_SECONDS + " (" + cacheSeconds + ")");
            }
            connectTimeout = integer(JWKS_CONNECT_TIMEOUT_MS, 2000, 50, 30000);
            readTimeout = integer(JWKS_READ_TIMEOUT_MS, 2000, 50, 30000);
            jwksMaxBytes = integer(JWKS_MAX_BYTES, 65536, 1024, 1024 * 1024);
            readRouteScopes();
        }

        private String value(String name) {
            String raw = env.apply(name);
            if (raw == null) {
                return null;
            }
            String trimmed = raw.trim();
            return trimmed.isEmpty() ? null : trimmed;
        }

        private int integer(String name, int defaultValue, int min, int max) {
            String raw = value(name);
            if (raw == null) {
                return defaultValue;
            }
            int parsed;
            try {
                parsed = Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                problems.add(name + ": '" + raw + "' is not an integer (allowed " + min + ".." + max + ")");
                return defaultValue;
            }
            if (parsed < min || parsed > max) {
                problems.add(name + ": " + parsed + " is out of range (allowed " + min + ".." + max + ")");
                return defaultValue;
            }
            return parsed;
        }

        private URI readJwksUri() {
            String raw = value(JWKS_URL);
            if (raw == null) {
                problems.add(JWKS_URL + ": is required (the https URL of the issuer's JSON Web Key Set)");
                return null;
            }
            URI uri;
            try {
                uri = new URI(raw);
            } catch (URISyntaxException e) {
                problems.add(JWKS_URL + ": is not a valid URL");
                return null;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            if (host == null || host.isEmpty()) {
                problems.add(JWKS_URL + ": must be an absolute URL with a host");
                return null;
            }
            if (uri.getRawUserInfo() != null) {
                problems.add(JWKS_URL + ": must not contain user information (credentials) before the host");
                return null;
            }
            if (uri.getRawFragment() != null) {
                problems.add(JWKS_URL + ": must not have a fragment");
                return null;
            }
            boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
            if (scheme.equals("https") || (scheme.equals("http") && loopback)) {
                return uri;
            }
            problems.add(JWKS_URL + ": must use https (plain http is accepted only for localhost, 127.0.0.1"
                    + " and [::1]), got scheme '" + scheme + "' for host '" + host + "'");
            return null;
        }

        private void readAudience() {
            String raw = value(AUDIENCE);
            String disabled = value(AUDIENCE_DISABLED);
            boolean isDisabled = false;
            if (disabled != null) {
                if (disabled.equalsIgnoreCase("true")) {
                    isDisabled = true;
                } else if (!disabled.equalsIgnoreCase("false")) {
                    problems.add(AUDIENCE_DISABLED + ": '" + disabled + "' must be true or false");
                    return;
                }
            }
            if (isDisabled && raw != null) {
                problems.add(AUDIENCE + " and " + AUDIENCE_DISABLED + "=true are both set: set exactly one");
                return;
            }
            if (isDisabled) {
                return;
            }
            if (raw == null) {
                problems.add(AUDIENCE + ": is required (comma-separated accepted 'aud' values),"
                        + " unless " + AUDIENCE_DISABLED + "=true");
                return;
            }
            List<String> values = list(AUDIENCE, raw);
            if (values != null) {
                audiences = Set.copyOf(values);
            }
        }

        private void readAlgorithms() {
            String raw = value(ALGORITHMS);
            if (raw == null) {
                algorithms = Set.of(JWSAlgorithm.RS256);
                return;
            }
            List<String> names = list(ALGORITHMS, raw);
            if (names == null) {
                return;
            }
            Set<JWSAlgorithm> out = new LinkedHashSet<>();
            for (String name : names) {
                JWSAlgorithm match = null;
                for (JWSAlgorithm supported : SUPPORTED_ALGORITHMS) {
                    if (supported.getName().equals(name)) {
                        match = supported;
                    }
                }
                if (match == null) {
                    String why = name.equalsIgnoreCase("none") ? " (unsigned tokens are never accepted)"
                            : name.toUpperCase(Locale.ROOT).startsWith("HS")
                                    ? " (HMAC algorithms are never accepted: the key would be a shared secret)"
                                    : "";
                    problems.add(ALGORITHMS + ": '" + name + "' is not allowed" + why + "; allowed: "
                            + SUPPORTED_ALGORITHMS);
                } else {
                    out.add(match);
                }
            }
            algorithms = Set.copyOf(out);
        }

        private void readContextClaims() {
            String raw = value(CONTEXT_CLAIMS);
            if (raw == null) {
                return;
            }
            List<String> names = list(CONTEXT_CLAIMS, raw);
            if (names == null) {
                return;
            }
            for (String name : names) {
                if (!isName(name, CLAIM_NAME_SYMBOLS)) {
                    problems.add(CONTEXT_CLAIMS + ": '" + name + "' is not a usable claim name"
                            + " (letters, digits, '_', '.', ':' and '-')");
                } else if (RESERVED_CONTEXT_KEYS.contains(name) && !name.equals("sub")) {
                    problems.add(CONTEXT_CLAIMS + ": '" + name + "' is set by the authorizer itself"
                            + " (reserved context keys: " + RESERVED_CONTEXT_KEYS + ")");
                }
            }
            List<String> copy = new ArrayList<>(new LinkedHashSet<>(names));
            copy.remove("sub"); // always present
            contextClaims = List.copyOf(copy);
        }

        /**
         * A comma-separated list without empty entries, or null after reporting a problem. (After
         * a problem the configuration is refused whatever is returned, so an empty list instead of
         * null would be an equivalent mutant.)
         */
        private List<String> list(String name, String raw) {
            List<String> out = new ArrayList<>();
            for (String part : raw.split(",", -1)) {
                String item = part.trim();
                if (item.isEmpty()) {
                    problems.add(name + ": has an empty entry in the comma-separated list");
                    return null;
                }
                out.add(item);
            }
            return out;
        }

        private void readRouteScopes() {
            String file = value(ROUTE_SCOPES_FILE);
            String inline = value(ROUTE_SCOPES);
            if (file != null && inline != null) {
                problems.add(ROUTE_SCOPES_FILE + " and " + ROUTE_SCOPES + " are both set: set exactly one");
                return;
            }
            String source;
            String json;
            if (inline != null) {
                source = ROUTE_SCOPES;
                json = inline;
            } else {
                Path path;
                if (file != null) {
                    source = ROUTE_SCOPES_FILE;
                    path = Path.of(file);
                } else {
                    String taskRoot = value(LAMBDA_TASK_ROOT);
                    Path candidate = taskRoot == null ? null : Path.of(taskRoot, DEFAULT_ROUTE_SCOPES_FILE_NAME);
                    if (candidate == null || !Files.isRegularFile(candidate)) {
                        problems.add(ROUTE_SCOPES_FILE + ": no route scopes configured; set " + ROUTE_SCOPES_FILE
                                + " or " + ROUTE_SCOPES + ", or ship ${" + LAMBDA_TASK_ROOT + "}/"
                                + DEFAULT_ROUTE_SCOPES_FILE_NAME);
                        return;
                    }
                    source = ROUTE_SCOPES_FILE + " (default " + candidate + ")";
                    path = candidate;
                }
                try {
                    if (Files.size(path) > MAX_ROUTE_SCOPES_BYTES) {
                        problems.add(source + ": file " + path + " is larger than " + MAX_ROUTE_SCOPES_BYTES + " bytes");
                        return;
                    }
                    json = Files.readString(path, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    problems.add(source + ": cannot read file " + path + " (" + e.getClass().getSimpleName() + ")");
                    return;
                }
            }
            try {
                routeScopes = RouteScopesJson.parse(json);
            } catch (IllegalArgumentException e) {
                problems.add(source + ": " + e.getMessage());
            }
        }
    }
}
