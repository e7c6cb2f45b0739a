/**
 * The OpenAPI document publisher: the custom resource behind a {@code GatewayApi} whose document is
 * too large for the template. It reads the document Gatehouse synthesized as a file asset, with
 * deploy-time values as {@code ${Name}} placeholders, fills those in from the resource's
 * properties (escaped for JSON), and writes the result to the API's document bucket under a key
 * derived from its SHA-256, so that the RestApi's {@code BodyS3Location} can point at it.
 * {@link dev.gatehouse.lambda.document.DocumentPublisherHandler} is the Lambda entry point over
 * the plain {@link dev.gatehouse.lambda.document.DocumentPublisher}.
 */
package dev.gatehouse.lambda.document;
