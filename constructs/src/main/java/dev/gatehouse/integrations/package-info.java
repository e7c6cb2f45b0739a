/**
 * Where a route's requests go: {@link dev.gatehouse.integrations.RouteIntegration} and one class per
 * integration kind (Lambda proxy, HTTP proxy, private HTTP proxy through a VPC link, mock, Step
 * Functions, SQS, EventBridge, DynamoDB). A kind is a plain object whose
 * {@code bind(IntegrationContext)} renders the route's {@code x-amazon-apigateway-integration};
 * everything it needs from the API (the route, Lambda invoke permissions, the API's execution role,
 * security schemes, reporting problems) is on
 * {@link dev.gatehouse.integrations.IntegrationContext}, so a new kind is one new class here. The
 * AWS-service kinds' VTL mapping templates are {@code .vtl} files beside these classes.
 */
package dev.gatehouse.integrations;
