package dev.gatehouse.database;

import java.util.Objects;
import software.amazon.awscdk.services.secretsmanager.ISecret;

/** How the database proxy function logs in to the database. */
public final class DatabaseCredentials {
    private final String iamUser;
    private final ISecret secret;

    private DatabaseCredentials(String iamUser, ISecret secret) {
        this.iamUser = iamUser;
        this.secret = secret;
    }

    /**
     * RDS IAM authentication as {@code databaseUser}: short-lived tokens signed by the function's
     * role ({@code rds-db:connect}); no password exists in the function, and no network call is
     * needed to get one. The recommended choice, with RDS Proxy.
     */
    public static DatabaseCredentials iam(String databaseUser) {
        return new DatabaseCredentials(Objects.requireNonNull(databaseUser, "databaseUser"), null);
    }

    /**
     * A Secrets Manager secret with {@code username} and {@code password} (e.g. an RDS-generated
     * secret). The function needs a network path to Secrets Manager (a NAT gateway or an interface
     * endpoint).
     */
    public static DatabaseCredentials secret(ISecret secret) {
        return new DatabaseCredentials(null, Objects.requireNonNull(secret, "secret"));
    }

    /** The IAM database user, or null for secret credentials. */
    public String getIamUser() {
        return iamUser;
    }

    /** The secret, or null for IAM credentials. */
    public ISecret getSecret() {
        return secret;
    }

    public boolean isIam() {
        return iamUser != null;
    }
}
