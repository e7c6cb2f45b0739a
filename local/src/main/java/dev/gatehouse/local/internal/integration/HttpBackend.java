package dev.gatehouse.local.internal.integration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.local.internal.api.Operation;
import dev.gatehouse.local.internal.http.GatewayResult;
import dev.gatehouse.local.internal.http.Headers;
import dev.gatehouse.local.internal.pipeline.Exchange;
import dev.gatehouse.local.internal.pipeline.GatewayError;
import dev.gatehouse.local.internal.pipeline.ResponseType;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The HTTP endpoint of an {@code http} or {@code http_proxy} integration: its URL with path
 * variables filled in, the request parameter mappings, and the call with the integration's
 * timeout. A VPC-link target, or a route given {@code --integration-url}, is reached at the local
 * URL instead: its scheme, host and port (and path prefix) replace the integration's.
 */
final class HttpBackend {
    /** Headers the JDK client sets itself, and hop-by-hop headers a proxy does not forward. */
    static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer", "proxy-authorization", "proxy-connection", "http2-settings");

    private final Operation operation;
    private final IntegrationSetup setup;
    private final String uri;
    private final URI base;
    private final long timeoutMillis;
    private final Map<String, String> stageVariables = new LinkedHashMap<>();

    /**
     * @param base the local URL standing for the integration's host, or null
     */
    HttpBackend(Operation operation, IntegrationSetup setup, String uri, URI base) {
        this.operation = operation;
        this.setup = setup;
        this.uri = uri;
        this.base = base;
        this.timeoutMillis = operation.integration().path("timeoutInMillis").asLong(LambdaProxyIntegration.DEFAULT_TIMEOUT_MILLIS);
        setup.api().stageVariables().fields().forEachRemaining(f -> stageVariables.put(f.getKey(), f.getValue().asText()));
    }

    /**
     * The integration of a route whose integration is of a type ("http", "http_proxy"), made with
     * its backend; empty for another type; a 501 for a VPC link without a local URL.
     */
    static Optional<Integration> integration(String type, Operation operation, IntegrationSetup setup,
            Function<HttpBackend, Integration> factory) {
        JsonNode integration = operation.integration();
        if (!type.equalsIgnoreCase(integration.path("type").asText())) {
            return Optional.empty();
        }
        URI local = setup.localUrls().get(operation.routeKey());
        if (local == null && integration.path("connectionType").asText("INTERNET").equalsIgnoreCase("VPC_LINK")) {
            String link = integration.path("connectionId").asText("");
            local = setup.localUrls().get(link);
            if (local == null) {
                return Optional.of(NotImplementedIntegration.of(operation, "it goes through VPC link '" + link
                        + "'; give the local URL of its target with --vpc-link '" + link + "=http://localhost:PORT'"));
            }
        }
        return Optional.of(factory.apply(new HttpBackend(operation, setup, integration.path("uri").asText(), local)));
    }

    /**
     * Calls the backend.
     *
     * @throws GatewayError 504 after the integration timeout, 502 when it cannot be reached
     */
    GatewayResult call(Exchange exchange, String method, URI target, Headers headers, byte[] body) throws GatewayError {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofMillis(timeoutMillis));
        for (String name : headers.names()) {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                headers.all(name).forEach(value -> request.header(name, value));
            }
        }
        request.method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<byte[]> response;
        try {
            response = setup.http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            exchange.integrationDone(504, "timeout");
            throw new GatewayError(ResponseType.INTEGRATION_TIMEOUT, 504, "Endpoint request timed out",
                    operation.routeKey() + ": " + target + " did not answer within " + timeoutMillis + " ms");
        } catch (IOException e) {
            exchange.integrationDone(502, e.toString());
            throw new GatewayError(ResponseType.INTEGRATION_FAILURE, 502, "Internal server error",
                    operation.routeKey() + ": could not reach " + target + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayError(ResponseType.INTEGRATION_FAILURE, 502, "Internal server error", "interrupted");
        }
        exchange.integrationDone(response.statusCode(), null);
        Headers out = new Headers();
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(value -> out.add(name, value));
            }
        });
        return new GatewayResult(response.statusCode(), out, response.body());
    }

    /** The integration's HTTP method; ANY is the request's. */
    String method(Exchange exchange) {
        String method = operation.integration().path("httpMethod").asText("ANY");
        return method.equalsIgnoreCase("ANY") ? exchange.request().method() : method.toUpperCase(Locale.ROOT);
    }

    /**
     * The backend URL: path variables filled in (mapped ones over the request's), then the
     * request's own query string when {@code passQuery} (proxy integrations), then the mapped
     * query string parameters; a request template's overrides replace mapped values.
     */
    URI target(Exchange exchange, boolean passQuery, TemplateOverrides overrides) throws GatewayError {
        Map<String, String> pathValues = new LinkedHashMap<>(exchange.pathParameters());
        pathValues.putAll(mapped("integration.request.path.", exchange));
        pathValues.putAll(overrides.requestPath());
        StringBuilder url = new StringBuilder();
        int i = 0;
        while (i < uri.length()) {
            char c = uri.charAt(i);
            int close = c == '{' ? uri.indexOf('}', i) : -1;
            if (close > 0) {
                String name = uri.substring(i + 1, close).replace("+", "");
                url.append(encodePath(pathValues.getOrDefault(name, "")));
                i = close + 1;
            } else {
                url.append(c);
                i++;
            }
        }
        StringBuilder query = new StringBuilder();
        if (passQuery && exchange.request().rawQuery() != null && !exchange.request().rawQuery().isEmpty()) {
            query.append(exchange.request().rawQuery());
        }
        Map<String, String> mappedQuery = mapped("integration.request.querystring.", exchange);
        mappedQuery.putAll(overrides.requestQuery());
        mappedQuery.forEach((name, value) -> {
            query.append(query.length() == 0 ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        if (query.length() > 0) {
            url.append(url.indexOf("?") < 0 ? '?' : '&').append(query);
        }
        try {
            URI resolved = URI.create(url.toString());
            if (base != null) {
                String path = (base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/$", ""))
                        + (resolved.getRawPath() == null ? "" : resolved.getRawPath());
                resolved = URI.create(base.getScheme() + "://" + base.getRawAuthority() + path
                        + (resolved.getRawQuery() == null ? "" : "?" + resolved.getRawQuery()));
            }
            return resolved;
        } catch (IllegalArgumentException e) {
            throw new GatewayError(ResponseType.API_CONFIGURATION_ERROR, 500, "Internal server error",
                    operation.routeKey() + ": the integration URL " + url + " is not valid: " + e.getMessage());
        }
    }

    /** The values of the request parameter mappings whose names start with a prefix, by the rest of their names. */
    Map<String, String> mapped(String prefix, Exchange exchange) {
        Map<String, String> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> parameters = operation.integration().path("requestParameters").fields();
        while (parameters.hasNext()) {
            Map.Entry<String, JsonNode> parameter = parameters.next();
            if (parameter.getKey().startsWith(prefix)) {
                String value = ParameterValues.value(parameter.getValue().asText(), exchange, stageVariables, null);
                if (value != null) {
                    out.put(parameter.getKey().substring(prefix.length()), value);
                }
            }
        }
        return out;
    }

    private static String encodePath(String value) {
        StringBuilder out = new StringBuilder();
        for (String segment : List.of(value.split("/", -1))) {
            if (out.length() > 0 || value.startsWith("/")) {
                out.append('/');
            }
            out.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return value.startsWith("/") ? out.substring(1) : out.toString();
    }
}
