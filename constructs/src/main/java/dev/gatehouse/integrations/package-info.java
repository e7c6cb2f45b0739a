/**
 * Where a route's requests go: {@link dev.gatehouse.integrations.RouteIntegration} and one class per
 * integration kind (Lambda proxy, HTTP proxy, private HTTP proxy through a VPC link, mock). A kind
 * is a plain object whose {@code bind(IntegrationContext)} renders the route's
 * {@code x-amazon-apigateway-integration}; everything it needs from the API (the route, Lambda
 * invoke permissions, security schemes, reporting problems) is on
 * {@link dev.gatehouse.integrations.IntegrationContext}, so a new kind is one new class here.
 */
package dev.gatehouse.integrations;
