package dev.gatehouse.database.config;

import java.util.Arrays;
import java.util.Optional;

/** What a route answers with. */
public enum ResultKind {
    /** The first row as a JSON object; 404 when the statement returns no row. */
    ONE("one"),
    /** {@code {"items": [...], "nextCursor": ...}}; {@code nextCursor} is null unless paginated. */
    LIST("list"),
    /** No body: 204 (or the route's success status). */
    NONE("none");

    private final String jsonName;

    ResultKind(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in the routes JSON. */
    public String jsonName() {
        return jsonName;
    }

    /** The kind with that JSON name, if any. */
    public static Optional<ResultKind> fromJsonName(String name) {
        return Arrays.stream(values()).filter(e -> e.jsonName.equals(name)).findFirst();
    }
}
