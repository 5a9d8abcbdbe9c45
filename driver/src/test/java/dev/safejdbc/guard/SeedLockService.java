package dev.safejdbc.guard;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Incident 001's lock service exactly as {@code dev.safejdbc.it.NaiveLockService} writes it
 * (package-private there, so reached reflectively rather than copied). Its frames are application
 * code to safe-jdbc, so findings about its statements name NaiveLockService's lines.
 */
final class SeedLockService {
    private static final String CLASS = "dev.safejdbc.it.NaiveLockService";

    private final Object service;
    private final Method acquire;

    SeedLockService(String table) {
        try {
            Class<?> type = Class.forName(CLASS);
            Constructor<?> constructor = type.getDeclaredConstructor(String.class);
            constructor.setAccessible(true);
            service = constructor.newInstance(table);
            acquire = type.getDeclaredMethod("acquire", Connection.class, String.class, String.class, String.class,
                    long.class, long.class, Runnable.class);
            acquire.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(CLASS + " is not as this test expects", e);
        }
    }

    /** NaiveLockService.DDL: a %s for the table name. */
    static String ddl(String table) {
        try {
            Field ddl = Class.forName(CLASS).getDeclaredField("DDL");
            ddl.setAccessible(true);
            return String.format((String) ddl.get(null), table);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(CLASS + " is not as this test expects", e);
        }
    }

    /** Whether {@code owner} now holds the lock on (type, id) until {@code now + ttl}; see NaiveLockService. */
    boolean acquire(Connection connection, String type, String id, String owner, long now, long ttl, Runnable decided)
            throws SQLException {
        try {
            return (Boolean) acquire.invoke(service, connection, type, id, owner, now, ttl, decided);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean acquire(Connection connection, String type, String id, String owner, long now, long ttl)
            throws SQLException {
        return acquire(connection, type, id, owner, now, ttl, () -> { });
    }
}
