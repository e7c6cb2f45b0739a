package dev.gatehouse.database.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * The database engine a route configuration is written for. It decides the SQL dialect the
 * named-parameter parser reads (string escapes, quoted identifiers, comments, dollar quotes) and how
 * array parameters are bound.
 */
public enum DatabaseEngine {
    /** PostgreSQL (and Aurora PostgreSQL); array parameters bind as one SQL array. */
    POSTGRESQL("postgresql"),
    /** MySQL or MariaDB (and Aurora MySQL); array parameters expand to a bounded list of {@code ?}. */
    MYSQL("mysql");

    private final String jsonName;

    DatabaseEngine(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in the routes JSON and in {@code GATEHOUSE_DB_ENGINE}. */
    public String jsonName() {
        return jsonName;
    }

    /** The engine with that JSON name, if any. */
    public static Optional<DatabaseEngine> fromJsonName(String name) {
        return Arrays.stream(values()).filter(e -> e.jsonName.equals(name)).findFirst();
    }
}
