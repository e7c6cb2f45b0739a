package dev.gatehouse.database.config;

import java.util.Arrays;
import java.util.Optional;

/** The type a parameter's value is checked against and bound as. */
public enum ParameterType {
    /** Text; {@code maxLength} (default 1024) bounds its length in characters. */
    STRING("string"),
    /** A whole number that fits a signed 64-bit integer; {@code minimum}/{@code maximum} bound it. */
    INTEGER("integer"),
    /** A decimal number bound as {@code NUMERIC}/{@code DECIMAL}; {@code minimum}/{@code maximum} bound it. */
    NUMBER("number"),
    /** {@code true} or {@code false}. */
    BOOLEAN("boolean"),
    /** An ISO-8601 date-time with an offset, such as {@code 2024-05-01T10:00:00Z}. */
    TIMESTAMP("timestamp"),
    /** A UUID in its canonical 8-4-4-4-12 hexadecimal form. */
    UUID("uuid"),
    /** Any JSON value, bound as JSON text; {@code maxLength} (default 65536) bounds the text. */
    JSON("json"),
    /** A list of {@code items}; {@code maxItems} (default 100) bounds its size. */
    ARRAY("array");

    private final String jsonName;

    ParameterType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in the routes JSON. */
    public String jsonName() {
        return jsonName;
    }

    /** Whether a value of this type can be an array element. */
    public boolean isArrayItemType() {
        return this != ARRAY && this != JSON;
    }

    /** Whether {@code minimum}/{@code maximum} apply to values of this type. */
    public boolean isNumeric() {
        return this == INTEGER || this == NUMBER;
    }

    /** Whether {@code maxLength} applies to values of this type. */
    public boolean hasLength() {
        return this == STRING || this == JSON;
    }

    /** The type with that JSON name, if any. */
    public static Optional<ParameterType> fromJsonName(String name) {
        return Arrays.stream(values()).filter(e -> e.jsonName.equals(name)).findFirst();
    }
}
