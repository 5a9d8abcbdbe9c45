package dev.safejdbc.agent;

import dev.safejdbc.Protection;
import dev.safejdbc.agent.CallChain.Handout;
import dev.safejdbc.function.SqlSupplier;
import dev.safejdbc.jdbc.SafeConnection;
import dev.safejdbc.session.Boundaries;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.WeakHashMap;

/**
 * The agent's door to {@link Protection}: a connection that a driver or a data source hands out
 * gets the protections of the {@code jdbc:safe:} URL, through the same construction path as
 * {@code SafeDriver} and {@code SafeDataSource}. What is the agent's own: connections safe
 * already or opened by safe-jdbc itself are left alone, and a failure of the agent's machinery
 * lets the connection go out unprotected.
 */
final class Protector {
    private final AgentOptions options;
    private final ParserWarmUp warmUp;
    /** Each data source's protections (its options, its database), made at its first checkout. */
    private final Map<Object, Protection.ForDataSource> dataSources = Collections.synchronizedMap(new WeakHashMap<>());

    Protector(AgentOptions options, ParserWarmUp warmUp) {
        this.options = options;
        this.warmUp = warmUp;
    }

    /**
     * The outermost checkout of a thread's call chain is announced to a listening harness, unless
     * safe-jdbc's own driver or data source is opening (they announced it already).
     */
    void checkoutStarts() {
        if (Boundaries.isListening() && !SafeLayer.isOpening()) {
            Protection.checkoutStarts();
        }
    }

    /** Refuses a nested checkout from {@code dataSource} before the pool is asked (as SafeDataSource does). */
    void beforeCheckout(Object dataSource) throws SQLException {
        forDataSource(dataSource).refuseNested();
    }

    /**
     * Remembers that this thread holds {@code handedOut} until it is closed, and which database
     * {@code dataSource} serves once it has handed out a safe connection.
     */
    void handedOut(Object dataSource, Connection handedOut) {
        try {
            forDataSource(dataSource).handedOut(handedOut);
        } catch (SQLException | RuntimeException e) {
            // a wrapper that cannot tell (or options that cannot be read): such a data source is not checked
        }
    }

    private Protection.ForDataSource forDataSource(Object dataSource) throws SQLException {
        Protection.ForDataSource known = dataSources.get(dataSource);
        if (known == null) {
            known = Protection.forDataSource(dataSource, options.resolve(null));
            dataSources.putIfAbsent(dataSource, known);
        }
        return known;
    }

    /** The connection {@code Driver.connect(url, info)} hands out instead of {@code opened}. */
    Handout fromDriver(Object driver, String url, Properties info, Connection opened) throws SQLException {
        return guarded(driver, opened, () -> Protection.ofOpened(url, options.resolve(info), opened));
    }

    /** The connection {@code DataSource.getConnection(..)} hands out instead of {@code handedOut}. */
    Handout fromDataSource(Object dataSource, Connection handedOut) throws SQLException {
        return guarded(dataSource, handedOut, () -> forDataSource(dataSource).protect(handedOut));
    }

    /**
     * Runs {@code wrapping} unless the connection is safe already or safe-jdbc itself is opening it;
     * the first connection so protected starts the parser's warm-up. A failure of the agent's own
     * machinery is logged once and the connection goes out unprotected; safe-jdbc's deliberate
     * errors (a bad {@code safe.*} option, ...) reach the application.
     */
    private Handout guarded(Object source, Connection connection, SqlSupplier<Connection> wrapping)
            throws SQLException {
        if (isSafe(connection)) {
            return new Handout(connection, true);
        }
        if (SafeLayer.isOpening()) {
            return new Handout(connection, false);
        }
        try {
            Connection wrapped = wrapping.get();
            warmUp.start();
            return new Handout(wrapped, true);
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

    private static void closeQuietly(Connection connection, SQLException cause) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
