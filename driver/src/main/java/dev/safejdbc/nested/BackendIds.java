package dev.safejdbc.nested;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The server's id of each physical connection, asked once per connection and only when it first
 * takes part in a nested session. Keyed by the real driver's connection, which a pool hands out
 * again and again under new proxies; weak, so a closed connection is forgotten with it.
 */
final class BackendIds {
    private static final Map<Connection, Long> IDS = Collections.synchronizedMap(new WeakHashMap<>());
    static final long UNKNOWN = -1;

    private BackendIds() {
    }

    /** The id of {@code physical}'s server session, or {@link #UNKNOWN} when the server would not say. */
    static long of(LockWaits waits, Connection physical) {
        Connection real = real(physical);
        Long known = IDS.get(real);
        if (known != null) {
            return known;
        }
        long id;
        try (Statement statement = physical.createStatement();
                ResultSet rs = statement.executeQuery(waits.backendIdQuery())) {
            rs.next();
            id = rs.getLong(1);
        } catch (SQLException | RuntimeException e) {
            return UNKNOWN; // an aborted transaction cannot be asked: this nested session goes unwatched
        }
        IDS.put(real, id);
        return id;
    }

    private static Connection real(Connection physical) {
        try {
            return physical.isWrapperFor(Connection.class) ? physical.unwrap(Connection.class) : physical;
        } catch (SQLException | RuntimeException e) {
            return physical;
        }
    }
}
