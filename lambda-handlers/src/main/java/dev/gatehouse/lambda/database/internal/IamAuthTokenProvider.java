package dev.gatehouse.lambda.database.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.rds.RdsUtilities;

/**
 * RDS IAM authentication: the password is a token signed with the function's role, valid for 15
 * minutes. A token is reused for new connections until {@code maxAge} (10 minutes by default) and
 * then generated again, so a connection is never opened with a token about to expire. Tokens are
 * generated locally (SigV4), without a call to AWS.
 */
public final class IamAuthTokenProvider implements CredentialsProvider {
    /** Default age after which a new token is generated; tokens are valid for 15 minutes. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(10);

    /** Generates one token. */
    @FunctionalInterface
    public interface TokenGenerator {
        String generate();
    }

    private final TokenGenerator generator;
    private final String user;
    private final Clock clock;
    private final Duration maxAge;
    private String token;
    private Instant generatedAt;

    public IamAuthTokenProvider(TokenGenerator generator, String user, Clock clock, Duration maxAge) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.user = Objects.requireNonNull(user, "user");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    }

    /** A generator backed by {@link RdsUtilities#generateAuthenticationToken}. */
    public static TokenGenerator rdsGenerator(RdsUtilities utilities, String host, int port, String user) {
        return () -> utilities.generateAuthenticationToken(b -> b.hostname(host).port(port).username(user));
    }

    @Override
    public synchronized Credentials current() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(generatedAt.plus(maxAge))) {
            try {
                token = generator.generate();
            } catch (SdkException e) {
                throw new CredentialsUnavailableException("could not generate an RDS IAM token: " + e.getMessage(), e);
            }
            generatedAt = now;
        }
        return new Credentials(user, token);
    }

    @Override
    public synchronized Credentials refresh() {
        token = null;
        return current();
    }
}
