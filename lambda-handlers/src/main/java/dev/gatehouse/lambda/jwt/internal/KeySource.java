package dev.gatehouse.lambda.jwt.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import java.util.List;

/** Supplies signature verifiers for a token's {@code kid} and {@code alg}. */
public interface KeySource {
    /**
     * Verifiers of the keys with this {@code kid} usable with {@code alg}.
     *
     * @throws Rejection {@link Reason#KEYS_UNAVAILABLE} when no key set could be obtained,
     *     {@link Reason#UNKNOWN_KID} when no key has the kid, {@link Reason#NO_USABLE_KEY} when keys
     *     with the kid exist but none may verify {@code alg}
     */
    List<JWSVerifier> verifiers(String kid, JWSAlgorithm alg) throws Rejection;
}
