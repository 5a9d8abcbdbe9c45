package dev.safejdbc.agent;

import dev.safejdbc.agent.CallChain.Handout;
import dev.safejdbc.config.DatabaseKey;
import dev.safejdbc.config.Mode;
import dev.safejdbc.config.SafeOptions;
import dev.safejdbc.config.SafeUrl;
import dev.safejdbc.jdbc.SafeConnection;
import dev.safejdbc.jdbc.SafeConnections;
import dev.safejdbc.lease.ConnectionLease;
import dev.safejdbc.lease.MemoryUrls;
import dev.safejdbc.lease.SharedMemoryDatabases;
import dev.safejdbc.session.NestingCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.WeakHashMap;

/**
 * Gives a connection that a driver or a data source hands out the protections of the
 * {@code jdbc:safe:} URL, exactly as {@code SafeDriver} and {@code SafeDataSource} would.
 */
final class Protector {
    private final AgentOptions options;
    /** The database each data source hands out connections to, learnt from its first safe one. */
    private final Map<Object, String> databases = Collections.synchronizedMap(new WeakHashMap<>());

    Protector(AgentOptions options) {
        this.options = options;
    }

    /** Refuses a nested checkout from {@code dataSource} before the pool is asked (as SafeDataSource does). */
    void beforeCheckout(Object dataSource) throws SQLException {
        String database = databases.get(dataSource);
        if (database == null) {
            return;
        }
        SafeOptions resolved = options.resolve(null);
        if (resolved.mode() == Mode.ENFORCE) {
            NestingCheck.enforcing(resolved.nested(), "").checkCheckout(database, dataSource);
        }
    }

    /** Remembers which database {@code dataSource} serves, once it has handed out a safe connection. */
    void learnDatabase(Object dataSource, Connection handedOut) {
        if (databases.containsKey(dataSource)) {
            return;
        }
        try {
            if (handedOut.isWrapperFor(SafeConnection.class)) {
                databases.put(dataSource, handedOut.unwrap(SafeConnection.class).database());
            }
        } catch (SQLException | RuntimeException e) {
            // a wrapper that cannot tell: such a data source is simply not checked before checkout
        }
    }

    /** The connection {@code Driver.connect(url, info)} hands out instead of {@code opened}. */
    Handout fromDriver(Object driver, String url, Properties info, Connection opened) throws SQLException {
        return guarded(driver, opened, () -> {
            SafeOptions resolved = options.resolve(info);
            String sharedKey = resolved.mode() == Mode.ENFORCE ? MemoryUrls.sharedKey(url) : null;
            if (sharedKey != null) {
                return SafeConnections.shared(sharedDatabase(sharedKey, opened), resolved);
            }
            return SafeConnections.protect(opened, DatabaseKey.of(url), subprotocol(url), resolved);
        });
    }

    /** The connection {@code DataSource.getConnection(..)} hands out instead of {@code handedOut}. */
    Handout fromDataSource(Object dataSource, Connection handedOut) throws SQLException {
        return guarded(dataSource, handedOut, () -> {
            // as SafeDataSource does: the database's identity comes from the connection itself
            String url = handedOut.getMetaData().getURL();
            String database = url == null
                    ? "datasource@" + Integer.toHexString(System.identityHashCode(dataSource))
                    : DatabaseKey.of(url);
            return SafeConnections.protect(handedOut, database, url == null ? "" : subprotocol(url),
                    options.resolve(null));
        });
    }

    /**
     * The shared in-memory database under {@code key}, the same one a {@code jdbc:safe:} URL opens.
     * The first connection opened for it becomes its physical connection; a later one is a
     * fresh, empty database that nobody needs, so it is closed.
     */
    private static ConnectionLease sharedDatabase(String key, Connection opened) throws SQLException {
        ConnectionLease lease = SharedMemoryDatabases.lease(key, () -> opened);
        if (lease.physical() != opened) {
            opened.close();
        }
        return lease;
    }

    private interface Wrapping {
        Connection wrap() throws SQLException;
    }

    /**
     * Runs {@code wrapping} unless the connection is safe already or safe-jdbc itself is opening it.
     * A failure of the agent's own machinery is logged once and the connection goes out unprotected;
     * safe-jdbc's deliberate errors (a bad {@code safe.*} option, ...) reach the application.
     */
    private static Handout guarded(Object source, Connection connection, Wrapping wrapping) throws SQLException {
        if (isSafe(connection)) {
            return new Handout(connection, true);
        }
        if (SafeLayer.isOpening()) {
            return new Handout(connection, false);
        }
        try {
            return new Handout(wrapping.wrap(), true);
        } catch (SQLException e) {
            if (SafeLayer.isDeliberate(e)) {
                closeQuietly(connection, e);
                throw e;
            }
            return unprotected(source, connection, e);
        } catch (RuntimeException | LinkageError e) {
            return unprotected(source, connection, e);
        }
    }

    private static Handout unprotected(Object source, Connection connection, Throwable failure) throws SQLException {
        AgentLog.failure("could not protect a connection from " + source.getClass().getName(), failure);
        if (connection.isClosed()) { // the failed wrapping closed it: there is nothing to hand out
            throw new SQLException("safe-jdbc agent: the connection from " + source.getClass().getName()
                    + " could not be protected: " + failure, failure);
        }
        return new Handout(connection, false);
    }

    /** Whether {@code connection} is, or wraps, one of safe-jdbc's: it is never wrapped twice. */
    static boolean isSafe(Connection connection) {
        if (connection instanceof SafeConnection || SafeLayer.isSafeConnectionClass(connection.getClass())
                || SafeLayer.wrapsApplicationsSafeConnection(connection)) {
            return true;
        }
        try {
            return connection.isWrapperFor(SafeConnection.class);
        } catch (SQLException | RuntimeException e) {
            return false; // a wrapper that cannot tell: the call chain still knows whether it protected it
        }
    }

    private static String subprotocol(String url) {
        return url.startsWith("jdbc:") && url.indexOf(':', "jdbc:".length()) > 0 ? SafeUrl.subprotocol(url) : "";
    }

    private static void closeQuietly(Connection connection, SQLException cause) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
