package legacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Incident 001's lock service, written the naive way: read the lock row, decide in Java, then
 * UPDATE the expired row or INSERT a new one. {@code decided} runs between the decision and the
 * write, where the race forces every racer to have read before anyone writes.
 */
final class LockService {
    static final String DDL = "CREATE TABLE %s (resource_type VARCHAR(40) NOT NULL, resource_id VARCHAR(40) NOT NULL,"
            + " owner_id VARCHAR(40) NOT NULL, expires_at BIGINT NOT NULL, PRIMARY KEY (resource_type, resource_id))";

    private final String table;

    LockService(String table) {
        this.table = table;
    }

    /** Whether {@code owner} now holds the lock on {@code id}, until {@code now + ttl}. */
    boolean acquire(Connection connection, String id, String owner, long now, long ttl, Runnable decided)
            throws SQLException {
        boolean exists;
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT owner_id, expires_at FROM " + table + " WHERE resource_type = ? AND resource_id = ?")) {
            read.setString(1, "job");
            read.setString(2, id);
            try (ResultSet rs = read.executeQuery()) {
                exists = rs.next();
                if (exists && rs.getLong("expires_at") >= now) {
                    return false; // held by someone else
                }
            }
        }
        decided.run();
        String sql = exists
                ? "UPDATE " + table + " SET owner_id = ?, expires_at = ? WHERE resource_type = ? AND resource_id = ?"
                : "INSERT INTO " + table + " (owner_id, expires_at, resource_type, resource_id) VALUES (?, ?, ?, ?)";
        try (PreparedStatement write = connection.prepareStatement(sql)) {
            write.setString(1, owner);
            write.setLong(2, now + ttl);
            write.setString(3, "job");
            write.setString(4, id);
            write.executeUpdate();
        }
        return true;
    }
}
