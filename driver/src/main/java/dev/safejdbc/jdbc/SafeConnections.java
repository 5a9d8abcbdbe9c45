package dev.safejdbc.jdbc;

import dev.safejdbc.config.SafeOptions;
import dev.safejdbc.error.InvalidConfigurationException;
import dev.safejdbc.findings.AppFrames;
import dev.safejdbc.findings.Findings;
import dev.safejdbc.guard.Guard;
import dev.safejdbc.lease.ConnectionLease;
import dev.safejdbc.lease.ThreadSessions;
import dev.safejdbc.session.NestingCheck;
import dev.safejdbc.session.ObservedSession;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** Gives a real connection the protections its options ask for; shared by the driver and data source. */
public final class SafeConnections {
    private SafeConnections() {
    }

    /**
     * Wraps a connection that the caller owns (from a real driver or a pool); in off mode it is
     * returned as it is. {@code subprotocol} (sqlite, postgresql, ...) picks the guard's dialect.
     */
    public static Connection protect(Connection physical, String database, String subprotocol, SafeOptions options)
            throws SQLException {
        try {
            applyProcessWide(options);
            switch (options.mode()) {
                case OFF:
                    return physical;
                case REPORT:
                    return new SafeConnection(physical,
                            new ObservedSession(physical, database, NestingCheck.reporting(options.nested())), false,
                            Guard.of(database, subprotocol, options));
                default:
                    ConnectionLease lease = ConnectionLease.owned(physical, database);
                    return new SafeConnection(physical, new ThreadSessions(lease,
                            NestingCheck.enforcing(options.nested(), subprotocol), options.checkoutTimeoutMs()), false,
                            Guard.of(database, subprotocol, options));
            }
        } catch (SQLException | RuntimeException e) {
            physical.close(); // never leak the caller's (or the pool's) connection
            throw e;
        }
    }

    /** A new logical connection to a shared in-memory database (enforce mode). */
    public static Connection shared(ConnectionLease lease, SafeOptions options) throws SQLException {
        applyProcessWide(options);
        return new SafeConnection(lease.physical(),
                new ThreadSessions(lease, NestingCheck.sharedMemory(options.nested()), options.checkoutTimeoutMs()), true,
                Guard.of(lease.database(), "sqlite", options));
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
