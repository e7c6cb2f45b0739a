package dev.gatehouse.local.internal.cache;

import dev.gatehouse.local.internal.auth.SigV4Signature;
import dev.gatehouse.local.internal.http.GatewayResult;
import dev.gatehouse.local.internal.pipeline.Exchange;
import dev.gatehouse.local.internal.pipeline.GatewayError;
import dev.gatehouse.local.internal.pipeline.ResponseCache;
import dev.gatehouse.local.internal.pipeline.ResponseType;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Locale;

/**
 * The stage cache cluster: a request of a cached method (caching on, TTL above 0) is answered
 * from the entry under its cache key while the entry is fresh, else by the integration, whose
 * response (whatever its status; not the gateway's own error responses) is kept for the method's
 * TTL. {@code Cache-Control: max-age=0} from a caller allowed to invalidate fetches a fresh
 * response and replaces the entry; from another caller it is refused with 403, or ignored with
 * or without a warning header, as the method's strategy says
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html).
 *
 * <p>Memory: the entries fit in the cluster's size, and in at most a quarter of the JVM's
 * maximum heap, whichever is less; past it the least recently used entries are evicted.
 */
public final class StageCache implements ResponseCache {
    /**
     * The warning API Gateway adds with {@code SUCCEED_WITH_RESPONSE_HEADER}; AWS documents that a
     * warning header is added, not its text.
     */
    static final String WARNING = "199 Cache-control headers were ignored because the caller was unauthorized.";
    private static final long BYTES_PER_GB = 1L << 30;

    private final StageCacheSettings settings;
    private final CacheEntries entries;

    private StageCache(StageCacheSettings settings, Clock clock, long budgetBytes) {
        this.settings = settings;
        this.entries = new CacheEntries(clock, budgetBytes);
    }

    /** The stage's cache: {@link ResponseCache#NONE} when the stage has no cache cluster. */
    public static ResponseCache of(StageCacheSettings settings, Clock clock) {
        if (!settings.clusterEnabled()) {
            return NONE;
        }
        return new StageCache(settings, clock, Math.min(clusterBytes(settings.clusterSize()),
                Runtime.getRuntime().maxMemory() / 4));
    }

    @Override
    public GatewayResult answer(Exchange exchange, Backend backend) throws GatewayError {
        MethodCaching caching = settings.of(exchange.operation(), exchange.request().method());
        if (caching == null || caching.ttlSeconds() <= 0) {
            return backend.call();
        }
        String key = caching.key(exchange);
        boolean invalidate = false;
        boolean warn = false;
        if (asksForFreshResponse(exchange)) {
            if (!caching.requireAuthorization() || SigV4Signature.accessKey(exchange.request()).isPresent()) {
                invalidate = true;
            } else if (caching.unauthorized() == UnauthorizedStrategy.FAIL_WITH_403) {
                throw new GatewayError(ResponseType.ACCESS_DENIED, 403, ResponseType.ACCESS_DENIED.message(),
                        exchange.operation().routeKey() + ": Cache-Control: max-age=0 from a caller not allowed"
                                + " execute-api:InvalidateCache (an unsigned request), refused (FAIL_WITH_403)");
            } else {
                warn = caching.unauthorized() == UnauthorizedStrategy.SUCCEED_WITH_RESPONSE_HEADER;
            }
        }
        GatewayResult result = invalidate ? null : entries.get(key);
        if (result == null) {
            result = backend.call();
            entries.put(key, result, caching.ttlSeconds());
        }
        if (warn) {
            result.headers().add("Warning", WARNING);
        }
        return result;
    }

    /** {@code Cache-Control} with {@code max-age=0} among its directives. */
    static boolean asksForFreshResponse(Exchange exchange) {
        for (String header : exchange.request().headers().all("Cache-Control")) {
            for (String directive : header.split(",")) {
                if (directive.trim().toLowerCase(Locale.ROOT).replace(" ", "").equals("max-age=0")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The bytes of a cluster size in GB ("0.5", "237"); 0.5 GB when it is not a number. */
    static long clusterBytes(String sizeInGb) {
        try {
            return new BigDecimal(sizeInGb.trim()).multiply(BigDecimal.valueOf(BYTES_PER_GB)).longValue();
        } catch (NumberFormatException e) {
            return BYTES_PER_GB / 2;
        }
    }
}
