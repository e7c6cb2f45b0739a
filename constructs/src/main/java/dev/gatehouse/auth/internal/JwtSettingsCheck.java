package dev.gatehouse.auth.internal;

import dev.gatehouse.api.internal.Tokens;
import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rules;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks the bundled JWT authorizer makes on its settings when it starts
 * ({@code JwtAuthorizerConfig} in gatehouse-lambda-handlers), made at synth instead, so that a
 * configuration that synthesizes also starts. Values that are deploy-time tokens are not judged.
 */
public final class JwtSettingsCheck {
    /** Context keys the authorizer sets itself (besides {@code sub}, which it always copies). */
    static final Set<String> RESERVED_CONTEXT_KEYS = Set.of("scope", "gatehousePolicy");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Findings findings;
    private final String subject;

    public JwtSettingsCheck(Findings findings, String subject) {
        this.findings = findings;
        this.subject = subject;
    }

    /**
     * Checks the issuer and where its keys are; returns the JWKS URL the authorizer will use.
     *
     * @param jwksUrl the URL given explicitly, or null for the issuer's
     *     {@code /.well-known/jwks.json}
     */
    public String issuerAndKeys(String issuer, String jwksUrl) {
        if (issuer == null || issuer.isBlank()) {
            findings.report(Rules.JWT_SETTINGS, subject, "it has no issuer.",
                    "set issuer(...) to the exact 'iss' value of the tokens, e.g. \"https://auth.example.com/\".");
            return jwksUrl != null ? checkedJwksUrl(jwksUrl) : "";
        }
        if (jwksUrl != null) {
            if (!Tokens.containsToken(issuer) && looksLikeABareHost(issuer)) {
                findings.report(Rules.JWT_ISSUER_SCHEME, subject, "the issuer '" + issuer + "' has no scheme, so only "
                                + "tokens whose 'iss' is exactly '" + issuer + "' are accepted; OpenID Connect issuers "
                                + "are https URLs.",
                        "write the issuer exactly as the tokens' 'iss' claim has it, e.g. \"https://" + hostLike(issuer)
                                + "/\"; keep it only if the tokens really carry the bare host.");
            }
            return checkedJwksUrl(jwksUrl);
        }
        String derived = issuer.replaceAll("/+$", "") + "/.well-known/jwks.json";
        if (!Tokens.containsToken(issuer) && problemWithUrl(issuer) != null) {
            findings.report(Rules.JWT_SETTINGS, subject, "the issuer '" + issuer + "' is not an https URL ("
                            + problemWithUrl(issuer) + "), so the keys cannot be found at its "
                            + "/.well-known/jwks.json.",
                    "write the issuer exactly as the tokens' 'iss' claim has it, e.g. \"https://" + hostLike(issuer)
                            + "/\" (OpenID Connect issuers are https URLs); if the tokens' 'iss' really is not a "
                            + "URL, also set jwksUrl(...) to where the keys are.");
            return derived;
        }
        return checkedJwksUrl(derived);
    }

    private String checkedJwksUrl(String url) {
        if (Tokens.containsToken(url)) {
            return url;
        }
        String problem = problemWithUrl(url);
        if (problem != null) {
            findings.report(Rules.JWT_SETTINGS, subject, "the JWKS URL '" + url + "' " + problem + ".",
                    "serve the keys over https from a URL without credentials or fragment, and set jwksUrl(...) "
                            + "if they are not at the issuer's /.well-known/jwks.json.");
        } else if (URI.create(url).getScheme().equalsIgnoreCase("http")) {
            findings.report(Rules.JWT_LOCAL_ISSUER, subject, "its keys are at '" + url + "', on this machine.",
                    "use this only with the local gateway or in tests; deploy with an https issuer.");
        }
        return url;
    }

    /** Why the authorizer would refuse {@code url} as a JWKS URL, or null when it accepts it. */
    private static String problemWithUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "is not a URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return scheme.isEmpty() ? "has no scheme (https://)" : "has no host";
        }
        if (uri.getRawUserInfo() != null) {
            return "has credentials before the host";
        }
        if (uri.getRawFragment() != null) {
            return "has a fragment";
        }
        if (scheme.equals("https") || (scheme.equals("http") && LOOPBACK_HOSTS.contains(host))) {
            return null;
        }
        return "is not https";
    }

    /** {@code auth.example.com} or {@code auth.example.com/tenant}: a DNS name with a dot, no scheme. */
    private static boolean looksLikeABareHost(String issuer) {
        return !issuer.contains("://") && issuer.matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+(:[0-9]+)?(/\\S*)?");
    }

    private static String hostLike(String issuer) {
        String rest = issuer.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "");
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** Audiences travel comma-separated to the authorizer: none may be blank or hold a comma. */
    public void audiences(List<String> audiences) {
        for (String audience : audiences) {
            if (audience == null || audience.isBlank() || (!Tokens.containsToken(audience) && audience.contains(","))) {
                findings.report(Rules.JWT_SETTINGS, subject, "the audience '" + audience + "' is empty or holds a comma.",
                        "list each accepted 'aud' value as its own entry, e.g. List.of(\"orders-api\", \"admin-api\").");
            }
        }
    }

    /** Claims copied into the authorizer context: claim names the authorizer does not set itself. */
    public void contextClaims(List<String> claims) {
        for (String claim : claims) {
            if (claim == null || !isClaimName(claim)) {
                findings.report(Rules.JWT_SETTINGS, subject, "the context claim '" + claim + "' is not a claim name.",
                        "list claim names of letters, digits, '_', '.', ':' and '-', e.g. List.of(\"email\", \"tenant\").");
            } else if (RESERVED_CONTEXT_KEYS.contains(claim)) {
                findings.report(Rules.JWT_SETTINGS, subject, "the context claim '" + claim + "' is a context key the "
                                + "authorizer sets itself (" + new java.util.TreeSet<>(RESERVED_CONTEXT_KEYS) + ").",
                        "leave it out: the granted scopes are already in the context as 'scope'.");
            }
        }
    }

    private static boolean isClaimName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphanumeric && "_.:-".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
