package dev.gatehouse.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class QuotaTest {

    @Test
    void eachFactoryNamesItsPeriodAndLeavesTheOffsetOut() {
        assertEquals(QuotaPeriod.DAY, Quota.perDay(10).getPeriod());
        assertEquals(QuotaPeriod.WEEK, Quota.perWeek(10).getPeriod());
        assertEquals(QuotaPeriod.MONTH, Quota.perMonth(10).getPeriod());
        assertEquals(Quota.of(10, QuotaPeriod.MONTH), Quota.perMonth(10));
        assertEquals(100_000, Quota.perMonth(100_000).getLimit());
        assertNull(Quota.perWeek(10).getOffset());
    }

    @Test
    void withOffsetMakesANewQuota() {
        // Given a weekly quota
        Quota weekly = Quota.perWeek(500);

        // When an offset is added
        Quota offset = weekly.withOffset(2);

        // Then the new quota has it and the first is unchanged
        assertEquals(2, offset.getOffset());
        assertNull(weekly.getOffset());
        assertNotEquals(weekly, offset);
        assertEquals("Quota(500 per WEEK, offset 2)", offset.toString());
    }
}
