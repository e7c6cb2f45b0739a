package dev.gatehouse.local.internal.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.local.internal.http.GatewayRequest;
import dev.gatehouse.local.internal.http.Headers;
import dev.gatehouse.local.internal.pipeline.Exchange;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The event of a REST API's Lambda proxy integration (payload format 1.0) and its parts, which a
 * REQUEST authorizer's event shares
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-input-format).
 */
public final class ProxyEvents {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> IDENTITY_KEYS = List.of("cognitoIdentityPoolId", "accountId", "cognitoIdentityId",
            "caller", "sourceIp", "principalOrgId", "accessKey", "cognitoAuthenticationType",
            "cognitoAuthenticationProvider", "userArn", "userAgent", "user", "apiKey", "apiKeyId", "clientCert");

    private ProxyEvents() {
    }

    /** The proxy integration's event for a request. */
    public static ObjectNode event(Exchange exchange, JsonNode stageVariables, List<String> binaryMediaTypes) {
        ObjectNode event = requestParts(exchange, stageVariables);
        GatewayRequest request = exchange.request();
        event.set("requestContext", requestContext(exchange, true));
        byte[] body = request.body();
        if (body.length == 0) {
            event.putNull("body");
            event.put("isBase64Encoded", false);
        } else if (isBinary(request.headers().first("Content-Type"), binaryMediaTypes)) {
            event.put("body", Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", true);
        } else {
            event.put("body", new String(body, StandardCharsets.UTF_8));
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /** resource, path, httpMethod, headers, query strings, path parameters, stage variables. */
    public static ObjectNode requestParts(Exchange exchange, JsonNode stageVariables) {
        GatewayRequest request = exchange.request();
        ObjectNode event = NODES.objectNode();
        event.put("resource", exchange.resourcePath());
        event.put("path", request.path());
        event.put("httpMethod", request.method());
        Headers headers = request.headers();
        if (headers.isEmpty()) {
            event.putNull("headers");
            event.putNull("multiValueHeaders");
        } else {
            ObjectNode single = event.putObject("headers");
            ObjectNode multi = event.putObject("multiValueHeaders");
            for (Map.Entry<String, List<String>> header : headers.asMap().entrySet()) {
                single.put(header.getKey(), header.getValue().get(header.getValue().size() - 1));
                header.getValue().forEach(multi.withArray(header.getKey())::add);
            }
        }
        List<Map.Entry<String, String>> query = request.queryParameters();
        if (query.isEmpty()) {
            event.putNull("queryStringParameters");
            event.putNull("multiValueQueryStringParameters");
        } else {
            ObjectNode single = event.putObject("queryStringParameters");
            ObjectNode multi = event.putObject("multiValueQueryStringParameters");
            for (Map.Entry<String, String> parameter : query) {
                single.put(parameter.getKey(), parameter.getValue());
                multi.withArray(parameter.getKey()).add(parameter.getValue());
            }
        }
        if (exchange.pathParameters().isEmpty()) {
            event.putNull("pathParameters");
        } else {
            ObjectNode path = event.putObject("pathParameters");
            exchange.pathParameters().forEach(path::put);
        }
        if (stageVariables == null || stageVariables.isEmpty()) {
            event.putNull("stageVariables");
        } else {
            event.set("stageVariables", stageVariables);
        }
        return event;
    }

    /** {@code requestContext}; with the authorizer's principal and context when {@code withAuthorizer}. */
    public static ObjectNode requestContext(Exchange exchange, boolean withAuthorizer) {
        ObjectNode context = NODES.objectNode();
        context.put("resourceId", exchange.contextValue("resourceId"));
        context.put("resourcePath", exchange.resourcePath());
        context.put("httpMethod", exchange.request().method());
        context.put("extendedRequestId", exchange.contextValue("extendedRequestId"));
        context.put("requestTime", exchange.requestTimeText());
        context.put("path", exchange.contextPath());
        context.put("accountId", exchange.stage().accountId());
        context.put("protocol", exchange.request().protocol());
        context.put("stage", exchange.stage().stageName());
        context.put("domainPrefix", exchange.contextValue("domainPrefix"));
        context.put("requestTimeEpoch", exchange.requestTime().toEpochMilli());
        context.put("requestId", exchange.requestId());
        ObjectNode identity = context.putObject("identity");
        for (String key : IDENTITY_KEYS) {
            String value = key.equals("sourceIp") ? exchange.request().sourceIp()
                    : key.equals("userAgent") ? exchange.request().headers().first("User-Agent")
                    : exchange.identity().get(key);
            if (value == null) {
                identity.putNull(key);
            } else {
                identity.put(key, value);
            }
        }
        context.put("domainName", exchange.stage().domainName());
        context.put("apiId", exchange.stage().apiId());
        if (withAuthorizer && !exchange.authorizer().isEmpty()) {
            context.set("authorizer", JSON.valueToTree(exchange.authorizer()));
        }
        return context;
    }

    /** Whether a content type is one of the API's binary media types (wildcards allowed). */
    public static boolean isBinary(String contentType, List<String> binaryMediaTypes) {
        if (contentType == null || binaryMediaTypes.isEmpty()) {
            return false;
        }
        String type = TemplateMapping.mediaType(contentType);
        for (String binary : binaryMediaTypes) {
            String b = binary.toLowerCase(Locale.ROOT).trim();
            if (b.equals("*/*") || b.equals(type)
                    || (b.endsWith("/*") && type.startsWith(b.substring(0, b.length() - 1)))) {
                return true;
            }
        }
        return false;
    }
}
