package dev.gatehouse.lambda.database.internal;

import java.util.Objects;

/** A database user name and password (or IAM authentication token). {@link #toString()} never shows the secret. */
public final class Credentials {
    private final String username;
    private final String password;

    public Credentials(String username, String password) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials && username.equals(((Credentials) o).username)
                && password.equals(((Credentials) o).password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, password);
    }

    @Override
    public String toString() {
        return "Credentials[" + username + ", password hidden]";
    }
}
