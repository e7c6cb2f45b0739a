package dev.gatehouse.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Weekly and monthly usage plan quotas: periods in UTC that start on the quota's offset (WEEK: 0
 * is Sunday; MONTH: 0 is the first day), as API Gateway counts them. Each test sets the clock to
 * dates after wherever it stands, so the tests run in any order on one gateway.
 */
class UsagePlanQuotaTest {
    private static LocalGateway gateway;

    @BeforeAll
    static void serve() {
        gateway = LocalGateway.Builder.create(TestApps.probe()).stack(TestApps.PROBE_STACK).accessLog(line -> { }).build();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static int metered(String key) {
        LocalResponse response = gateway.client().get("/metered").header("x-api-key", gateway.apiKey(key)).send();
        if (response.status() == 429) {
            assertEquals("{\"message\":\"Limit Exceeded\"}", response.body());
        }
        return response.status();
    }

    /** Two requests are served, the third is refused. */
    private static void spendQuotaOfTwo(String key) {
        assertEquals(200, metered(key));
        assertEquals(200, metered(key));
        assertEquals(429, metered(key));
    }

    private static void at(LocalDateTime utc) {
        gateway.clock().set(utc.toInstant(ZoneOffset.UTC));
    }

    /** A day at least a week after the clock's, so every test's dates lie ahead of it. */
    private static LocalDate ahead() {
        return LocalDate.ofInstant(gateway.clock().instant(), ZoneOffset.UTC).plusWeeks(1);
    }

    @Test
    void weeklyQuotaWithOffsetOneRunsFromMondayToSunday() {
        // Given the "weekly" key's quota of 2 requests per WEEK with offset 1 (weeks start on Monday)
        LocalDate saturday = ahead().with(TemporalAdjusters.next(DayOfWeek.SATURDAY));

        // When it spends its quota on a Saturday
        at(saturday.atTime(12, 0));
        // Then 2 are served and the next is refused
        spendQuotaOfTwo("weekly");
        // and still on Sunday, which ends the week (it would start one with offset 0)
        at(saturday.plusDays(1).atStartOfDay());
        assertEquals(429, metered("weekly"));
        at(saturday.plusDays(1).atTime(23, 59, 59));
        assertEquals(429, metered("weekly"));
        // When Monday begins, a new week admits 2 again
        at(saturday.plusDays(2).atStartOfDay());
        spendQuotaOfTwo("weekly");
    }

    @Test
    void weeklyQuotaLastsTheWholeWeekNotSevenRollingDays() {
        // Given the "weekly" key has spent its quota on a Monday at the end of the day
        LocalDate monday = ahead().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        at(monday.atTime(23, 0));
        spendQuotaOfTwo("weekly");
        // When a whole day passes, and then until the last second of the week's Sunday
        at(monday.plusDays(1).atTime(23, 0));
        assertEquals(429, metered("weekly"));
        at(monday.plusDays(6).atTime(23, 59, 59));
        assertEquals(429, metered("weekly"));
        // Then the following Monday admits again
        at(monday.plusDays(7).atStartOfDay());
        assertEquals(200, metered("weekly"));
    }

    @Test
    void monthlyQuotaRollsOverOnTheFirstOfTheMonthUtc() {
        // Given the "monthly" key's quota of 2 requests per MONTH (no offset: months start on the 1st)
        LocalDate first = ahead().with(TemporalAdjusters.firstDayOfNextMonth());
        LocalDate lastOfMonth = first.with(TemporalAdjusters.lastDayOfMonth());

        // When it spends its quota on the first day
        at(first.atTime(0, 0, 1));
        // Then 2 are served and the next is refused, until the end of the month in UTC
        spendQuotaOfTwo("monthly");
        at(first.plusDays(7).atTime(12, 0));
        assertEquals(429, metered("monthly"));
        at(lastOfMonth.atTime(23, 59, 59));
        assertEquals(429, metered("monthly"));
        // and the next month admits 2 again
        at(lastOfMonth.plusDays(1).atStartOfDay());
        spendQuotaOfTwo("monthly");
    }

    @Test
    void monthlyQuotaWithOffsetTwoRunsFromTheThirdToTheSecond() {
        // Given the "third" key's quota of 2 requests per MONTH with offset 2 (periods start on the 3rd)
        LocalDate second = ahead().with(TemporalAdjusters.firstDayOfNextMonth()).plusDays(1);

        // When it spends its quota on the 2nd of a month
        at(second.atTime(12, 0));
        spendQuotaOfTwo("third");
        // Then the 3rd starts a new period: the 1st of the month did not
        at(second.plusDays(1).atStartOfDay());
        spendQuotaOfTwo("third");
        // and that period lasts through the 1st and the 2nd of the next month
        at(second.plusMonths(1).withDayOfMonth(1).atTime(12, 0));
        assertEquals(429, metered("third"));
        at(second.plusMonths(1).atTime(23, 59, 59));
        assertEquals(429, metered("third"));
        at(second.plusMonths(1).plusDays(1).atStartOfDay());
        assertEquals(200, metered("third"));
    }
}
