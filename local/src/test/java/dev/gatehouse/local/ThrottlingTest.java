package dev.gatehouse.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Token buckets of the account, the stage and each route, and usage plans, on the gateway's
 * clock: requests are counted, not timed.
 */
class ThrottlingTest {
    private static LocalGateway sample;
    private static LocalGateway probe;

    @BeforeAll
    static void serve() {
        sample = LocalGateway.Builder.create(TestApps.sample()).stack("GatehouseSample").accessLog(line -> { }).build();
        probe = LocalGateway.Builder.create(TestApps.probe()).stack(TestApps.PROBE_STACK).accessLog(line -> { }).build();
    }

    @AfterAll
    static void stop() {
        sample.close();
        probe.close();
    }

    /** Sends {@code perStep} requests, then moves the clock by {@code step}, {@code steps} times; returns the 200s. */
    private static int admitted(LocalGateway gateway, String path, int perStep, Duration step, int steps) {
        int ok = 0;
        for (int s = 0; s < steps; s++) {
            for (int i = 0; i < perStep; i++) {
                int status = gateway.client().get(path).send().status();
                if (status == 200) {
                    ok++;
                } else {
                    assertEquals(429, status);
                }
            }
            gateway.clock().advance(step);
        }
        return ok;
    }

    @Test
    void overviewExampleTenThousandRequestsAtOnceGetTheAccountBurstOfFiveThousand() {
        // Given the account's default limits (10,000 rps, burst 5,000) and no stage limits,
        // when 10,000 requests arrive in the same instant, then 5,000 are served
        probe.clock().advance(Duration.ofSeconds(10));
        assertEquals(5_000, admitted(probe, "/ping", 10_000, Duration.ZERO, 1));
        LocalResponse throttled = probe.client().get("/ping").send();
        assertEquals(429, throttled.status());
        assertEquals("{\"message\":\"Too Many Requests\"}", throttled.body());
        assertEquals("TooManyRequestsException", throttled.header("x-amzn-ErrorType"));
        // and a second later the bucket has refilled to its burst, not to the rate
        probe.clock().advance(Duration.ofSeconds(1));
        assertEquals(5_000, admitted(probe, "/ping", 10_000, Duration.ZERO, 1));
    }

    @Test
    void stageLimitsAdmitBurstPlusRateTimesSeconds() {
        // Given the sample stage's limits (50 rps, burst 100) and 200 requests per second for 5 s
        sample.clock().advance(Duration.ofSeconds(10));
        int ok = admitted(sample, "/health", 2, Duration.ofMillis(10), 500);
        // then about 100 + 50 × 5 = 350 are served
        assertTrue(Math.abs(ok - 350) <= 7, "admitted " + ok);
    }

    @Test
    void aRouteWithItsOwnLimitsHasItsOwnBucket() {
        // GET /whoami has 20 rps, burst 40: the stage's bucket (burst 100) does not apply to it,
        // and unauthenticated requests are throttled before the authorizer refuses them
        sample.clock().advance(Duration.ofSeconds(10));
        int unauthorized = 0;
        int throttled = 0;
        for (int i = 0; i < 60; i++) {
            int status = sample.client().get("/whoami").send().status();
            unauthorized += status == 401 ? 1 : 0;
            throttled += status == 429 ? 1 : 0;
        }
        assertEquals(40, unauthorized);
        assertEquals(20, throttled);
    }

    @Test
    void apiKeyRoutesNeedAKeyOfAUsagePlan() {
        LocalResponse missing = probe.client().get("/metered").send();
        assertEquals(403, missing.status());
        assertEquals("{\"message\":\"Forbidden\"}", missing.body());
        assertEquals(403, probe.client().get("/metered").header("x-api-key", "not-a-key").send().status());
    }

    @Test
    void usagePlanQuotaPerDayAnswersLimitExceededUntilTheNextDay() {
        String key = probe.apiKey("probe");
        probe.clock().advance(Duration.ofDays(1));
        for (int i = 0; i < 3; i++) {
            assertEquals(200, probe.client().get("/metered").header("x-api-key", key).send().status());
        }
        LocalResponse exceeded = probe.client().get("/metered").header("x-api-key", key).send();
        assertEquals(429, exceeded.status());
        assertEquals("{\"message\":\"Limit Exceeded\"}", exceeded.body());
        probe.clock().advance(Duration.ofDays(1));
        assertEquals(200, probe.client().get("/metered").header("x-api-key", key).send().status());
    }

    @Test
    void partnerRouteNeedsSignatureThenKeyAndHasThePlansRouteThrottle() {
        String signature = "AWS4-HMAC-SHA256 Credential=AKIDLOCAL/20260101/us-east-1/execute-api/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=0123";
        sample.clock().advance(Duration.ofSeconds(10));
        assertEquals(403, sample.client().get("/partner/status").header("Authorization", signature).send().status());
        String key = sample.apiKey("acme");
        // the plan's limits for GET /partner/status: 5 rps, burst 10
        int ok = 0;
        int throttled = 0;
        for (int i = 0; i < 12; i++) {
            int status = sample.client().get("/partner/status").header("Authorization", signature)
                    .header("x-api-key", key).send().status();
            ok += status == 200 ? 1 : 0;
            throttled += status == 429 ? 1 : 0;
        }
        assertEquals(10, ok);
        assertEquals(2, throttled);
    }
}
