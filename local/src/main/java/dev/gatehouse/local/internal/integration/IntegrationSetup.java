package dev.gatehouse.local.internal.integration;

import dev.gatehouse.local.internal.api.ApiDefinition;
import dev.gatehouse.local.internal.lambda.LambdaFunctions;
import dev.gatehouse.local.internal.mapping.MappingTemplates;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;

/**
 * What integrations share: the API, the functions, the mapping template engine, an HTTP client,
 * and the local URLs given for backends that do not run locally.
 *
 * @param localUrls a route key ("GET /x") or a VPC link id to the URL requests are forwarded to
 */
public record IntegrationSetup(ApiDefinition api, LambdaFunctions functions, MappingTemplates templates,
        HttpClient http, Map<String, URI> localUrls) {
}
