package dev.gatehouse.lambda.database.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.gatehouse.database.config.Pagination;
import dev.gatehouse.database.config.ParameterType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * Streams result rows as JSON: numbers, booleans and text as such, timestamps as ISO-8601 (with
 * {@code Z} for zoned types, without an offset for zone-less ones), json/jsonb passed through as
 * JSON, binary as base64, NULL as null, SQL arrays as JSON arrays.
 */
public final class ResultWriter {
    private final JsonFactory factory = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    /** Reused for every body: a proxy answers one request at a time. */
    private final StringWriter out = new StringWriter(1024);

    /** The body of a {@code one} route: the first row as an object, or null for no row. */
    public String one(ResultSet rs, CompiledRoute route) throws SQLException {
        if (!rs.next()) {
            return null;
        }
        ColumnWriter[] columns = columns(rs.getMetaData(), route);
        return write(route, g -> writeRow(rs, columns, g));
    }

    /**
     * The body of a {@code list} route: {@code {"items": [...], "nextCursor": ...}}.
     *
     * @param pageSize rows per page on a paginated route (the SQL fetched one more), else 0 (a
     *     non-paginated route allows at most its route's maxRows)
     * @throws QueryFailure (internal) when a non-paginated result exceeds maxRows or the cursor
     *     column is missing or NULL
     */
    public String list(ResultSet rs, CompiledRoute route, int pageSize, CursorCodec cursors) throws SQLException {
        Pagination pagination = route.pagination().orElse(null);
        int maxRows = route.route().effectiveMaxRows();
        ResultSetMetaData meta = rs.getMetaData();
        ColumnWriter[] columns = columns(meta, route);
        int cursorColumn = pagination == null ? 0 : cursorColumn(meta, pagination.cursorColumn());
        return write(route, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("items");
            int rows = 0;
            String next = null;
            while (rs.next()) {
                if (pagination != null && rows == pageSize) {
                    // The extra row only says that a next page exists.
                    g.writeEndArray();
                    g.writeStringField("nextCursor", next);
                    g.writeEndObject();
                    return;
                }
                if (pagination == null && rows == maxRows) {
                    throw new QueryFailure(QueryFailure.Kind.INTERNAL, "the result has more than maxRows (" + maxRows
                            + ") rows; paginate the route or raise maxRows", null);
                }
                writeRow(rs, columns, g);
                rows++;
                if (pagination != null && rows == pageSize) {
                    next = cursors.encode(cursorText(rs, cursorColumn, pagination.cursorType(), meta));
                }
            }
            g.writeEndArray();
            g.writeNullField("nextCursor");
            g.writeEndObject();
        });
    }

    /** Writes one JSON value with a generator. */
    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator g) throws IOException, SQLException;
    }

    private String write(CompiledRoute route, Body body) throws SQLException {
        out.getBuffer().setLength(0);
        try {
            try (JsonGenerator g = factory.createGenerator(out)) {
                body.write(g);
            }
            return out.toString();
        } catch (IOException e) {
            // Writing to a string buffer does not fail for I/O reasons.
            throw new UncheckedIOException(e);
        } catch (SQLException | RuntimeException e) {
            // Perhaps the columns changed type under the same labels: look them up afresh next time.
            route.cacheColumns(null);
            throw e;
        }
    }

    private static void writeRow(ResultSet rs, ColumnWriter[] columns, JsonGenerator g) throws IOException, SQLException {
        g.writeStartObject();
        for (int i = 0; i < columns.length; i++) {
            g.writeFieldName(columns[i].label);
            columns[i].write(rs, i + 1, g);
        }
        g.writeEndObject();
    }

    private static int cursorColumn(ResultSetMetaData meta, String label) throws SQLException {
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (meta.getColumnLabel(i).equals(label)) {
                return i;
            }
        }
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (meta.getColumnLabel(i).equalsIgnoreCase(label)) {
                return i;
            }
        }
        throw new QueryFailure(QueryFailure.Kind.INTERNAL,
                "the result has no column '" + label + "' for the pagination cursor", null);
    }

    private static String cursorText(ResultSet rs, int column, ParameterType type, ResultSetMetaData meta)
            throws SQLException {
        String text;
        switch (type) {
            case INTEGER:
                long l = rs.getLong(column);
                text = rs.wasNull() ? null : Long.toString(l);
                break;
            case NUMBER:
                BigDecimal d = rs.getBigDecimal(column);
                text = d == null ? null : d.toPlainString();
                break;
            case TIMESTAMP:
                OffsetDateTime t = timestamp(rs, column, meta.getColumnTypeName(column));
                text = t == null ? null : Iso8601.utc(t);
                break;
            default:
                text = rs.getString(column);
        }
        if (text == null) {
            throw new QueryFailure(QueryFailure.Kind.INTERNAL,
                    "the pagination cursor column '" + meta.getColumnLabel(column) + "' is NULL in the last row", null);
        }
        return text;
    }

    /** A timestamp column as an instant in UTC; zone-less values are taken as UTC (the session zone). */
    private static OffsetDateTime timestamp(ResultSet rs, int column, String typeName) throws SQLException {
        if ("timestamptz".equalsIgnoreCase(typeName)) {
            return rs.getObject(column, OffsetDateTime.class);
        }
        LocalDateTime local = rs.getObject(column, LocalDateTime.class);
        return local == null ? null : local.atOffset(ZoneOffset.UTC);
    }

    /**
     * The writers for a result's columns, chosen from their types once per route and reused while
     * the route's result has the same column labels.
     */
    private static ColumnWriter[] columns(ResultSetMetaData meta, CompiledRoute route) throws SQLException {
        int count = meta.getColumnCount();
        Object cached = route.cachedColumns();
        if (cached instanceof ColumnWriter[] && ((ColumnWriter[]) cached).length == count) {
            ColumnWriter[] writers = (ColumnWriter[]) cached;
            boolean same = true;
            for (int i = 0; i < count && same; i++) {
                same = writers[i].label.equals(meta.getColumnLabel(i + 1));
            }
            if (same) {
                return writers;
            }
        }
        ColumnWriter[] columns = new ColumnWriter[count];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = ColumnWriter.of(meta.getColumnLabel(i + 1), meta.getColumnType(i + 1),
                    meta.getColumnTypeName(i + 1));
        }
        route.cacheColumns(columns);
        return columns;
    }

    /** Writes one column's value; chosen once per result from the column's type. */
    private static final class ColumnWriter {
        final String label;
        private final ValueWriter body;

        ColumnWriter(String label, ValueWriter body) {
            this.label = label;
            this.body = body;
        }

        void write(ResultSet rs, int column, JsonGenerator g) throws IOException, SQLException {
            body.write(rs, column, g);
        }

        static ColumnWriter of(String label, int sqlType, String typeName) {
            String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
            if (name.equals("json") || name.equals("jsonb")) {
                return new ColumnWriter(label, (rs, c, g) -> {
                    String json = rs.getString(c);
                    if (json == null) {
                        g.writeNull();
                    } else {
                        g.writeRawValue(json);
                    }
                });
            }
            switch (sqlType) {
                case Types.BIT:
                case Types.BOOLEAN:
                    return new ColumnWriter(label, (rs, c, g) -> {
                        boolean b = rs.getBoolean(c);
                        if (rs.wasNull()) {
                            g.writeNull();
                        } else {
                            g.writeBoolean(b);
                        }
                    });
                case Types.TINYINT:
                case Types.SMALLINT:
                case Types.INTEGER:
                    return new ColumnWriter(label, (rs, c, g) -> {
                        long l = rs.getLong(c);
                        if (rs.wasNull()) {
                            g.writeNull();
                        } else {
                            g.writeNumber(l);
                        }
                    });
                case Types.BIGINT:
                    return new ColumnWriter(label, (rs, c, g) -> writeValue(rs.getObject(c), g));
                case Types.REAL:
                case Types.FLOAT:
                case Types.DOUBLE:
                    return new ColumnWriter(label, (rs, c, g) -> {
                        double d = rs.getDouble(c);
                        if (rs.wasNull()) {
                            g.writeNull();
                        } else {
                            writeDouble(d, g);
                        }
                    });
                case Types.NUMERIC:
                case Types.DECIMAL:
                    return new ColumnWriter(label, (rs, c, g) -> {
                        BigDecimal d = rs.getBigDecimal(c);
                        if (d == null) {
                            g.writeNull();
                        } else {
                            writeDecimal(d, g);
                        }
                    });
                case Types.DATE:
                    return new ColumnWriter(label, (rs, c, g) -> writeValue(rs.getObject(c, LocalDate.class), g));
                case Types.TIME:
                    if (name.equals("timetz")) {
                        return new ColumnWriter(label, (rs, c, g) -> writeValue(rs.getObject(c, OffsetTime.class), g));
                    }
                    return new ColumnWriter(label, (rs, c, g) -> writeValue(rs.getObject(c, LocalTime.class), g));
                case Types.TIMESTAMP:
                case Types.TIMESTAMP_WITH_TIMEZONE:
                    if (name.equals("timestamptz") || "TIMESTAMP".equals(typeName)) {
                        // PostgreSQL timestamptz, MariaDB TIMESTAMP (stored as UTC): an instant.
                        return new ColumnWriter(label, (rs, c, g) -> writeValue(timestamp(rs, c, typeName), g));
                    }
                    if (sqlType == Types.TIMESTAMP_WITH_TIMEZONE) {
                        return new ColumnWriter(label, (rs, c, g) -> writeValue(rs.getObject(c, OffsetDateTime.class), g));
                    }
                    return new ColumnWriter(label, (rs, c, g) -> writeValue(rs.getObject(c, LocalDateTime.class), g));
                case Types.BINARY:
                case Types.VARBINARY:
                case Types.LONGVARBINARY:
                case Types.BLOB:
                    return new ColumnWriter(label, (rs, c, g) -> writeValue(rs.getBytes(c), g));
                case Types.ARRAY:
                    return new ColumnWriter(label, (rs, c, g) -> {
                        Array array = rs.getArray(c);
                        writeValue(array == null ? null : array.getArray(), g);
                    });
                default:
                    return new ColumnWriter(label, (rs, c, g) -> writeValue(rs.getString(c), g));
            }
        }

        static void writeDouble(double d, JsonGenerator g) throws IOException {
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                g.writeString(Double.toString(d));
            } else {
                g.writeNumber(d);
            }
        }

        /**
         * Writes an exact decimal in plain notation when Jackson can ({@code 0.0001}), else in
         * exponent notation ({@code 1E-10000}): any value a column holds can be read.
         */
        static void writeDecimal(BigDecimal d, JsonGenerator g) throws IOException {
            if (Math.abs(d.scale()) <= NumericLimits.PLAIN_MAX_SCALE) {
                g.writeNumber(d);
            } else {
                g.writeNumber(d.toString());
            }
        }

        /** Writes a value by its Java class (BIGINT, arrays' elements, dates). */
        static void writeValue(Object v, JsonGenerator g) throws IOException, SQLException {
            if (v == null) {
                g.writeNull();
            } else if (v instanceof String) {
                g.writeString((String) v);
            } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                g.writeNumber(((Number) v).longValue());
            } else if (v instanceof BigInteger) {
                g.writeNumber((BigInteger) v);
            } else if (v instanceof BigDecimal) {
                writeDecimal((BigDecimal) v, g);
            } else if (v instanceof Double || v instanceof Float) {
                writeDouble(((Number) v).doubleValue(), g);
            } else if (v instanceof Boolean) {
                g.writeBoolean((Boolean) v);
            } else if (v instanceof byte[]) {
                g.writeString(Base64.getEncoder().encodeToString((byte[]) v));
            } else if (v instanceof OffsetDateTime) {
                g.writeString(Iso8601.utc((OffsetDateTime) v));
            } else if (v instanceof LocalDateTime) {
                g.writeString(Iso8601.local((LocalDateTime) v));
            } else if (v instanceof LocalDate) {
                g.writeString(((LocalDate) v).format(DateTimeFormatter.ISO_LOCAL_DATE));
            } else if (v instanceof LocalTime) {
                g.writeString(((LocalTime) v).format(DateTimeFormatter.ISO_LOCAL_TIME));
            } else if (v instanceof OffsetTime) {
                g.writeString(((OffsetTime) v).format(DateTimeFormatter.ISO_OFFSET_TIME));
            } else if (v instanceof Timestamp) {
                g.writeString(Iso8601.utc(((Timestamp) v).toInstant().atOffset(ZoneOffset.UTC)));
            } else if (v instanceof java.sql.Date) {
                g.writeString(((java.sql.Date) v).toLocalDate().toString());
            } else if (v instanceof UUID) {
                g.writeString(v.toString());
            } else if (v instanceof Object[]) {
                g.writeStartArray();
                for (Object e : (Object[]) v) {
                    writeValue(e, g);
                }
                g.writeEndArray();
            } else {
                g.writeString(v.toString());
            }
        }
    }

    /** Writes the value of one column of the current row. */
    @FunctionalInterface
    private interface ValueWriter {
        void write(ResultSet rs, int column, JsonGenerator g) throws IOException, SQLException;
    }
}
