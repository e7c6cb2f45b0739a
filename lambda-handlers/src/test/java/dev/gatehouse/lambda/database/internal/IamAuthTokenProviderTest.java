package dev.gatehouse.lambda.database.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsUtilities;

class IamAuthTokenProviderTest {
    private static final RdsUtilities RDS = RdsUtilities.builder()
            .region(Region.EU_WEST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI")))
            .build();

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void generatesASignedConnectTokenForTheHostPortAndUser() {
        IamAuthTokenProvider provider = new IamAuthTokenProvider(
                IamAuthTokenProvider.rdsGenerator(RDS, "db.abc123.eu-west-1.rds.amazonaws.com", 5432, "app_user"),
                "app_user", Clock.systemUTC(), IamAuthTokenProvider.DEFAULT_MAX_AGE);

        Credentials credentials = provider.current();

        assertEquals("app_user", credentials.username());
        String token = credentials.password();
        assertTrue(token.startsWith("db.abc123.eu-west-1.rds.amazonaws.com:5432/?"), token);
        Map<String, String> query = new HashMap<>();
        for (String pair : token.substring(token.indexOf('?') + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertEquals("connect", query.get("Action"));
        assertEquals("app_user", query.get("DBUser"));
        assertEquals("AWS4-HMAC-SHA256", query.get("X-Amz-Algorithm"));
        assertEquals("900", query.get("X-Amz-Expires"), "valid for 15 minutes");
        assertEquals("host", query.get("X-Amz-SignedHeaders"));
        ZonedDateTime signed = ZonedDateTime.parse(query.get("X-Amz-Date"),
                DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX"));
        assertTrue(Duration.between(signed.toInstant(), Instant.now()).abs().toMinutes() < 2, "signed now");
        assertEquals("AKIDEXAMPLE/" + query.get("X-Amz-Date").substring(0, 8) + "/eu-west-1/rds-db/aws4_request",
                query.get("X-Amz-Credential"));
        assertTrue(query.get("X-Amz-Signature").matches("[0-9a-f]{64}"), query.get("X-Amz-Signature"));
    }

    @Test
    void reusesATokenForTenMinutesThenGeneratesANewOne() {
        MutableClock clock = new MutableClock();
        AtomicInteger generated = new AtomicInteger();
        IamAuthTokenProvider.TokenGenerator real = IamAuthTokenProvider.rdsGenerator(RDS, "db.example.com", 3306, "app");
        IamAuthTokenProvider provider = new IamAuthTokenProvider(() -> {
            generated.incrementAndGet();
            return real.generate();
        }, "app", clock, IamAuthTokenProvider.DEFAULT_MAX_AGE);

        String first = provider.current().password();
        clock.now = clock.now.plus(Duration.ofMinutes(10)).minusSeconds(1);
        assertEquals(first, provider.current().password(), "still fresh at 9:59");
        assertEquals(1, generated.get());

        clock.now = clock.now.plusSeconds(1);
        provider.current();
        assertEquals(2, generated.get(), "regenerated at 10:00, five minutes before the token expires");

        provider.refresh();
        assertEquals(3, generated.get(), "refresh after an authentication failure always regenerates");
        provider.current();
        assertEquals(3, generated.get());
    }
}
