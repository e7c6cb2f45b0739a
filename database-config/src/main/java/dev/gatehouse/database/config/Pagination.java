package dev.gatehouse.database.config;

import java.util.Objects;

/**
 * Keyset pagination of a {@code list} route. The route's SQL uses the reserved parameters
 * {@code :cursor} (the cursor column's value in the last row of the previous page, or NULL for the
 * first page) and {@code :limit} (the page size plus one, so the proxy knows whether a next page
 * exists), for example {@code WHERE (:cursor IS NULL OR id > :cursor) ORDER BY id LIMIT :limit}.
 * Clients send {@code ?limit=} and the opaque {@code ?cursor=} returned as {@code nextCursor}.
 */
public final class Pagination {
    /** Largest {@code maxLimit} accepted. */
    public static final int MAX_LIMIT_CEILING = 1000;

    private final String cursorColumn;
    private final ParameterType cursorType;
    private final int defaultLimit;
    private final int maxLimit;

    private Pagination(Builder b) {
        this.cursorColumn = b.cursorColumn;
        this.cursorType = b.cursorType;
        this.defaultLimit = b.defaultLimit;
        this.maxLimit = b.maxLimit;
    }

    /** Starts a pagination keyed on the result column {@code cursorColumn} of that type. */
    public static Builder builder(String cursorColumn, ParameterType cursorType) {
        return new Builder(cursorColumn, cursorType);
    }

    /** The result column (label) whose value in the last row becomes the next cursor. */
    public String cursorColumn() {
        return cursorColumn;
    }

    /** The type {@code :cursor} is bound as: integer, number, string, timestamp or uuid. */
    public ParameterType cursorType() {
        return cursorType;
    }

    /** Page size when the client sends no {@code limit} (default 20). */
    public int defaultLimit() {
        return defaultLimit;
    }

    /** Largest {@code limit} a client may ask for (default 100, at most 1000). */
    public int maxLimit() {
        return maxLimit;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Pagination)) {
            return false;
        }
        Pagination p = (Pagination) o;
        return cursorColumn.equals(p.cursorColumn) && cursorType == p.cursorType
                && defaultLimit == p.defaultLimit && maxLimit == p.maxLimit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(cursorColumn, cursorType, defaultLimit, maxLimit);
    }

    /** Builds a {@link Pagination}. */
    public static final class Builder {
        private final String cursorColumn;
        private final ParameterType cursorType;
        private int defaultLimit = 20;
        private int maxLimit = 100;

        private Builder(String cursorColumn, ParameterType cursorType) {
            this.cursorColumn = Objects.requireNonNull(cursorColumn, "cursorColumn");
            this.cursorType = Objects.requireNonNull(cursorType, "cursorType");
        }

        public Builder defaultLimit(int defaultLimit) {
            this.defaultLimit = defaultLimit;
            return this;
        }

        public Builder maxLimit(int maxLimit) {
            this.maxLimit = maxLimit;
            return this;
        }

        public Pagination build() {
            return new Pagination(this);
        }
    }
}
