package dev.safejdbc.reliability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/** Small JDBC helpers for the reliability tests. */
final class Sql {
    private Sql() {
    }

    @FunctionalInterface
    interface SqlCall<T> {
        T call() throws SQLException;
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static long count(Connection c, String table, String where) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table + " WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Retries one statement while SQLite's shared cache answers SQLITE_LOCKED or SQLITE_BUSY (what a
     * busy timeout would do; the shared cache does not call the busy handler); bounded to 10 s.
     */
    static <T> T busyRetry(SqlCall<T> call) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return call.call();
            } catch (SQLException e) {
                if (!isBusy(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }

    static boolean isBusy(SQLException e) {
        String message = e.getMessage();
        return message != null && (message.contains("SQLITE_LOCKED") || message.contains("SQLITE_BUSY"));
    }
}
