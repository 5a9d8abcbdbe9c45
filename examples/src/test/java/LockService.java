import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Takes over a lock whose time is up: it reads the lock, decides in Java, then writes. */
public class LockService {
    private final DataSource pool;

    public LockService(DataSource pool) {
        this.pool = pool;
    }

    public void createTable() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS job_locks (resource_id varchar(40) PRIMARY KEY,"
                    + " owner_id varchar(40), expires_at bigint NOT NULL)");
        }
    }

    /** Makes the lock free: its time is up. */
    public void expire(String resource) throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement upsert = c.prepareStatement("INSERT INTO job_locks VALUES (?, NULL, 0)"
                        + " ON CONFLICT (resource_id) DO UPDATE SET owner_id = NULL, expires_at = 0")) {
            upsert.setString(1, resource);
            upsert.executeUpdate();
        }
    }

    /** True if {@code owner} now holds the lock; false if someone else holds it or took it first. */
    public boolean acquire(String resource, String owner) throws SQLException {
        long now = System.currentTimeMillis();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement read = c.prepareStatement(
                    "SELECT owner_id, expires_at FROM job_locks WHERE resource_id = ?")) {
                read.setString(1, resource);
                try (ResultSet lock = read.executeQuery()) {
                    if (lock.next() && lock.getLong("expires_at") >= now) {
                        c.commit();
                        return false; // held, and its time is not up
                    }
                }
            }
            try (PreparedStatement take = c.prepareStatement(
                    "UPDATE job_locks SET owner_id = ?, expires_at = ? WHERE resource_id = ?")) {
                take.setString(1, owner);
                take.setLong(2, now + 60_000);
                take.setString(3, resource);
                take.executeUpdate();
                c.commit();
                return true;
            } catch (SQLTransactionRollbackException lostTheRace) { // safe-jdbc: SQLState 40001
                c.rollback();
                return false;
            }
        }
    }
}
