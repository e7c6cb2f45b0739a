/**
 * The stage cache's custom resource handler: applies the cache invalidation settings that
 * CloudFormation cannot set (requireAuthorizationForCacheControl,
 * unauthorizedCacheControlHeaderStrategy) to a stage's cached methods, and flushes the stage cache
 * when a deployment changes the API, if asked to.
 */
package dev.gatehouse.lambda.cache;
