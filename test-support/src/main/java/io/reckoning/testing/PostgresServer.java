package io.reckoning.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server the tests may create databases on, as a superuser.
 *
 * @param hosts      {@code host:port} as a JDBC URL takes it (several, comma-separated, also work)
 * @param username   the user to connect as
 * @param password   the password, or {@code null} where the server trusts the user
 * @param parameters JDBC URL parameters other than user and password (e.g. {@code sslmode=require}), or ""
 */
record PostgresServer(String hosts, String username, String password, String parameters) {

    /** Where a developer's machine and CI run PostgreSQL when nothing else is said. */
    static final PostgresServer LOCAL = new PostgresServer("127.0.0.1:5432", "root", null, "");

    private static final String ADMIN_DATABASE = "postgres";
    private static final int CONNECT_TIMEOUT_SECONDS = 5;

    // [jdbc:]postgres[ql]://[user[:password]@]hosts[/database][?parameters]
    private static final Pattern URL = Pattern.compile(
            "(?:jdbc:)?postgres(?:ql)?://(?:([^@/?]*)@)?([^/?]*)(?:/[^?]*)?(?:\\?(.*))?");

    /**
     * Reads a server from a {@code DATABASE_URL}: {@code postgresql://user:pass@host:port/db} or
     * {@code jdbc:postgresql://host:port/db?user=…&password=…}. The database named is ignored:
     * tests create their own.
     */
    static PostgresServer parse(String databaseUrl) {
        Matcher url = URL.matcher(databaseUrl.trim());
        if (!url.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL URL: " + databaseUrl
                    + " (expected postgresql://user:pass@host:port/db or jdbc:postgresql://host:port/db)");
        }
        String username = null;
        String password = null;
        if (url.group(1) != null) {
            String[] userInfo = url.group(1).split(":", 2);
            username = decode(userInfo[0]);
            password = userInfo.length > 1 ? decode(userInfo[1]) : null;
        }
        List<String> parameters = new ArrayList<>();
        if (url.group(3) != null) {
            for (String parameter : url.group(3).split("&")) {
                String[] pair = parameter.split("=", 2);
                switch (pair[0]) {
                    case "user" -> username = decode(pair.length > 1 ? pair[1] : "");
                    case "password" -> password = decode(pair.length > 1 ? pair[1] : "");
                    case "" -> { }
                    default -> parameters.add(parameter);
                }
            }
        }
        String hosts = url.group(2).isEmpty() ? "localhost:5432" : url.group(2);
        // Without a user the driver connects as the OS user; say so explicitly.
        String user = username == null || username.isEmpty() ? System.getProperty("user.name") : username;
        return new PostgresServer(hosts, user, password, String.join("&", parameters));
    }

    /** The JDBC URL of {@code database} on this server. */
    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + hosts + "/" + database + (parameters.isEmpty() ? "" : "?" + parameters);
    }

    /** Runs one statement on the server's {@code postgres} database. */
    void execute(String sql) throws SQLException {
        try (Connection connection = connect(ADMIN_DATABASE); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    @Override
    public String toString() {
        return jdbcUrl(ADMIN_DATABASE) + " as " + username;
    }

    /** Percent-decoding only: a '+' in a URL's user or password is a plus, not a space. */
    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
