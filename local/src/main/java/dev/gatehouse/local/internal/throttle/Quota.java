package dev.gatehouse.local.internal.throttle;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * A usage plan's quota for one API key: at most {@code limit} requests per DAY, WEEK or MONTH,
 * periods in UTC starting at the offset (WEEK: 0 is Sunday; MONTH: 0 is the first day)
 * (https://docs.aws.amazon.com/apigateway/latest/api/API_QuotaSettings.html).
 */
final class Quota {
    private final long limit;
    private final String period;
    private final int offset;
    private final Clock clock;
    private LocalDate windowStart;
    private long used;

    Quota(long limit, String period, int offset, Clock clock) {
        this.limit = limit;
        this.period = period.toUpperCase(Locale.ROOT);
        this.offset = offset;
        this.clock = clock;
    }

    /** Counts a request if the period's quota allows it. */
    synchronized boolean tryUse() {
        LocalDate start = windowStart(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        if (!start.equals(windowStart)) {
            windowStart = start;
            used = 0;
        }
        if (used >= limit) {
            return false;
        }
        used++;
        return true;
    }

    /** The first day of the period that holds {@code day}. */
    LocalDate windowStart(LocalDate day) {
        switch (period) {
            case "WEEK": {
                DayOfWeek first = DayOfWeek.SUNDAY.plus(offset);
                return day.with(TemporalAdjusters.previousOrSame(first));
            }
            case "MONTH": {
                LocalDate start = day.withDayOfMonth(1).plusDays(offset);
                return day.isBefore(start) ? day.minusMonths(1).withDayOfMonth(1).plusDays(offset) : start;
            }
            default:
                return day;
        }
    }
}
