package dev.gatehouse.lambda.database.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

class Iso8601Test {
    @Test
    void writesWhatTheIsoFormattersWrite() {
        for (String text : List.of("2024-05-01T10:00:00", "2024-05-01T10:00:00.5", "1999-12-31T23:59:59.123456",
                "0001-01-01T00:00:00.000000001", "2024-02-29T07:08:09.120")) {
            LocalDateTime t = LocalDateTime.parse(text);
            assertEquals(t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME), Iso8601.local(t));
        }
    }

    @Test
    void writesInstantsInUtcWithZ() {
        assertEquals("2024-05-01T10:00:00Z", Iso8601.utc(OffsetDateTime.parse("2024-05-01T12:00:00+02:00")));
        assertEquals("2024-05-01T10:00:00.25Z", Iso8601.utc(OffsetDateTime.parse("2024-05-01T10:00:00.250Z")));
        assertEquals("+10000-01-01T00:00:00Z", Iso8601.utc(OffsetDateTime.parse("+10000-01-01T00:00:00Z")));
    }
}
