package dev.gatehouse.database.config;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One named parameter of a route: where its value comes from, its type and its limits. The SQL
 * refers to it as {@code :name}. Immutable; build with {@link #builder(String, ParameterLocation,
 * ParameterType)}. The builder accepts any combination; {@link DatabaseRoutes#validate()} reports
 * the ones that make no sense (a {@code maximum} on a string, {@code items} on a scalar...).
 *
 * <p>For an {@code array}, {@code maxLength}, {@code minimum} and {@code maximum} apply to each
 * element and {@code maxItems} to the array.
 */
public final class RouteParameter {
    /** {@code maxLength} of a string (or string element) that declares none. */
    public static final int DEFAULT_STRING_MAX_LENGTH = 1024;
    /** {@code maxLength} of a json value's text that declares none. */
    public static final int DEFAULT_JSON_MAX_LENGTH = 65_536;
    /** Largest {@code maxLength} accepted. */
    public static final int MAX_LENGTH_LIMIT = 1_048_576;
    /** {@code maxItems} of an array that declares none. */
    public static final int DEFAULT_MAX_ITEMS = 100;
    /** Largest {@code maxItems} accepted. */
    public static final int MAX_ITEMS_LIMIT = 1000;

    private final String name;
    private final ParameterLocation location;
    private final ParameterType type;
    private final ParameterType items;
    private final Boolean required;
    private final Integer maxLength;
    private final BigDecimal minimum;
    private final BigDecimal maximum;
    private final Integer maxItems;

    private RouteParameter(Builder b) {
        this.name = b.name;
        this.location = b.location;
        this.type = b.type;
        this.items = b.items;
        this.required = b.required;
        this.maxLength = b.maxLength;
        this.minimum = b.minimum;
        this.maximum = b.maximum;
        this.maxItems = b.maxItems;
    }

    /** Starts a parameter named {@code name} (as written after {@code :} in the SQL). */
    public static Builder builder(String name, ParameterLocation location, ParameterType type) {
        return new Builder(name, location, type);
    }

    /**
     * A path parameter of that type, bound from the route's {@code {name}} segment: always required,
     * with the default limits ({@link #DEFAULT_STRING_MAX_LENGTH} characters for a string).
     */
    public static RouteParameter path(String name, ParameterType type) {
        return builder(name, ParameterLocation.PATH, type).build();
    }

    /**
     * A query string parameter of that type ({@code ?name=value}): optional (the SQL sees
     * {@code NULL} when it is absent), with the default limits ({@link #DEFAULT_STRING_MAX_LENGTH}
     * characters for a string, {@link #DEFAULT_MAX_ITEMS} values for an array, whose
     * {@link Builder#items items} type the builder sets). For a required one or other limits, use
     * {@code builder(name, ParameterLocation.QUERY, type)}.
     */
    public static RouteParameter query(String name, ParameterType type) {
        return builder(name, ParameterLocation.QUERY, type).build();
    }

    /**
     * A field of the JSON request body of that type ({@code {"name": value}}): optional (the SQL
     * sees {@code NULL} when it is absent), with the default limits ({@link #DEFAULT_STRING_MAX_LENGTH}
     * characters for a string, {@link #DEFAULT_JSON_MAX_LENGTH} for a json value). GET and DELETE
     * routes carry no body. For a required one or other limits, use
     * {@code builder(name, ParameterLocation.BODY, type)}.
     */
    public static RouteParameter body(String name, ParameterType type) {
        return builder(name, ParameterLocation.BODY, type).build();
    }

    /** A copy of this parameter's settings in a new builder. */
    public Builder toBuilder() {
        Builder b = new Builder(name, location, type);
        b.items = items;
        b.required = required;
        b.maxLength = maxLength;
        b.minimum = minimum;
        b.maximum = maximum;
        b.maxItems = maxItems;
        return b;
    }

    public String name() {
        return name;
    }

    public ParameterLocation location() {
        return location;
    }

    public ParameterType type() {
        return type;
    }

    /** The element type of an array parameter. */
    public Optional<ParameterType> items() {
        return Optional.ofNullable(items);
    }

    /** Whether the request must carry a value; path parameters always must. */
    public boolean isRequired() {
        return location == ParameterLocation.PATH || Boolean.TRUE.equals(required);
    }

    /** {@code required} as configured ({@code null} when not set). */
    public Optional<Boolean> requiredSetting() {
        return Optional.ofNullable(required);
    }

    /** {@code maxLength} as configured. */
    public Optional<Integer> maxLength() {
        return Optional.ofNullable(maxLength);
    }

    /** The length limit in force for a string or json value (or string element). */
    public int effectiveMaxLength() {
        if (maxLength != null) {
            return maxLength;
        }
        ParameterType scalar = type == ParameterType.ARRAY && items != null ? items : type;
        return scalar == ParameterType.JSON ? DEFAULT_JSON_MAX_LENGTH : DEFAULT_STRING_MAX_LENGTH;
    }

    public Optional<BigDecimal> minimum() {
        return Optional.ofNullable(minimum);
    }

    public Optional<BigDecimal> maximum() {
        return Optional.ofNullable(maximum);
    }

    /** {@code maxItems} as configured. */
    public Optional<Integer> maxItems() {
        return Optional.ofNullable(maxItems);
    }

    /** The size limit in force for an array. */
    public int effectiveMaxItems() {
        return maxItems != null ? maxItems : DEFAULT_MAX_ITEMS;
    }

    /** The type each value is checked as: {@code items} for an array, else {@code type}. */
    public ParameterType scalarType() {
        return type == ParameterType.ARRAY && items != null ? items : type;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RouteParameter)) {
            return false;
        }
        RouteParameter p = (RouteParameter) o;
        return name.equals(p.name) && location == p.location && type == p.type && items == p.items
                && Objects.equals(required, p.required) && Objects.equals(maxLength, p.maxLength)
                && Objects.equals(minimum, p.minimum) && Objects.equals(maximum, p.maximum)
                && Objects.equals(maxItems, p.maxItems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, location, type, items, required, maxLength, minimum, maximum, maxItems);
    }

    @Override
    public String toString() {
        return "RouteParameter[" + name + " in " + location.jsonName() + ": " + type.jsonName() + "]";
    }

    /** Builds a {@link RouteParameter}. */
    public static final class Builder {
        private final String name;
        private final ParameterLocation location;
        private final ParameterType type;
        private ParameterType items;
        private Boolean required;
        private Integer maxLength;
        private BigDecimal minimum;
        private BigDecimal maximum;
        private Integer maxItems;

        private Builder(String name, ParameterLocation location, ParameterType type) {
            this.name = Objects.requireNonNull(name, "name");
            this.location = Objects.requireNonNull(location, "location");
            this.type = Objects.requireNonNull(type, "type");
        }

        /** The element type of an {@code array} parameter (required for arrays). */
        public Builder items(ParameterType items) {
            this.items = items;
            return this;
        }

        /** Whether a value must be sent (default false; path parameters are always required). */
        public Builder required(boolean required) {
            this.required = required;
            return this;
        }

        /** Largest length in characters of a string, of a json value's text, or of each string element. */
        public Builder maxLength(int maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        public Builder minimum(long minimum) {
            return minimum(BigDecimal.valueOf(minimum));
        }

        /** Smallest allowed value of an integer or number (or of each element). */
        public Builder minimum(BigDecimal minimum) {
            this.minimum = minimum;
            return this;
        }

        public Builder maximum(long maximum) {
            return maximum(BigDecimal.valueOf(maximum));
        }

        /** Largest allowed value of an integer or number (or of each element). */
        public Builder maximum(BigDecimal maximum) {
            this.maximum = maximum;
            return this;
        }

        /** Largest number of elements of an array (default 100, at most 1000). */
        public Builder maxItems(int maxItems) {
            this.maxItems = maxItems;
            return this;
        }

        public RouteParameter build() {
            return new RouteParameter(this);
        }
    }
}
