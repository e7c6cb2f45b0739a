/**
 * A Lambda authorizer for API Gateway REST APIs (TOKEN and REQUEST types) that verifies JWTs
 * against a JWKS with nimbus-jose-jwt and returns an IAM policy covering every route of its
 * route-scopes configuration. Entry point: {@link dev.gatehouse.lambda.jwt.JwtAuthorizerHandler}.
 * See docs/jwt-authorizer.md.
 */
package dev.gatehouse.lambda.jwt;
