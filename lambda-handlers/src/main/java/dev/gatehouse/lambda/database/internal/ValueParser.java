package dev.gatehouse.lambda.database.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.database.config.ParameterType;
import dev.gatehouse.database.config.RouteParameter;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks and converts one scalar value, from request text (path, query, cursor) or from JSON (body),
 * against a parameter's type and limits and what the engine can hold. Problems never quote the
 * value.
 */
public final class ValueParser {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,30}");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int MAX_NUMBER_TEXT = 100;

    private final ObjectMapper mapper;
    private final NumericLimits numbers;

    /**
     * @param mapper reads JSON from clients: {@link #clientJsonMapper()}
     * @param numbers what the engine's exact decimals hold
     */
    public ValueParser(ObjectMapper mapper, NumericLimits numbers) {
        this.mapper = mapper;
        this.numbers = numbers;
    }

    /**
     * The mapper for JSON from clients: numbers as exact decimals, a key at most once per object,
     * and nothing but whitespace after the value.
     */
    public static ObjectMapper clientJsonMapper() {
        return new ObjectMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * One JSON value from a client.
     *
     * @param invalid the problem reported when the text is not one JSON value
     * @throws BadValue when it is not, or holds a number no decimal can (an exponent past 32 bits)
     */
    public JsonNode readJson(String text, String invalid) throws BadValue {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadValue(invalid);
        } catch (NumberFormatException e) {
            throw new BadValue("has a number whose exponent is out of range");
        }
        if (node == null || node.isMissingNode()) {
            throw new BadValue(invalid);
        }
        return node;
    }

    /** A value that does not fit; the message is safe to return to the client. */
    public static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;

        BadValue(String problem) {
            super(problem, null, false, false);
        }
    }

    /** Converts text to {@code type}, checking the parameter's limits when {@code limits} is given. */
    public Object fromText(ParameterType type, String text, RouteParameter limits) throws BadValue {
        switch (type) {
            case STRING:
                return checkString(text, limits);
            case INTEGER:
                if (!INTEGER.matcher(text).matches()) {
                    throw new BadValue("must be an integer");
                }
                try {
                    return checkBounds(Long.parseLong(text), limits);
                } catch (NumberFormatException e) {
                    throw new BadValue("must be an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
                }
            case NUMBER:
                if (text.length() > MAX_NUMBER_TEXT || !NUMBER.matcher(text).matches()) {
                    throw new BadValue("must be a decimal number");
                }
                return checkBounds(numbers.check(new BigDecimal(text)), limits);
            case BOOLEAN:
                if (text.equals("true")) {
                    return Boolean.TRUE;
                }
                if (text.equals("false")) {
                    return Boolean.FALSE;
                }
                throw new BadValue("must be true or false");
            case TIMESTAMP:
                if (text.length() > 64) {
                    throw new BadValue("must be an ISO-8601 date-time with an offset, such as 2024-05-01T10:00:00Z");
                }
                try {
                    return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                } catch (DateTimeParseException e) {
                    throw new BadValue("must be an ISO-8601 date-time with an offset, such as 2024-05-01T10:00:00Z");
                }
            case UUID:
                if (!UUID_TEXT.matcher(text).matches()) {
                    throw new BadValue("must be a UUID such as 123e4567-e89b-12d3-a456-426614174000");
                }
                return UUID.fromString(text);
            case JSON:
                int max = limits == null ? RouteParameter.DEFAULT_JSON_MAX_LENGTH : limits.effectiveMaxLength();
                if (text.length() > max) {
                    throw new BadValue("is longer than " + max + " characters");
                }
                if (UnicodeText.hasUnpairedSurrogate(readJson(text, "must be valid JSON"))) {
                    throw new BadValue(UnicodeText.UNPAIRED_SURROGATE);
                }
                return new EngineDialect.JsonText(text);
            default:
                throw new IllegalArgumentException("not a scalar type: " + type);
        }
    }

    /** Converts a JSON body value to {@code type}; a JSON null gives null. */
    public Object fromJson(ParameterType type, JsonNode node, RouteParameter limits) throws BadValue {
        if (node == null || node.isNull()) {
            return null;
        }
        switch (type) {
            case STRING:
                if (!node.isTextual()) {
                    throw new BadValue("must be a string");
                }
                return checkString(node.textValue(), limits);
            case INTEGER:
                if (!node.isIntegralNumber()) {
                    throw new BadValue("must be an integer");
                }
                if (!node.canConvertToLong()) {
                    throw new BadValue("must be an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
                }
                return checkBounds(node.longValue(), limits);
            case NUMBER:
                if (!node.isNumber()) {
                    throw new BadValue("must be a number");
                }
                return checkBounds(numbers.check(node.decimalValue()), limits);
            case BOOLEAN:
                if (!node.isBoolean()) {
                    throw new BadValue("must be true or false");
                }
                return node.booleanValue();
            case TIMESTAMP:
            case UUID:
                if (!node.isTextual()) {
                    throw new BadValue("must be a string");
                }
                return fromText(type, node.textValue(), limits);
            case JSON:
                if (UnicodeText.hasUnpairedSurrogate(node)) {
                    throw new BadValue(UnicodeText.UNPAIRED_SURROGATE);
                }
                String text;
                try {
                    text = mapper.writeValueAsString(node);
                } catch (JsonProcessingException e) {
                    throw new BadValue("must be valid JSON");
                }
                int max = limits == null ? RouteParameter.DEFAULT_JSON_MAX_LENGTH : limits.effectiveMaxLength();
                if (text.length() > max) {
                    throw new BadValue("is longer than " + max + " characters");
                }
                return new EngineDialect.JsonText(text);
            default:
                throw new IllegalArgumentException("not a scalar type: " + type);
        }
    }

    private static String checkString(String text, RouteParameter limits) throws BadValue {
        int max = limits == null ? RouteParameter.DEFAULT_STRING_MAX_LENGTH : limits.effectiveMaxLength();
        if (text.length() > max && text.codePointCount(0, text.length()) > max) {
            throw new BadValue("is longer than " + max + " characters");
        }
        if (text.indexOf('\0') >= 0) {
            throw new BadValue("must not contain a NUL character");
        }
        if (UnicodeText.hasUnpairedSurrogate(text)) {
            throw new BadValue(UnicodeText.UNPAIRED_SURROGATE);
        }
        return text;
    }

    private static Long checkBounds(long value, RouteParameter limits) throws BadValue {
        checkBounds(BigDecimal.valueOf(value), limits);
        return value;
    }

    private static BigDecimal checkBounds(BigDecimal value, RouteParameter limits) throws BadValue {
        if (limits != null) {
            if (limits.minimum().isPresent() && value.compareTo(limits.minimum().get()) < 0) {
                throw new BadValue("must be at least " + limits.minimum().get().toPlainString());
            }
            if (limits.maximum().isPresent() && value.compareTo(limits.maximum().get()) > 0) {
                throw new BadValue("must be at most " + limits.maximum().get().toPlainString());
            }
        }
        return value;
    }
}
