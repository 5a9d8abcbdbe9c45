package dev.safejdbc;

import dev.safejdbc.config.Mode;
import dev.safejdbc.config.SafeOptions;
import dev.safejdbc.database.Database;
import dev.safejdbc.error.InvalidConfigurationException;
import dev.safejdbc.findings.AppFrames;
import dev.safejdbc.findings.Findings;
import dev.safejdbc.function.SqlSupplier;
import dev.safejdbc.guard.Guard;
import dev.safejdbc.jdbc.SafeConnection;
import dev.safejdbc.nested.HeldConnections;
import dev.safejdbc.session.Boundaries;
import dev.safejdbc.session.Boundary;
import dev.safejdbc.session.ConnectionLease;
import dev.safejdbc.session.NestingCheck;
import dev.safejdbc.session.ObservedSession;
import dev.safejdbc.session.SharedMemoryDatabases;
import dev.safejdbc.session.ThreadSessions;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The one construction path: how a connection gets safe-jdbc's protections, whichever door it
 * came through ({@link SafeDriver}, {@link SafeDataSource}, the agent). The checkout
 * announcement, the nested-checkout check, learning which database a data source serves, the
 * report-at-exit registration and the choice of session and guard are made here and nowhere else.
 */
public final class Protection {
    private Protection() {
    }

    /** A connection is about to be asked for: a test harness may hold the thread here. */
    public static void checkoutStarts() {
        Boundaries.reached(Boundary.CHECKOUT, "getConnection");
    }

    /**
     * A protected connection to {@code realUrl} (a driver's door). A shared in-memory database
     * (enforce mode) runs over its one physical connection, opened with {@code opener} the first
     * time; any other gets a physical connection of its own from {@code opener}.
     */
    public static Connection ofUrl(String realUrl, SafeOptions options, SqlSupplier<Connection> opener)
            throws SQLException {
        Database database = options.mode() == Mode.ENFORCE ? Database.ofUrlSharingMemory(realUrl)
                : Database.ofUrl(realUrl);
        if (database.sharedKey() == null) {
            return protect(opener.get(), database, options);
        }
        ConnectionLease lease = SharedMemoryDatabases.lease(database.sharedKey(), opener);
        applyProcessWide(options);
        return new SafeConnection(lease.physical(), database,
                new ThreadSessions(lease, NestingCheck.sharedMemory(options.nested()), options.checkoutTimeoutMs()), true,
                Guard.of(database, options));
    }

    /**
     * {@link #ofUrl} for a connection the real driver has opened already (the agent): when the
     * shared in-memory database it names exists, it is a fresh, empty database that nobody needs,
     * so it is closed.
     */
    public static Connection ofOpened(String realUrl, SafeOptions options, Connection opened) throws SQLException {
        boolean[] used = {false};
        Connection safe = ofUrl(realUrl, options, () -> {
            used[0] = true;
            return opened;
        });
        if (!used[0]) {
            opened.close();
        }
        return safe;
    }

    /**
     * Wraps a connection that the caller owns (from a real driver or a pool) to {@code database};
     * in off mode it is returned as it is.
     */
    public static Connection protect(Connection physical, Database database, SafeOptions options)
            throws SQLException {
        try {
            applyProcessWide(options);
            switch (options.mode()) {
                case OFF:
                    return physical;
                case REPORT:
                    return new SafeConnection(physical, database, new ObservedSession(physical, database.identity(),
                            NestingCheck.reporting(options.nested())), false, Guard.of(database, options));
                default:
                    ConnectionLease lease = ConnectionLease.owned(physical, database.identity());
                    return new SafeConnection(physical, database, new ThreadSessions(lease,
                            NestingCheck.enforcing(options.nested(), database.subprotocol()),
                            options.checkoutTimeoutMs()), false,
                            Guard.of(database, options));
            }
        } catch (SQLException | RuntimeException e) {
            physical.close(); // never leak the caller's (or the pool's) connection
            throw e;
        }
    }

    /** The protections of the connections one data source hands out. */
    public static ForDataSource forDataSource(Object source, SafeOptions options) {
        return new ForDataSource(source, options);
    }

    /**
     * One data source's protections: its options, resolved once, and the database it serves,
     * learnt from the first connection it hands out (no secrets kept).
     */
    public static final class ForDataSource {
        private final Object source;
        private final SafeOptions options;
        private final NestingCheck nesting;
        private final HeldConnections held = new HeldConnections();
        private volatile Database database;

        private ForDataSource(Object source, SafeOptions options) {
            this.source = source;
            this.options = options;
            // checkouts only: no statement is watched from here
            this.nesting = options.mode() == Mode.REPORT ? NestingCheck.reporting(options.nested())
                    : NestingCheck.enforcing(options.nested(), "");
        }

        /**
         * Before the data source is asked: announces the checkout and refuses a nested one at once
         * (SQLState 25001) when the pool would make it wait for itself.
         */
        public void beforeCheckout() throws SQLException {
            checkoutStarts();
            refuseNested();
        }

        /**
         * The nested-checkout check alone (the agent announces only the outermost of nested
         * checkouts); in report mode it records what enforce mode would refuse.
         */
        public void refuseNested() throws SQLException {
            if (options.mode() == Mode.OFF) {
                return;
            }
            boolean holdsOne = held.holdsOne();
            Database known = database;
            if (known != null || holdsOne) {
                nesting.checkCheckout(known != null ? known.identity() : Database.ofSource(source).identity(),
                        source, holdsOne);
            }
        }

        /**
         * The connection to hand out instead of {@code handedOut}: protected, unless it is safe
         * already; held by this thread until it is closed.
         */
        public Connection protect(Connection handedOut) throws SQLException {
            Connection result = learn(handedOut) ? handedOut
                    : Protection.protect(handedOut, databaseOf(handedOut), options);
            hold(result);
            return result;
        }

        /**
         * A connection the data source handed out and another layer protected already (the
         * agent's pool over a protected driver): its database is learnt, and it is held by this
         * thread until it is closed.
         */
        public void handedOut(Connection connection) throws SQLException {
            learn(connection);
            hold(connection);
        }

        /** Off mode checks no checkout, so it keeps no record of what this thread holds either. */
        private void hold(Connection connection) {
            if (options.mode() != Mode.OFF) {
                held.handedOut(connection);
            }
        }

        /**
         * Learns the database from a connection that is safe already (a pool over
         * {@code jdbc:safe:}), so that a nested checkout is still refused before the pool is asked.
         * Returns whether it was safe.
         */
        private boolean learn(Connection handedOut) throws SQLException {
            if (!handedOut.isWrapperFor(SafeConnection.class)) {
                return false;
            }
            if (database == null) {
                database = handedOut.unwrap(SafeConnection.class).database();
            }
            return true;
        }

        private Database databaseOf(Connection connection) throws SQLException {
            Database known = database;
            if (known == null) {
                String url;
                try {
                    url = connection.getMetaData().getURL();
                } catch (SQLException e) {
                    connection.close();
                    throw e;
                }
                known = url == null ? Database.ofSource(source) : Database.ofUrl(url);
                database = known;
            }
            return known;
        }
    }

    /** The options that concern the whole application rather than this connection: the report and its packages. */
    private static void applyProcessWide(SafeOptions options) throws InvalidConfigurationException {
        AppFrames.declareApplicationPackages(options.appPackages());
        if (options.reportPath() == null) {
            return;
        }
        try {
            Findings.reportAtExit(Path.of(options.reportPath()));
        } catch (InvalidPathException e) {
            throw new InvalidConfigurationException("safe.report=" + options.reportPath()
                    + " is not a usable file path: expected a path such as build/safe-jdbc-report.json", e);
        }
    }
}
