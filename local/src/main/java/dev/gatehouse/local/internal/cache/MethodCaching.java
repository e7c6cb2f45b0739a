package dev.gatehouse.local.internal.cache;

import dev.gatehouse.local.internal.pipeline.Exchange;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How one method of one resource is cached: its TTL (from the stage's method settings), its cache
 * key (the integration's {@code cacheNamespace} and {@code cacheKeyParameters}) and who may
 * invalidate its entries.
 *
 * @param namespace the integration's cacheNamespace, else the resource path (API Gateway's
 *     default is the resource's id)
 * @param keyParameters {@code method.request.path|querystring|header|multivaluequerystring|multivalueheader.NAME}
 * @param requireAuthorization whether {@code Cache-Control: max-age=0} needs a caller allowed
 *     {@code execute-api:InvalidateCache}
 */
public record MethodCaching(int ttlSeconds, String namespace, List<String> keyParameters, boolean requireAuthorization,
        UnauthorizedStrategy unauthorized) {

    /**
     * The cache key of a request: the stage, the namespace, the HTTP method and the values of the
     * key parameters, nothing else (a parameter not in the key does not tell entries apart).
     */
    String key(Exchange exchange) {
        StringBuilder key = new StringBuilder();
        key.append(exchange.stage().stageName()).append('\u0000').append(namespace).append('\u0000')
                .append(exchange.request().method());
        for (String parameter : keyParameters) {
            key.append('\u0000').append(parameter).append('=');
            List<String> values = values(parameter, exchange);
            if (values.isEmpty()) {
                key.append('\u0001'); // absent, unlike an empty value
            }
            for (String value : values) {
                key.append(value.length()).append(':').append(value);
            }
        }
        return key.toString();
    }

    private static List<String> values(String parameter, Exchange exchange) {
        String lower = parameter.toLowerCase(Locale.ROOT);
        if (lower.startsWith("method.request.path.")) {
            String value = exchange.pathParameters().get(parameter.substring("method.request.path.".length()));
            return value == null ? List.of() : List.of(value);
        }
        if (lower.startsWith("method.request.querystring.")) {
            List<String> all = query(exchange, parameter.substring("method.request.querystring.".length()));
            return all.isEmpty() ? all : List.of(all.get(all.size() - 1));
        }
        if (lower.startsWith("method.request.multivaluequerystring.")) {
            return query(exchange, parameter.substring("method.request.multivaluequerystring.".length()));
        }
        if (lower.startsWith("method.request.header.")) {
            String value = exchange.request().headers().last(parameter.substring("method.request.header.".length()));
            return value == null ? List.of() : List.of(value);
        }
        if (lower.startsWith("method.request.multivalueheader.")) {
            return exchange.request().headers().all(parameter.substring("method.request.multivalueheader.".length()));
        }
        return List.of();
    }

    private static List<String> query(Exchange exchange, String name) {
        return exchange.request().queryParameters().stream().filter(p -> p.getKey().equals(name))
                .map(Map.Entry::getValue).toList();
    }
}
