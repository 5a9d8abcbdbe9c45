package dev.safejdbc.bench;

import dev.safejdbc.SafeJdbc;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * The databases a benchmark trial runs on, and the ways of connecting to them that the benchmarks
 * compare. Every trial gets a database (SQLite) or table (PostgreSQL) of its own, created in
 * {@code @Setup} and removed in {@code @TearDown}.
 */
final class Databases {
    static final String SQLITE = "sqlite";
    static final String POSTGRESQL = "postgresql";
    static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private static final AtomicInteger NAMES = new AtomicInteger();

    private Databases() {
    }

    /** The PostgreSQL server: {@code SAFE_PG_URL} (a full JDBC URL) or the local default. */
    static String postgresUrl() {
        String url = System.getenv("SAFE_PG_URL");
        return url == null || url.isBlank() ? DEFAULT_PG_URL : url;
    }

    /** A name no other trial of this JVM uses. */
    static String unique(String prefix) {
        return prefix + "_" + ProcessHandle.current().pid() + "_" + NAMES.incrementAndGet();
    }

    /** {@code jdbc:<rest>} as {@code jdbc:safe:<rest>}. */
    static String safe(String rawUrl) {
        return "jdbc:safe:" + rawUrl.substring("jdbc:".length());
    }

    /** {@code jdbc:<rest>} as {@code jdbc:p6spy:<rest>}. */
    static String p6spy(String rawUrl) {
        return "jdbc:p6spy:" + rawUrl.substring("jdbc:".length());
    }

    /**
     * One trial's database: for SQLite a new named in-memory database, for PostgreSQL the server
     * (tables get unique names there). {@link #rawUrl} is what the raw driver and the peers open;
     * {@link #safeUrl} what safe-jdbc opens.
     */
    static final class Target implements AutoCloseable {
        final String db;
        final String rawUrl;
        final String safeUrl;
        /**
         * SQLite: a raw connection that keeps the raw (shared-cache) database alive for the whole
         * trial; safe-jdbc keeps its own until {@link SafeJdbc#drop}.
         */
        private final Connection keeper;

        private Target(String db, String rawUrl, String safeUrl, Connection keeper) {
            this.db = db;
            this.rawUrl = rawUrl;
            this.safeUrl = safeUrl;
            this.keeper = keeper;
        }

        static Target open(String db, String prefix) throws SQLException {
            switch (db) {
                case SQLITE: {
                    String name = unique(prefix);
                    String raw = "jdbc:sqlite:file:" + name + "?mode=memory&cache=shared";
                    return new Target(db, raw, "jdbc:safe:sqlite:file:" + name + "?mode=memory",
                            DriverManager.getConnection(raw));
                }
                case POSTGRESQL: {
                    String raw = postgresUrl();
                    return new Target(db, raw, safe(raw), null);
                }
                default:
                    throw new IllegalArgumentException("db must be sqlite or postgresql, not " + db);
            }
        }

        /** A table name for this trial: as given on SQLite (a fresh database), made unique on PostgreSQL. */
        String table(String name) {
            return db.equals(SQLITE) ? name : unique("bench_" + name);
        }

        /**
         * A connection of the given variant:
         * <ul>
         * <li>{@code raw}: the real driver, {@link #rawUrl};</li>
         * <li>{@code raw-private} (SQLite): the real driver on a private in-memory database, the
         * URL safe-jdbc's own physical connection uses (no shared cache);</li>
         * <li>{@code safe}: {@code jdbc:safe:}, guard on (the default);</li>
         * <li>{@code safe-guard-off}: {@code jdbc:safe:} with {@code safe.guard=off};</li>
         * <li>{@code datasource-proxy}: datasource-proxy's {@code ProxyDataSource} (no listeners)
         * over the vendor's simple {@link DataSource};</li>
         * <li>{@code p6spy}: {@code jdbc:p6spy:}, configured by {@code spy.properties}.</li>
         * </ul>
         * PostgreSQL connections get {@code synchronous_commit = off}, so that commits measure the
         * JDBC path and the server, not this disk's flush latency.
         */
        Connection connect(String variant) throws SQLException {
            Connection c;
            switch (variant) {
                case "raw":
                    c = DriverManager.getConnection(rawUrl);
                    break;
                case "raw-private":
                    c = db.equals(SQLITE) ? DriverManager.getConnection(safeUrl.replace("jdbc:safe:", "jdbc:"))
                            : DriverManager.getConnection(rawUrl);
                    break;
                case "safe":
                    c = DriverManager.getConnection(safeUrl);
                    break;
                case "safe-guard-off": {
                    Properties options = new Properties();
                    options.setProperty("safe.guard", "off");
                    c = DriverManager.getConnection(safeUrl, options);
                    break;
                }
                case "datasource-proxy":
                    c = ProxyDataSourceBuilder.create(simpleDataSource()).name("bench").build().getConnection();
                    break;
                case "p6spy":
                    c = DriverManager.getConnection(p6spy(rawUrl));
                    break;
                default:
                    throw new IllegalArgumentException("unknown variant " + variant
                            + ": expected raw, raw-private, safe, safe-guard-off, datasource-proxy or p6spy");
            }
            if (db.equals(POSTGRESQL)) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET synchronous_commit TO off");
                }
            }
            return c;
        }

        private DataSource simpleDataSource() {
            if (db.equals(SQLITE)) {
                SQLiteDataSource ds = new SQLiteDataSource();
                ds.setUrl(rawUrl);
                return ds;
            }
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(rawUrl);
            return ds;
        }

        /** Drops the trial's PostgreSQL tables, or lets the SQLite databases go. */
        void close(String... tables) throws SQLException {
            if (db.equals(POSTGRESQL)) {
                try (Connection c = DriverManager.getConnection(rawUrl); Statement s = c.createStatement()) {
                    for (String table : tables) {
                        s.execute("DROP TABLE IF EXISTS " + table);
                    }
                }
            } else {
                SafeJdbc.drop(safeUrl);
                keeper.close();
            }
        }

        @Override
        public void close() throws SQLException {
            close(new String[0]);
        }
    }

    /**
     * Runs DDL and seed statements on {@code c} and commits them. Each variant sets up its own
     * database through its own connection: on SQLite, {@code file:NAME?mode=memory} without
     * {@code cache=shared} (what safe-jdbc's physical connection opens) is a database of its own.
     */
    static void execute(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    static void closeQuietly(AutoCloseable... resources) {
        for (AutoCloseable r : resources) {
            if (r != null) {
                try {
                    r.close();
                } catch (Exception e) {
                    System.err.println("closing " + r + ": " + e);
                }
            }
        }
    }
}
