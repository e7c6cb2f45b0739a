package dev.gatehouse.lambda.jwt.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The usable signature keys of one JSON Web Key Set, with their verifiers built once.
 *
 * <p>A key is used only if it has a {@code kid}; its {@code use}, if present, is {@code sig}; its
 * {@code key_ops}, if present, include {@code verify}; it is an RSA key of at least 2048 bits (for
 * RS256/384/512 and PS256) or an EC key on P-256 (ES256) or P-384 (ES384); and its {@code alg}, if
 * present, is the token's. Symmetric ({@code oct}) keys are never used. Keys usable for none of
 * the allowed algorithms are dropped while parsing; verifiers are built on first use.
 */
public final class KeySet {
    /** The smallest RSA modulus accepted. */
    public static final int MIN_RSA_BITS = 2048;

    private static final Set<JWSAlgorithm> RSA_ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256);

    /** One usable key; its verifier (which builds a JCA public key) is created on first use. */
    private static final class Entry {
        private final Set<JWSAlgorithm> algorithms;
        private final JWK jwk;
        private volatile JWSVerifier verifier;

        Entry(Set<JWSAlgorithm> algorithms, JWK jwk) {
            this.algorithms = algorithms;
            this.jwk = jwk;
        }

        Set<JWSAlgorithm> algorithms() {
            return algorithms;
        }

        /** The verifier, or null if nimbus cannot turn the key into a public key. */
        JWSVerifier verifier() {
            JWSVerifier v = verifier;
            if (v == null) {
                try {
                    v = jwk instanceof RSAKey rsa ? new RSASSAVerifier(rsa.toRSAPublicKey())
                            : new ECDSAVerifier(((ECKey) jwk).toECPublicKey());
                } catch (JOSEException e) {
                    return null;
                }
                verifier = v;
            }
            return v;
        }
    }

    private final Map<String, List<Entry>> byKid;
    private final Set<String> allKids;
    private final Instant fetchedAt;
    private final int usableKeys;

    private KeySet(Map<String, List<Entry>> byKid, Set<String> allKids, Instant fetchedAt, int usableKeys) {
        this.byKid = byKid;
        this.allKids = allKids;
        this.fetchedAt = fetchedAt;
        this.usableKeys = usableKeys;
    }

    /**
     * Parses a JWKS document. Each key is parsed by nimbus on its own: a key of a type no allowed
     * algorithm uses is not parsed at all, and a malformed key is skipped without discarding the
     * others.
     *
     * @param allowed the algorithms the authorizer accepts; keys usable for none of them are dropped
     * @throws ParseException when the document is not a JSON object with a {@code keys} array
     */
    public static KeySet parse(String json, Set<JWSAlgorithm> allowed, Instant fetchedAt) throws ParseException {
        Map<String, Object> document = JSONObjectUtils.parse(json);
        List<Object> keys = JSONObjectUtils.getJSONArray(document, "keys");
        if (keys == null) {
            throw new ParseException("no \"keys\" member", 0);
        }
        boolean rsaAllowed = allowed.stream().anyMatch(RSA_ALGORITHMS::contains);
        boolean ecAllowed = allowed.contains(JWSAlgorithm.ES256) || allowed.contains(JWSAlgorithm.ES384);
        Map<String, List<Entry>> byKid = new HashMap<>();
        Set<String> allKids = new HashSet<>();
        int usable = 0;
        for (Object item : keys) {
            if (!(item instanceof Map<?, ?> raw)) {
                continue;
            }
            if (!(raw.get("kid") instanceof String kid) || kid.isEmpty()) {
                continue;
            }
            allKids.add(kid);
            Object kty = raw.get("kty");
            if (!(("RSA".equals(kty) && rsaAllowed) || ("EC".equals(kty) && ecAllowed))) {
                continue;
            }
            JWK jwk;
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) raw;
                jwk = JWK.parse(object);
            } catch (ParseException e) {
                continue; // one malformed key does not make the others unusable
            }
            Entry entry = entry(jwk, allowed);
            if (entry != null) {
                byKid.computeIfAbsent(kid, k -> new ArrayList<>(1)).add(entry);
                usable++;
            }
        }
        return new KeySet(byKid, Set.copyOf(allKids), fetchedAt, usable);
    }

    private static Entry entry(JWK jwk, Set<JWSAlgorithm> allowed) {
        if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
            return null;
        }
        Set<KeyOperation> ops = jwk.getKeyOperations();
        if (ops != null && !ops.contains(KeyOperation.VERIFY)) {
            return null;
        }
        Set<JWSAlgorithm> algorithms = new HashSet<>();
        if (jwk instanceof RSAKey rsa) {
            if (rsa.size() < MIN_RSA_BITS) {
                return null;
            }
            algorithms.addAll(RSA_ALGORITHMS);
        } else if (jwk instanceof ECKey ec) {
            if (Curve.P_256.equals(ec.getCurve())) {
                algorithms.add(JWSAlgorithm.ES256);
            } else if (Curve.P_384.equals(ec.getCurve())) {
                algorithms.add(JWSAlgorithm.ES384);
            } else {
                return null;
            }
        } else {
            return null;
        }
        if (jwk.getAlgorithm() != null) {
            algorithms.removeIf(alg -> !alg.getName().equals(jwk.getAlgorithm().getName()));
        }
        algorithms.retainAll(allowed);
        return algorithms.isEmpty() ? null : new Entry(Set.copyOf(algorithms), jwk);
    }

    /** Verifiers for a kid and algorithm; empty if none. */
    public List<JWSVerifier> verifiers(String kid, JWSAlgorithm alg) {
        List<Entry> entries = byKid.get(kid);
        if (entries == null) {
            return List.of();
        }
        List<JWSVerifier> out = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            if (entry.algorithms().contains(alg)) {
                JWSVerifier verifier = entry.verifier();
                if (verifier != null) {
                    out.add(verifier);
                }
            }
        }
        return out;
    }

    /** Whether the set has a key with this kid, usable or not. */
    public boolean hasKid(String kid) {
        return allKids.contains(kid);
    }

    /** When the set was fetched. */
    public Instant fetchedAt() {
        return fetchedAt;
    }

    /** How many keys are usable. */
    public int usableKeys() {
        return usableKeys;
    }
}
