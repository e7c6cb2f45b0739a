package dev.gatehouse.lambda.database.internal;

/** Credentials could not be obtained (Secrets Manager unreachable, a malformed secret...). */
public final class CredentialsUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CredentialsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
