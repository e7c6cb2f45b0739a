package dev.gatehouse.lambda.database.internal;

import java.util.Collections;
import java.util.Map;

/**
 * A request's parameter values, checked and converted: String, Long, BigDecimal, Boolean,
 * OffsetDateTime, UUID, {@link EngineDialect.JsonText}, or a List of those for arrays; null when not
 * sent. On paginated routes it also holds {@code cursor}, {@code limit} (page size + 1) and the page size.
 */
public final class BoundRequest {
    private final Map<String, Object> values;
    private final int pageSize;

    public BoundRequest(Map<String, Object> values, int pageSize) {
        this.values = Collections.unmodifiableMap(values);
        this.pageSize = pageSize;
    }

    public Map<String, Object> values() {
        return values;
    }

    public Object value(String name) {
        return values.get(name);
    }

    /** Rows per page on a paginated route, else 0. */
    public int pageSize() {
        return pageSize;
    }
}
