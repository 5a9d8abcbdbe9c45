package dev.safejdbc.guard;

import dev.safejdbc.database.Dialect;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Whether the server has a transaction open, as the driver last heard it: pgjdbc tracks the status every
 * reply carries, MariaDB Connector/J the server status flags of every OK and EOF packet. Both follow a
 * transaction begun in SQL ({@code BEGIN}) while the connection is in autocommit, and neither asks the
 * server: nothing is sent. sqlite-jdbc, H2 and other drivers cannot say.
 */
final class ServerTransactionStatus {
    private static final String PG_CONNECTION = "org.postgresql.core.BaseConnection";
    private static final String MARIADB_CONNECTION = "org.mariadb.jdbc.Connection";
    private static final String MARIADB_CONTEXT = "org.mariadb.jdbc.client.Context";
    /** MariaDB's SERVER_STATUS_IN_TRANS flag. */
    private static final int MARIADB_IN_TRANSACTION = 1;

    private ServerTransactionStatus() {
    }

    /**
     * Whether {@code physical} is inside a transaction: autocommit off (a connection that cannot say is taken to
     * be in one), or one begun in SQL, as the driver says.
     */
    static boolean inTransaction(Connection physical, Dialect dialect) {
        try {
            if (!physical.getAutoCommit()) {
                return true;
            }
        } catch (SQLException e) {
            return true;
        }
        return Boolean.TRUE.equals(open(physical, dialect));
    }

    /** True or false as the driver says; null where it cannot say. */
    static Boolean open(Connection physical, Dialect dialect) {
        try {
            if (dialect == Dialect.POSTGRESQL) {
                Object state = driverConnection(physical, PG_CONNECTION, "getTransactionState");
                return state == null ? null : !"IDLE".equals(state.toString()); // IDLE, OPEN or FAILED
            }
            if (dialect == Dialect.MARIADB) {
                Object context = driverConnection(physical, MARIADB_CONNECTION, "getContext");
                if (context == null) {
                    return null;
                }
                Class<?> type = Class.forName(MARIADB_CONTEXT, false, physical.getClass().getClassLoader());
                int status = (Integer) type.getMethod("getServerStatus").invoke(context);
                return (status & MARIADB_IN_TRANSACTION) != 0;
            }
        } catch (ReflectiveOperationException | SQLException | LinkageError | RuntimeException e) {
            return null; // another driver (MySQL Connector/J), or a version that cannot say
        }
        return null;
    }

    /** {@code method()} of the driver's own connection class {@code className}; null if not that driver's. */
    private static Object driverConnection(Connection physical, String className, String method)
            throws ReflectiveOperationException, SQLException {
        Class<?> type = Class.forName(className, false, physical.getClass().getClassLoader());
        return physical.isWrapperFor(type) ? type.getMethod(method).invoke(physical.unwrap(type)) : null;
    }
}
