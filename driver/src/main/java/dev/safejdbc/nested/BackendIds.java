package dev.safejdbc.nested;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The server's id of each physical connection: as the driver holds it where it says (PostgreSQL,
 * MariaDB, MySQL: nothing is sent), else asked once per connection and only when it first takes
 * part in a nested session. Keyed by the real driver's connection, which a pool hands out again
 * and again under new proxies; weak, so a closed connection is forgotten with it.
 */
public final class BackendIds {
    private static final Map<Connection, Long> IDS = Collections.synchronizedMap(new WeakHashMap<>());
    public static final long UNKNOWN = -1;

    private BackendIds() {
    }

    /** The id of {@code physical}'s server session, or {@link #UNKNOWN} when the server would not say. */
    static long of(LockWaits waits, Connection physical) {
        Connection real = real(physical);
        Long known = IDS.get(real);
        if (known != null) {
            return known;
        }
        long id = waits.driverHeldId(physical);
        if (id != UNKNOWN) {
            return id;
        }
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

    /**
     * What {@code method} of the driver's own connection type {@code type} answers, or {@link #UNKNOWN} when
     * {@code physical} is not of that driver (looked up by name: no driver is a dependency).
     */
    static long fromDriver(Connection physical, String type, String method) {
        try {
            Class<?> driverType = Class.forName(type, false, physical.getClass().getClassLoader());
            if (!physical.isWrapperFor(driverType)) {
                return UNKNOWN;
            }
            return ((Number) driverType.getMethod(method).invoke(physical.unwrap(driverType))).longValue();
        } catch (ReflectiveOperationException | SQLException | RuntimeException | LinkageError e) {
            return UNKNOWN;
        }
    }

    private static Connection real(Connection physical) {
        try {
            return physical.isWrapperFor(Connection.class) ? physical.unwrap(Connection.class) : physical;
        } catch (SQLException | RuntimeException e) {
            return physical;
        }
    }
}
