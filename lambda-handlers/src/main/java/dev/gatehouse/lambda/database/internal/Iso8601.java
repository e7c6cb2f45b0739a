package dev.gatehouse.lambda.database.internal;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 text of timestamps, as {@link DateTimeFormatter#ISO_LOCAL_DATE_TIME} writes it (seconds
 * always, the fraction only as long as needed) but without its per-call cost.
 */
final class Iso8601 {
    private Iso8601() {
    }

    /** {@code 2024-05-01T10:00:00.5Z}: the instant in UTC. */
    static String utc(OffsetDateTime t) {
        LocalDateTime local = t.getOffset().equals(ZoneOffset.UTC) ? t.toLocalDateTime()
                : t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        int year = local.getYear();
        if (year < 0 || year > 9999) {
            return t.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        return append(new StringBuilder(32), local).append('Z').toString();
    }

    /** {@code 2024-05-01T10:00:00}: a zone-less timestamp. */
    static String local(LocalDateTime t) {
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        }
        return append(new StringBuilder(32), t).toString();
    }

    private static StringBuilder append(StringBuilder sb, LocalDateTime t) {
        char[] c = new char[19];
        digits(c, 0, t.getYear(), 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        sb.append(c);
        int nanos = t.getNano();
        if (nanos > 0) {
            int width = 9;
            while (nanos % 10 == 0) {
                nanos /= 10;
                width--;
            }
            char[] fraction = new char[width + 1];
            fraction[0] = '.';
            digits(fraction, 1, nanos, width);
            sb.append(fraction);
        }
        return sb;
    }

    /** Writes {@code value} zero-padded to {@code width} digits at {@code offset}. */
    private static void digits(char[] out, int offset, int value, int width) {
        for (int i = offset + width - 1; i >= offset; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
