package dev.safejdbc.session;

import dev.safejdbc.config.NestedPolicy;
import dev.safejdbc.it.Await;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/** The session unit tests' set-up: one in-memory SQLite connection under a lease, and the thread sessions on it. */
record LeasedConnection(Connection physical, ConnectionLease lease, ThreadSessions sessions) implements AutoCloseable {
    /** Long enough that only a broken hand-over reaches it. */
    static final long WAIT_MS = TimeUnit.SECONDS.toMillis(Await.SECONDS);

    static LeasedConnection open(String database) throws SQLException {
        Connection physical = DriverManager.getConnection("jdbc:sqlite::memory:");
        ConnectionLease lease = ConnectionLease.owned(physical, database);
        return new LeasedConnection(physical, lease,
                new ThreadSessions(lease, NestingCheck.enforcing(NestedPolicy.FAIL, ""), WAIT_MS));
    }

    @Override
    public void close() throws SQLException {
        physical.close();
    }
}
