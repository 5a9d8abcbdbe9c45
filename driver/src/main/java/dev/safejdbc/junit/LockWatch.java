package dev.safejdbc.junit;

import dev.safejdbc.nested.BackendIds;
import dev.safejdbc.nested.LockWaits;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the harness, from the database itself, that a step's statement waits on a lock, so that another task's
 * step can go at once instead of after the step timeout. The database's own lock-wait view ({@link LockWaits}:
 * PostgreSQL, MariaDB, MySQL) is asked on a monitor connection of its own, opened from the task connection's
 * URL and user (a server that wants a password the URL does not carry leaves the step timeout in charge). A
 * server session is known by the id its driver holds: taking it sends nothing on the application's connection,
 * whose transaction and snapshot stay exactly as the application left them.
 */
final class LockWatch implements AutoCloseable {
    /** A statement's server session: whose view to ask, on which monitor, about which id. */
    private record Session(LockWaits waits, String url, String user, long id) {
    }

    private final Map<Integer, Session> running = new ConcurrentHashMap<>();
    private final Map<String, Connection> monitors = new ConcurrentHashMap<>();
    private final Map<String, Boolean> unreachable = new ConcurrentHashMap<>();
    /** When each database was last asked (System.nanoTime()), for views that must not be asked too often. */
    private final Map<String, Long> asked = new ConcurrentHashMap<>();

    /**
     * On task {@code task}'s thread, before its statement, commit or rollback runs on {@code physical} (null: another
     * boundary).
     */
    void arrived(int task, Connection physical) {
        Session session = physical == null ? null : sessionOf(physical);
        if (session == null) {
            running.remove(task);
        } else {
            running.put(task, session);
        }
    }

    /** Whether the database says task {@code task}'s statement waits on a lock now; false when it cannot tell. */
    boolean waits(int task) {
        Session session = running.get(task);
        if (session == null || unreachable.containsKey(session.url())) {
            return false;
        }
        long now = System.nanoTime();
        Long last = asked.get(session.url());
        if (last != null && now - last < session.waits().pollingIntervalNanos()) {
            return false; // not yet: asked again later
        }
        asked.put(session.url(), now);
        try {
            Connection monitor = monitors.computeIfAbsent(session.url(), url -> open(session));
            return monitor != null && session.waits().waitsOnAnyLock(monitor, session.id());
        } catch (SQLException | RuntimeException e) {
            unreachable.put(session.url(), true); // e.g. no right to read the view: the step timeout decides
            return false;
        }
    }

    /**
     * Whether the database would say so if task {@code task}'s statement, commit or rollback waited on a lock: its
     * view sees every lock wait ({@link LockWaits#seesEveryLockWait}) and can be read. True before the first
     * question, which {@link #waits} asks first.
     */
    boolean seesEveryWait(int task) {
        Session session = running.get(task);
        return session != null && session.waits().seesEveryLockWait() && !unreachable.containsKey(session.url());
    }

    private Connection open(Session session) {
        Properties properties = new Properties();
        if (session.user() != null) {
            properties.setProperty("user", session.user());
        }
        try {
            return DriverManager.getConnection(session.url(), properties);
        } catch (SQLException | RuntimeException e) {
            unreachable.put(session.url(), true);
            return null;
        }
    }

    private static Session sessionOf(Connection physical) {
        try {
            DatabaseMetaData metaData = physical.getMetaData();
            String url = metaData.getURL();
            int colon = url == null || !url.startsWith("jdbc:") ? -1 : url.indexOf(':', 5);
            LockWaits waits = colon < 0 ? null : LockWaits.of(url.substring(5, colon));
            long id = waits == null ? BackendIds.UNKNOWN : waits.driverHeldId(physical);
            return id == BackendIds.UNKNOWN ? null : new Session(waits, url, metaData.getUserName(), id);
        } catch (SQLException | RuntimeException e) {
            return null; // a connection that cannot say where it goes is left to the step timeout
        }
    }

    @Override
    public void close() {
        monitors.values().forEach(monitor -> {
            try {
                monitor.close();
            } catch (SQLException e) {
                // a monitor that cannot close leaves nothing of the application's behind
            }
        });
        monitors.clear();
    }
}
