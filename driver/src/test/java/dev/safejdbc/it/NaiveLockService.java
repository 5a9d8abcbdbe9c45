package dev.safejdbc.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Incident 001's lock service, written the naive way: read the lock row, decide in Java, then
 * UPDATE the expired row or INSERT a new one, and commit. {@code decided} runs between the
 * decision and the write, where a test forces every racer to have read before anyone writes.
 */
public final class NaiveLockService {
    public static final String DDL = "CREATE TABLE %s (resource_type VARCHAR(40) NOT NULL, resource_id VARCHAR(40) NOT NULL,"
            + " owner_id VARCHAR(40) NOT NULL, expires_at BIGINT NOT NULL, PRIMARY KEY (resource_type, resource_id))";

    private final String table;

    public NaiveLockService(String table) {
        this.table = table;
    }

    /**
     * The whole call as an application makes it: acquire, then commit (or roll back); a lost race
     * (SQLState 40001) is not holding the lock.
     */
    public boolean acquireAndCommit(Connection connection, String type, String id, String owner, long now, long ttl)
            throws SQLException {
        try {
            boolean acquired = acquire(connection, type, id, owner, now, ttl, () -> { });
            if (acquired) {
                connection.commit();
            } else {
                connection.rollback();
            }
            return acquired;
        } catch (SQLException e) {
            connection.rollback();
            if ("40001".equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** Whether {@code owner} now holds the lock on (type, id), until {@code now + ttl}. */
    public boolean acquire(Connection connection, String type, String id, String owner, long now, long ttl, Runnable decided)
            throws SQLException {
        boolean exists;
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT owner_id, expires_at FROM " + table + " WHERE resource_type = ? AND resource_id = ?")) {
            read.setString(1, type);
            read.setString(2, id);
            try (ResultSet rs = read.executeQuery()) {
                exists = rs.next();
                if (exists && rs.getLong("expires_at") >= now) {
                    return false; // held by someone else
                }
            }
        }
        decided.run();
        if (exists) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
                    + " SET owner_id = ?, expires_at = ? WHERE resource_type = ? AND resource_id = ?")) {
                update.setString(1, owner);
                update.setLong(2, now + ttl);
                update.setString(3, type);
                update.setString(4, id);
                update.executeUpdate();
            }
        } else {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                    + " (resource_type, resource_id, owner_id, expires_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, type);
                insert.setString(2, id);
                insert.setString(3, owner);
                insert.setLong(4, now + ttl);
                insert.executeUpdate();
            }
        }
        return true;
    }
}
