package dev.safejdbc.junit;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the harness, from the database itself, that a step's statement waits on a lock, so that another task's
 * step can go at once instead of after the step timeout. PostgreSQL ({@code pg_blocking_pids}) and MariaDB/MySQL
 * (InnoDB's {@code LOCK WAIT} state) are asked on a monitor connection of their own, opened from the task
 * connection's URL and user (a server that wants a password the URL does not carry leaves the step timeout in
 * charge). A server session is known by its id, which the driver holds: taking it sends nothing on the
 * application's connection, whose transaction and snapshot stay exactly as the application left them.
 */
final class LockWatch implements AutoCloseable {
    /** The view that answers "does this server session wait on a lock", per product. */
    private enum View {
        POSTGRESQL("org.postgresql.PGConnection", "getBackendPID",
                "SELECT 1 WHERE cardinality(pg_blocking_pids(CAST(? AS integer))) > 0"),
        MARIADB("org.mariadb.jdbc.Connection", "getThreadId", View.INNODB_WAITS),
        MYSQL("com.mysql.cj.jdbc.JdbcConnection", "getId", View.INNODB_WAITS);

        private static final String INNODB_WAITS =
                "SELECT 1 FROM information_schema.INNODB_TRX WHERE trx_mysql_thread_id = ? AND trx_state = 'LOCK WAIT'";

        final String driverType;
        final String idMethod;
        final String query;

        View(String driverType, String idMethod, String query) {
            this.driverType = driverType;
            this.idMethod = idMethod;
            this.query = query;
        }
    }

    /** A statement's server session: which view to ask, on which monitor, about which id. */
    private record Session(View view, String url, String user, long id) {
    }

    private final Map<Integer, Session> running = new ConcurrentHashMap<>();
    private final Map<String, Connection> monitors = new ConcurrentHashMap<>();
    private final Map<String, Boolean> unreachable = new ConcurrentHashMap<>();

    /** On task {@code task}'s thread, before its statement runs on {@code physical} (null: not a statement). */
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
        try {
            Connection monitor = monitors.computeIfAbsent(session.url(), url -> open(session));
            if (monitor == null) {
                return false;
            }
            try (PreparedStatement check = monitor.prepareStatement(session.view().query)) {
                check.setLong(1, session.id());
                try (ResultSet rs = check.executeQuery()) {
                    return rs.next();
                }
            }
        } catch (SQLException | RuntimeException e) {
            unreachable.put(session.url(), true); // e.g. no right to read the view: the step timeout decides
            return false;
        }
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
        for (View view : View.values()) {
            try {
                Class<?> type = Class.forName(view.driverType, false, physical.getClass().getClassLoader());
                if (!physical.isWrapperFor(type)) {
                    continue;
                }
                Object driverConnection = physical.unwrap(type);
                Method id = type.getMethod(view.idMethod);
                DatabaseMetaData metaData = physical.getMetaData();
                return new Session(view, metaData.getURL(), metaData.getUserName(),
                        ((Number) id.invoke(driverConnection)).longValue());
            } catch (ReflectiveOperationException | SQLException | RuntimeException | LinkageError e) {
                // not this driver, or it would not say: try the next view
            }
        }
        return null;
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
