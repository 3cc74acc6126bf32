package io.reckoning.support.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL location as the seed runbooks give it: {@code postgresql://user:pass@host:port/db}
 * (also {@code postgres://}), or a plain {@code jdbc:postgresql://} URL.
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

    public static final String DEFAULT = "postgresql://localhost:5432/reckoning";

    public static DatabaseUrl parse(String value) {
        String url = value == null || value.isBlank() ? DEFAULT : value.trim();
        if (url.startsWith("jdbc:")) {
            return new DatabaseUrl(url, null, null);
        }
        URI uri = URI.create(url);
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException(
                    "DATABASE_URL must look like postgresql://user:pass@host:port/db or jdbc:postgresql://...; got scheme '"
                            + uri.getScheme() + "'.");
        }
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "reckoning" : uri.getPath().substring(1);
        String jdbc = "jdbc:postgresql://" + host + ":" + port + "/" + database
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        return new DatabaseUrl(jdbc, user, password);
    }

    /** The database name, the last path segment of the JDBC URL. */
    public String databaseName() {
        String path = jdbcUrl.substring(jdbcUrl.indexOf("//") + 2);
        String afterHost = path.substring(path.indexOf('/') + 1);
        int query = afterHost.indexOf('?');
        return query < 0 ? afterHost : afterHost.substring(0, query);
    }

    /** The same server's {@code postgres} maintenance database, for creating this one. */
    public DatabaseUrl maintenance() {
        String name = databaseName();
        int at = jdbcUrl.indexOf("/" + name, jdbcUrl.indexOf("//") + 2);
        return new DatabaseUrl(jdbcUrl.substring(0, at) + "/postgres" + jdbcUrl.substring(at + 1 + name.length()),
                username, password);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + username + "]"; // never the password
    }
}
