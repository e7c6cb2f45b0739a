/**
 * Authorizers: the bundled {@link dev.gatehouse.auth.JwtAuthorizer}, Lambda authorizers for your
 * own functions, and Amazon Cognito user pools. Each hands out {@link dev.gatehouse.api.Authorization}s
 * for routes, rendered as OpenAPI security schemes with {@code x-amazon-apigateway-authorizer}.
 */
package dev.gatehouse.auth;
