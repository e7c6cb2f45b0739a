package dev.gatehouse.lambda.jwt.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies a compact JWS token with nimbus-jose-jwt: size and character checks before parsing,
 * algorithm allow-list, required {@code kid}, signature with a key from the {@link KeySource}, then
 * {@code iss}, {@code aud}, {@code exp} (required), {@code nbf}, {@code iat} and {@code sub}
 * (required) against an injected clock with a bounded skew.
 */
public final class TokenValidator {
    private final KeySource keys;
    private final Clock clock;
    private final Set<JWSAlgorithm> algorithms;
    private final String issuer;
    private final Set<String> audiences;
    private final Duration skew;
    private final int maxBytes;

    /**
     * @param audiences accepted {@code aud} values; empty to skip the audience check
     */
    public TokenValidator(KeySource keys, Clock clock, Set<JWSAlgorithm> algorithms, String issuer,
            Set<String> audiences, Duration skew, int maxBytes) {
        this.keys = keys;
        this.clock = clock;
        this.algorithms = Set.copyOf(algorithms);
        this.issuer = issuer;
        this.audiences = Set.copyOf(audiences);
        this.skew = skew;
        this.maxBytes = maxBytes;
    }

    /**
     * Verifies a token.
     *
     * @throws Rejection naming the first check that failed
     */
    public VerifiedToken validate(String token) throws Rejection {
        if (token == null || token.isEmpty()) {
            throw new Rejection(Reason.MISSING_TOKEN);
        }
        if (token.length() > maxBytes) {
            throw new Rejection(Reason.TOKEN_TOO_LARGE, token.length() + " characters");
        }
        int dots = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c >= 128 || !BASE64URL_OR_DOT[c]) {
                throw new Rejection(Reason.MALFORMED_TOKEN, "not base64url");
            }
            if (c == '.') {
                dots++;
            }
        }
        if (dots != 2) {
            throw new Rejection(Reason.MALFORMED_TOKEN, "not a compact JWS");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new Rejection(Reason.MALFORMED_TOKEN, "unparsable");
        }
        JWSHeader header = jwt.getHeader();
        JWSAlgorithm alg = header.getAlgorithm();
        if (alg == null || !algorithms.contains(alg)) {
            throw new Rejection(Reason.ALGORITHM_NOT_ALLOWED, alg == null ? null : alg.getName());
        }
        String kid = header.getKeyID();
        if (kid == null || kid.isEmpty()) {
            throw new Rejection(Reason.MISSING_KID);
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            throw new Rejection(Reason.CRITICAL_HEADER); // no extension is understood here (RFC 7515 4.1.11)
        }
        if (!verified(jwt, keys.verifiers(kid, alg))) {
            throw new Rejection(Reason.BAD_SIGNATURE);
        }
        return checkClaims(claims(jwt));
    }

    private static final boolean[] BASE64URL_OR_DOT = new boolean[128];

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            BASE64URL_OR_DOT[c] = true;
            BASE64URL_OR_DOT[Character.toLowerCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            BASE64URL_OR_DOT[c] = true;
        }
        BASE64URL_OR_DOT['-'] = true;
        BASE64URL_OR_DOT['_'] = true;
        BASE64URL_OR_DOT['.'] = true;
    }

    /**
     * The claims, parsed by nimbus (JSON and claim types) from the payload decoded with the JDK's
     * strict base64url decoder (several times faster than going through {@code Payload}).
     */
    private static JWTClaimsSet claims(SignedJWT jwt) throws Rejection {
        try {
            byte[] json = Base64.getUrlDecoder().decode(jwt.getParsedParts()[1].toString());
            return JWTClaimsSet.parse(JSONObjectUtils.parse(new String(json, StandardCharsets.UTF_8)));
        } catch (ParseException | IllegalArgumentException e) {
            throw new Rejection(Reason.MALFORMED_CLAIMS);
        }
    }

    private static boolean verified(SignedJWT jwt, List<JWSVerifier> verifiers) {
        for (JWSVerifier verifier : verifiers) {
            try {
                if (jwt.verify(verifier)) {
                    return true;
                }
            } catch (JOSEException e) {
                // a signature of the wrong length or form for this key: try the next key
            } catch (IllegalStateException e) {
                // (never reached: SignedJWT.parse gives a signed object, and verify wraps whatever a verifier
                // throws in JOSEException, so "return true" here is an equivalent mutant)
                return false; // not in a verifiable state
            }
        }
        return false;
    }

    private VerifiedToken checkClaims(JWTClaimsSet claims) throws Rejection {
        Instant now = clock.instant();
        Date exp;
        Date nbf;
        Date iat;
        String sub;
        String iss;
        List<String> aud;
        try {
            exp = claims.getExpirationTime();
            nbf = claims.getNotBeforeTime();
            iat = claims.getIssueTime();
            sub = claims.getStringClaim("sub");
            iss = claims.getStringClaim("iss");
            aud = claims.getAudience();
        } catch (ParseException e) {
            throw new Rejection(Reason.MALFORMED_CLAIMS);
        }
        if (exp == null) {
            throw new Rejection(Reason.MISSING_EXP);
        }
        if (!now.isBefore(exp.toInstant().plus(skew))) {
            throw new Rejection(Reason.EXPIRED);
        }
        if (nbf != null && now.isBefore(nbf.toInstant().minus(skew))) {
            throw new Rejection(Reason.NOT_YET_VALID);
        }
        if (iat != null && iat.toInstant().isAfter(now.plus(skew))) {
            throw new Rejection(Reason.ISSUED_IN_FUTURE);
        }
        if (!issuer.equals(iss)) {
            throw new Rejection(Reason.WRONG_ISSUER);
        }
        if (!audiences.isEmpty() && (aud == null || Collections.disjoint(aud, audiences))) {
            throw new Rejection(Reason.WRONG_AUDIENCE);
        }
        if (sub == null || sub.isEmpty()) {
            throw new Rejection(Reason.MISSING_SUB);
        }
        return new VerifiedToken(sub, scopes(claims), claims);
    }

    /** Scopes from {@code scope} (space-separated string) and {@code scp} (array or string). */
    static Set<String> scopes(JWTClaimsSet claims) throws Rejection {
        Set<String> out = new LinkedHashSet<>();
        addScopes(out, claims.getClaim("scope"), false);
        addScopes(out, claims.getClaim("scp"), true);
        return Collections.unmodifiableSet(out);
    }

    private static void addScopes(Set<String> out, Object value, boolean arrayAllowed) throws Rejection {
        if (value == null) {
            return;
        }
        if (value instanceof String s) {
            int start = 0;
            // ("start <= s.length()" would add nothing in its extra round: equivalent)
            while (start < s.length()) {
                int end = s.indexOf(' ', start);
                if (end < 0) {
                    end = s.length();
                }
                if (end > start) {
                    out.add(s.substring(start, end));
                }
                start = end + 1;
            }
            return;
        }
        if (arrayAllowed && value instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof String s) || s.isEmpty() || s.indexOf(' ') >= 0) {
                    throw new Rejection(Reason.MALFORMED_SCOPE);
                }
                out.add(s);
            }
            return;
        }
        throw new Rejection(Reason.MALFORMED_SCOPE);
    }
}
