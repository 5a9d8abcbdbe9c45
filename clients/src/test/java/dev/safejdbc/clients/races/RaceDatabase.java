package dev.safejdbc.clients.races;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.SafeJdbc;
import dev.safejdbc.it.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.cfg.AvailableSettings;
import org.jooq.SQLDialect;

/**
 * The databases the races run on, each race in a database (or schema) of its own: PostgreSQL and MariaDB
 * from {@link TestDatabases} (skipped loudly without a server, failing under {@code CI=true}), H2 in memory,
 * SQLite in a file and SQLite in a shared in-memory database.
 */
enum RaceDatabase {
    POSTGRESQL(SQLDialect.POSTGRES) {
        @Override
        Opened open(String name) throws SQLException {
            String admin = "jdbc:" + TestDatabases.postgres();
            execute(admin, "CREATE SCHEMA " + name);
            return new Opened(this, admin + "&currentSchema=" + name,
                    () -> execute(admin, "DROP SCHEMA IF EXISTS " + name + " CASCADE"));
        }
    },
    MARIADB(SQLDialect.MARIADB) {
        @Override
        Opened open(String name) throws SQLException {
            String admin = "jdbc:" + TestDatabases.mariadb();
            execute(admin, "CREATE DATABASE " + name);
            return new Opened(this, admin.replace("/test?", "/" + name + "?"),
                    () -> execute(admin, "DROP DATABASE IF EXISTS " + name));
        }
    },
    H2(SQLDialect.H2) {
        @Override
        Opened open(String name) {
            String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
            return new Opened(this, url, () -> execute(url, "SHUTDOWN"));
        }
    },
    /** A database file: pooled connections each open it; a writer waits out the busy timeout for the file lock. */
    SQLITE_FILE(SQLDialect.SQLITE) {
        @Override
        Opened open(String name) throws SQLException {
            Path file = Path.of(System.getProperty("java.io.tmpdir"), name + ".db");
            return new Opened(this, "jdbc:sqlite:" + file, () -> {
                Files.deleteIfExists(file);
                Files.deleteIfExists(Path.of(file + "-journal"));
            });
        }
    },
    /**
     * A shared-cache in-memory database: raw, each pooled connection is a connection of its own to it (a
     * keeper holds it open between them); through {@code jdbc:safe:} all share one physical connection,
     * leased to one transaction at a time.
     */
    SQLITE_MEMORY(SQLDialect.SQLITE) {
        @Override
        Opened open(String name) throws SQLException {
            String url = "jdbc:sqlite:file:" + name + "?mode=memory&cache=shared";
            Connection keeper = DriverManager.getConnection(url);
            return new Opened(this, url, () -> {
                SafeJdbc.drop(url);
                keeper.close();
            });
        }
    };

    private final SQLDialect jooq;

    RaceDatabase(SQLDialect jooq) {
        this.jooq = jooq;
    }

    /** Creates an empty database (or schema) called {@code name}. */
    abstract Opened open(String name) throws SQLException;

    SQLDialect jooq() {
        return jooq;
    }

    boolean sqlite() {
        return this == SQLITE_FILE || this == SQLITE_MEMORY;
    }

    /**
     * Whether a race through {@code jdbc:safe:} can be forced: not on a shared in-memory database, which
     * safe-jdbc leases to one transaction at a time (a racer waiting for the others' reads would hold the
     * database they wait for), so there the racers only start together.
     */
    boolean forcedThroughSafeJdbc() {
        return this != SQLITE_MEMORY;
    }

    /**
     * Whether the raw driver lets a racer lose its update. SQLite does not: a transaction that read the row
     * cannot write it while another reader holds the file ({@code SQLITE_BUSY}) or the shared cache's table
     * ({@code SQLITE_LOCKED}); its write fails instead, and the race's anomaly is that error.
     */
    boolean losesRacesRaw() {
        return !sqlite();
    }

    /**
     * The errors of a forced race, raw and through safe-jdbc. Where the raw driver loses races it gives no
     * error, nor may safe-jdbc. On an SQLite file the raw racers that lose fail with {@code SQLITE_BUSY},
     * and so do they through safe-jdbc (it adds no kind of error of its own); on a shared in-memory database
     * they fail with {@code SQLITE_LOCKED} raw and not at all through safe-jdbc, one transaction at a time.
     */
    void assertErrors(List<Throwable> raw, List<Throwable> safe) {
        switch (this) {
            case SQLITE_FILE -> {
                assertThat(kinds(raw)).as("raw errors: the racers that lost, on the file lock").containsExactly(
                        "SQLiteException(null, 5)");
                assertThat(kinds(safe)).as("kinds of error through safe-jdbc: the raw driver's own")
                        .isSubsetOf(kinds(raw));
            }
            case SQLITE_MEMORY -> {
                assertThat(kinds(raw)).as("raw errors: the racers that lost, on the shared cache's table lock")
                        .containsExactly("SQLiteException(null, 6)");
                assertThat(safe).as("errors through safe-jdbc (one transaction at a time)").isEmpty();
            }
            default -> {
                assertThat(raw).as("raw errors").isEmpty();
                assertThat(safe).as("errors through safe-jdbc").isEmpty();
            }
        }
    }

    /** Each error by its first SQLException's class, SQLState and vendor code: what a retry idiom looks at. */
    static Set<String> kinds(List<Throwable> errors) {
        Set<String> kinds = new TreeSet<>();
        for (Throwable error : errors) {
            Throwable sql = error;
            while (sql != null && !(sql instanceof SQLException)) {
                sql = sql.getCause();
            }
            kinds.add(sql instanceof SQLException e
                    ? e.getClass().getSimpleName() + "(" + e.getSQLState() + ", " + e.getErrorCode() + ")"
                    : error.toString());
        }
        return kinds;
    }

    /** Hibernate's settings for this database: SQLite's dialect is a community one, the others are detected. */
    Properties hibernate() {
        Properties settings = new Properties();
        if (sqlite()) {
            settings.put(AvailableSettings.DIALECT, "org.hibernate.community.dialect.SQLiteDialect");
        }
        return settings;
    }

    /** An open database: its raw URL, and how it goes away. */
    static final class Opened implements AutoCloseable {
        private final RaceDatabase kind;
        private final String url;
        private final Drop drop;

        Opened(RaceDatabase kind, String url, Drop drop) {
            this.kind = kind;
            this.url = url;
            this.drop = drop;
        }

        RaceDatabase kind() {
            return kind;
        }

        String url() {
            return url;
        }

        String safeUrl() {
            return "jdbc:safe:" + url.substring("jdbc:".length());
        }

        void execute(String sql) throws SQLException {
            RaceDatabase.execute(url, sql);
        }

        @Override
        public void close() throws Exception {
            drop.run();
        }
    }

    @FunctionalInterface
    interface Drop {
        void run() throws Exception;
    }

    static void execute(String jdbcUrl, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
