package dev.safejdbc.session;

import dev.safejdbc.function.SqlSupplier;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared in-memory databases of this JVM: one physical connection per key, kept open until
 * {@link #drop} so the database outlives its logical connections. Creation is atomic: threads
 * racing to open the first connection for a key get one database (incident 002's bug).
 */
public final class SharedMemoryDatabases {
    private static final Logger LOG = LoggerFactory.getLogger(SharedMemoryDatabases.class);
    private static final Map<String, ConnectionLease> OPEN = new ConcurrentHashMap<>();

    private SharedMemoryDatabases() {
    }

    /**
     * The lease of the database under {@code key}, opening its physical connection with
     * {@code opener} the first time (at most once per key).
     */
    public static ConnectionLease lease(String key, SqlSupplier<Connection> opener) throws SQLException {
        ConnectionLease lease = OPEN.get(key);
        if (lease != null) {
            return lease;
        }
        synchronized (SharedMemoryDatabases.class) {
            lease = OPEN.get(key);
            if (lease == null) {
                Connection physical = opener.get();
                try {
                    lease = new ConnectionLease(physical, key, true);
                } catch (SQLException | RuntimeException e) {
                    physical.close();
                    throw e;
                }
                OPEN.put(key, lease);
                LOG.debug("Opened shared in-memory database {}", key);
            }
            return lease;
        }
    }

    /** Closes and forgets the database under {@code key}; returns whether there was one. */
    public static boolean drop(String key) throws SQLException {
        ConnectionLease lease;
        synchronized (SharedMemoryDatabases.class) {
            lease = OPEN.remove(key);
        }
        if (lease == null) {
            return false;
        }
        lease.markDropped();
        lease.physical().close();
        return true;
    }
}
