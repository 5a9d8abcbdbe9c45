package dev.safejdbc.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.safejdbc.SafeJdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A nested session: a service holds a transaction on one pooled connection and calls a DAO that
 * takes a second connection from the same pool. With a pool of one (what incident 004's fix
 * moved to) the DAO waits for a connection its own caller holds, until the pool's timeout. On a
 * shared in-memory database through {@code jdbc:safe:}, the outer session holds the only physical
 * connection, so the nested statement would wait for its own thread: it fails at once with
 * SQLState 25001, naming both places (a pool with room over a database of its own would let the
 * audit row commit in a transaction of its own, as REQUIRES_NEW means to).
 */
public final class NestedSessionExample {
    static final String NESTED_SESSION = "25001";
    static final long POOL_TIMEOUT_MS = 1000;

    /** Writes an audit line on a connection of its own: fine on its own, nested inside a transaction. */
    static final class AuditDao {
        private final DataSource dataSource;

        AuditDao(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        void record(String message) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO audit(message) VALUES (?)")) {
                insert.setString(1, message);
                insert.executeUpdate();
            }
        }
    }

    /** Places an order in a transaction, and audits it before committing. */
    static final class OrderService {
        private final DataSource dataSource;
        private final AuditDao audit;

        OrderService(DataSource dataSource, AuditDao audit) {
            this.dataSource = dataSource;
            this.audit = audit;
        }

        void placeOrder(int id) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO orders(id) VALUES (?)")) {
                    insert.setInt(1, id);
                    insert.executeUpdate();
                }
                audit.record("order " + id + " placed"); // a second connection, inside this transaction
                connection.commit();
            } // on an exception the pool rolls the order back when the connection is returned
        }
    }

    private final int calls;

    public NestedSessionExample(int calls) {
        this.calls = calls;
    }

    /** A HikariCP pool of one over {@code jdbc:sqlite:file:NAME?mode=memory}: each call hangs until the timeout. */
    public Tally raw() throws Exception {
        return run("jdbc:sqlite:file:" + Names.unique("orders") + "?mode=memory", 1);
    }

    /**
     * A HikariCP pool of two over {@code jdbc:safe:sqlite:file:NAME?mode=memory}: the nested call
     * gets a connection, and its statement is refused at once (25001).
     */
    public Tally safe() throws Exception {
        String url = "jdbc:safe:sqlite:file:" + Names.unique("orders") + "?mode=memory";
        try {
            return run(url, 2);
        } finally {
            SafeJdbc.drop(url);
        }
    }

    /**
     * @return anomalies: calls that hung until a timeout, or whose nested write ran outside the
     *         caller's transaction; errors: calls refused with SQLState 25001
     */
    private Tally run(String url, int poolSize) throws Exception {
        try (HikariDataSource pool = pool(url, poolSize)) {
            createTables(pool);
            OrderService service = new OrderService(pool, new AuditDao(pool));
            Tally.Clock clock = Tally.start();
            int anomalies = 0;
            int refused = 0;
            for (int id = 1; id <= calls; id++) {
                try {
                    service.placeOrder(id);
                    anomalies++; // the audit row went in through a transaction of its own
                } catch (SQLTransientException e) {
                    anomalies++; // waited for itself until a timeout cut it short
                } catch (SQLException e) {
                    if (!NESTED_SESSION.equals(e.getSQLState())) {
                        throw e;
                    }
                    refused++;
                }
            }
            return clock.stop(anomalies, refused);
        }
    }

    private static HikariDataSource pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("orders-" + size);
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(POOL_TIMEOUT_MS);
        return new HikariDataSource(config);
    }

    private static void createTables(DataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE orders (id INTEGER PRIMARY KEY)");
            statement.executeUpdate("CREATE TABLE audit (message TEXT)");
        }
    }
}
