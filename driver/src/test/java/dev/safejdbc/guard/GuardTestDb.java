package dev.safejdbc.guard;

import dev.safejdbc.SafeDataSource;
import dev.safejdbc.it.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * The two databases the guard rewrites for, each reachable three ways: raw (the real driver),
 * through {@code jdbc:safe:}, and through {@code SafeDataSource} over datasource-proxy over the
 * real driver's data source (to see exactly what reaches the driver).
 */
enum GuardTestDb {
    POSTGRESQL {
        @Override
        String rawUrl(Path dir) {
            return "jdbc:" + TestDatabases.postgres();
        }

        @Override
        DataSource realDataSource(Path dir) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(rawUrl(dir));
            return ds;
        }
    },
    SQLITE {
        @Override
        String rawUrl(Path dir) {
            return "jdbc:sqlite:" + dir.resolve("guard.db");
        }

        @Override
        DataSource realDataSource(Path dir) {
            SQLiteDataSource ds = new SQLiteDataSource();
            ds.setUrl(rawUrl(dir));
            return ds;
        }
    };

    /** The real driver's URL; {@code dir} holds SQLite's database file. */
    abstract String rawUrl(Path dir);

    abstract DataSource realDataSource(Path dir);

    String safeUrl(Path dir) {
        return "jdbc:safe:" + rawUrl(dir).substring("jdbc:".length());
    }

    Connection raw(Path dir) throws SQLException {
        return DriverManager.getConnection(rawUrl(dir));
    }

    Connection safe(Path dir, Properties options) throws SQLException {
        return DriverManager.getConnection(safeUrl(dir), options);
    }

    /** safe-jdbc over datasource-proxy over the real driver: every execution goes to {@code recorder}. */
    DataSource recorded(Path dir, SentStatements recorder, Properties options) throws SQLException {
        DataSource proxied = ProxyDataSourceBuilder.create(realDataSource(dir)).listener(recorder).build();
        return SafeDataSource.wrap(proxied, options);
    }

    /** The real driver over datasource-proxy, without safe-jdbc: the baseline. */
    DataSource recordedRaw(Path dir, SentStatements recorder) {
        return ProxyDataSourceBuilder.create(realDataSource(dir)).listener(recorder).build();
    }

    void execute(Path dir, String... sql) throws SQLException {
        try (Connection c = raw(dir); Statement s = c.createStatement()) {
            for (String each : sql) {
                s.execute(each);
            }
        }
    }

    /**
     * Begins the unit of work in which a test has the guard act on a check-then-act: a transaction, but on
     * SQLite autocommit. Inside an SQLite transaction the guard stands aside (its transactions are
     * serializable: {@link Guard#standsAside}); an autocommit read-then-write of one connection is guarded.
     */
    static void beginUnitOfWork(Connection c) throws SQLException {
        c.setAutoCommit("SQLite".equals(c.getMetaData().getDatabaseProductName()));
    }

    /** Ends {@link #beginUnitOfWork}'s unit: commits the transaction, if it is one. */
    static void endUnitOfWork(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    /** Ends {@link #beginUnitOfWork}'s unit: rolls the transaction back, if it is one. */
    static void rollbackUnitOfWork(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.rollback();
        }
    }

    static Properties options(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }
}
