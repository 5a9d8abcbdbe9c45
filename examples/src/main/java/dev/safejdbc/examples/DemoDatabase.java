package dev.safejdbc.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Where the check-then-act examples run: SQLite by default (nothing to install), or a PostgreSQL
 * server named on the command line. SQLite lets one writer in at a time, so there the services run
 * in autocommit, as much code does; on PostgreSQL they run in transactions at READ COMMITTED.
 * The raw SQLite side uses a temporary file with a busy timeout: in-memory shared-cache databases
 * answer contention with SQLITE_LOCKED at once, which would end the race before it is run.
 */
final class DemoDatabase {
    private final String postgresUrl;

    private DemoDatabase(String postgresUrl) {
        this.postgresUrl = postgresUrl;
    }

    static DemoDatabase sqlite() {
        return new DemoDatabase(null);
    }

    /** @param url {@code postgresql://host:5432/db?user=...}, without {@code jdbc:} */
    static DemoDatabase postgres(String url) {
        return new DemoDatabase(url);
    }

    String describe() {
        return postgresUrl == null ? "SQLite" : "PostgreSQL";
    }

    boolean transactional() {
        return postgresUrl != null;
    }

    /** A fresh database each time on SQLite; the server on PostgreSQL. */
    String rawUrl(String name) throws IOException {
        if (postgresUrl != null) {
            return "jdbc:" + postgresUrl;
        }
        Path file = Files.createTempFile("safe-jdbc-demo-" + name, ".db");
        file.toFile().deleteOnExit();
        return "jdbc:sqlite:" + file;
    }

    String safeUrl(String name) {
        return postgresUrl == null ? "jdbc:safe:sqlite:file:" + Names.unique(name) + "?mode=memory"
                : "jdbc:safe:" + postgresUrl;
    }

    /** A HikariCP pool whose waits are bounded like the rest of the demo. */
    static HikariDataSource pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (url.contains(":sqlite:")) {
            config.addDataSourceProperty("busy_timeout", String.valueOf(Bounded.SECONDS * 1000)); // wait, not fail
        }
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(Bounded.SECONDS * 1000);
        return new HikariDataSource(config);
    }

    void execute(DataSource dataSource, String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
