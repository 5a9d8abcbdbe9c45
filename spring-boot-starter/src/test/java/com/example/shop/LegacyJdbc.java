package com.example.shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Service;

/**
 * The shop's older code: plain JDBC on one connection in autocommit, a keyed read and then a write of the
 * same row, no transaction. On SQLite that check-then-act is the one the guard acts on (inside a transaction
 * SQLite itself keeps a racer from writing the row it read).
 */
@Service
public class LegacyJdbc {
    private final DataSource dataSource;

    public LegacyJdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Reads job {@code id}'s status and writes it back (as a form's save would): its data stay as they were. */
    public void saveJobStatus(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement read = c.prepareStatement("SELECT status FROM jobs WHERE id = ?");
                PreparedStatement write = c.prepareStatement("UPDATE jobs SET status = ? WHERE id = ?")) {
            read.setLong(1, id);
            String status;
            try (ResultSet rs = read.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                status = rs.getString(1);
            }
            write.setString(1, status);
            write.setLong(2, id);
            write.executeUpdate();
        }
    }

    /** {@link LockService#acquire}, the same check-then-act in autocommit. */
    public boolean acquireLock(String resource, String owner, long now) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement read = c.prepareStatement("SELECT expires_at FROM locks WHERE resource_id = ?");
                PreparedStatement write = c.prepareStatement(
                        "UPDATE locks SET owner_id = ?, expires_at = ? WHERE resource_id = ?")) {
            read.setString(1, resource);
            try (ResultSet rs = read.executeQuery()) {
                if (rs.next() && rs.getLong(1) >= now) {
                    return false;
                }
            }
            write.setString(1, owner);
            write.setLong(2, now + 60);
            write.setString(3, resource);
            write.executeUpdate();
            return true;
        }
    }
}
