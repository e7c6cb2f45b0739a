package dev.gatehouse.lambda.database.internal;

/**
 * Where the proxy's database credentials come from. Implementations cache: {@link #current()} is
 * called for every new connection, {@link #refresh()} once after the database rejected them.
 */
public interface CredentialsProvider {
    /**
     * The credentials to connect with, from the cache when fresh.
     *
     * @throws CredentialsUnavailableException when they cannot be obtained
     */
    Credentials current();

    /**
     * Forgets the cached credentials and obtains them again (a rotated password, a new token).
     *
     * @throws CredentialsUnavailableException when they cannot be obtained
     */
    Credentials refresh();

    /** Fixed credentials: tests, and databases reached without a password. */
    static CredentialsProvider fixed(Credentials credentials) {
        return new CredentialsProvider() {
            @Override
            public Credentials current() {
                return credentials;
            }

            @Override
            public Credentials refresh() {
                return credentials;
            }
        };
    }
}
