package dev.gatehouse.lambda.jwt.internal;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Set;

/**
 * A token whose signature, issuer, audience and times were verified.
 *
 * @param subject the {@code sub} claim
 * @param scopes the scopes from {@code scope} and {@code scp}, in token order, without duplicates
 * @param claims all claims
 */
public record VerifiedToken(String subject, Set<String> scopes, JWTClaimsSet claims) {}
