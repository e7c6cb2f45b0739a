package dev.gatehouse.database.config;

/** The SQL of a route could not be read: an unterminated literal or comment, or a bare {@code ?}. */
public final class SqlSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int position;

    public SqlSyntaxException(String message, int position) {
        super(message + " (at character " + (position + 1) + ")");
        this.position = position;
    }

    /** Zero-based index in the SQL where the problem starts. */
    public int position() {
        return position;
    }
}
