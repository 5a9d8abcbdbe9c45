package dev.safejdbc.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Incident 003's completion, written the naive way: read the job's status, and if it is RUNNING,
 * complete it with this worker's result. {@code decided} runs between the read and the write,
 * where a test makes both workers read before either writes.
 */
public final class JobCompletion {
    private final String table;

    public JobCompletion(String table) {
        this.table = table;
    }

    /** Whether this worker completed the job; a lost race (SQLState 40001) did not. */
    public boolean complete(Connection c, int job, String result, Runnable decided) throws SQLException {
        try {
            try (PreparedStatement read = c.prepareStatement("SELECT status FROM " + table + " WHERE id = ?")) {
                read.setInt(1, job);
                try (ResultSet rs = read.executeQuery()) {
                    if (!rs.next() || !"RUNNING".equals(rs.getString(1))) {
                        c.rollback();
                        return false;
                    }
                }
            }
            decided.run();
            try (PreparedStatement done = c.prepareStatement(
                    "UPDATE " + table + " SET status = 'DONE', result = ? WHERE id = ?")) {
                done.setString(1, result);
                done.setInt(2, job);
                done.executeUpdate();
            }
            c.commit();
            return true;
        } catch (SQLException e) {
            c.rollback();
            if ("40001".equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }
}
