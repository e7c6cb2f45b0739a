package dev.gatehouse.lambda.jwt.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import java.util.List;

/** A fixed key set (used to prime the code paths before a SnapStart checkpoint, and by tests). */
public final class StaticKeySource implements KeySource {
    private final KeySet keys;

    public StaticKeySource(KeySet keys) {
        this.keys = keys;
    }

    @Override
    public List<JWSVerifier> verifiers(String kid, JWSAlgorithm alg) throws Rejection {
        if (!keys.hasKid(kid)) {
            throw new Rejection(Reason.UNKNOWN_KID);
        }
        List<JWSVerifier> verifiers = keys.verifiers(kid, alg);
        if (verifiers.isEmpty()) {
            throw new Rejection(Reason.NO_USABLE_KEY);
        }
        return verifiers;
    }
}
