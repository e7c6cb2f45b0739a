package dev.gatehouse.local.internal.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the local database is: engine, host, port, database, user and password, from a JDBC URL
 * ({@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=...}).
 */
public record DatabaseLocation(String engine, String host, int port, String database, String user, String password) {

    /**
     * @throws IllegalArgumentException saying what a usable URL looks like
     */
    public static DatabaseLocation parse(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("--database-url '" + jdbcUrl + "' is not a JDBC URL; expected"
                    + " jdbc:postgresql://HOST:PORT/DATABASE?user=USER[&password=PASSWORD]");
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        String engine = switch (scheme) {
            case "postgresql" -> "postgresql";
            case "mysql", "mariadb" -> "mysql";
            default -> throw new IllegalArgumentException("--database-url '" + jdbcUrl + "': the database proxy speaks"
                    + " PostgreSQL (jdbc:postgresql://...) and MySQL/MariaDB (jdbc:mariadb://...), not '" + scheme + "'");
        };
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    query.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (uri.getHost() == null || path.isEmpty()) {
            throw new IllegalArgumentException("--database-url '" + jdbcUrl + "' needs a host and a database:"
                    + " jdbc:" + scheme + "://HOST:PORT/DATABASE?user=USER");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : engine.equals("postgresql") ? 5432 : 3306;
        return new DatabaseLocation(engine, uri.getHost(), port, path, query.getOrDefault("user", engine.equals("postgresql")
                ? "postgres" : "root"), query.getOrDefault("password", ""));
    }
}
