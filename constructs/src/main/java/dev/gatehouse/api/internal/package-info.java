/**
 * Internals of {@link dev.gatehouse.api.GatewayApi}: route parsing and checks, OpenAPI rendering,
 * CloudFormation rendering. Not part of the public API; anything here may change in any release.
 */
package dev.gatehouse.api.internal;
