package dev.safejdbc.nested;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.sql.Wrapper;
import java.util.List;

/**
 * Asks a connection pool, through its own public API and by reflection (so that none of them is
 * a dependency), whether it has no free connection and cannot grow: a checkout would then wait
 * for a connection to come back. HikariCP, Apache DBCP2, Tomcat JDBC and c3p0 can tell; any other
 * data source cannot, and is taken to have room (a false refusal is worse than a miss).
 */
public final class PoolProbe {

    /** One pool's API: how many connections are free, how many are out, how many it may have. */
    private record Api(String type, String idle, String total, String max, String poolBean) {
    }

    private static final List<Api> KNOWN = List.of(
            // getTotalConnections is on the pool's MXBean, which exists once the pool has started
            new Api("com.zaxxer.hikari.HikariDataSource", "getIdleConnections", "getTotalConnections",
                    "getMaximumPoolSize", "getHikariPoolMXBean"),
            new Api("org.apache.commons.dbcp2.BasicDataSource", "getNumIdle", "getNumActive", "getMaxTotal", null),
            new Api("org.apache.tomcat.jdbc.pool.DataSourceProxy", "getIdle", "getActive", "getMaxActive", null),
            new Api("com.mchange.v2.c3p0.ComboPooledDataSource", "getNumIdleConnectionsDefaultUser",
                    "getNumConnectionsDefaultUser", "getMaxPoolSize", null));

    private PoolProbe() {
    }

    /**
     * Whether {@code dataSource} (or the pool it wraps) says it has no free connection and is at
     * its maximum size; false when it cannot tell.
     */
    public static boolean exhausted(Object dataSource) {
        for (Api api : KNOWN) {
            Object pool = asType(dataSource, api.type());
            if (pool != null) {
                return exhausted(pool, api);
            }
        }
        return false;
    }

    private static boolean exhausted(Object pool, Api api) {
        try {
            Object counters = api.poolBean() == null ? pool : call(pool, api.poolBean());
            if (counters == null) {
                return false; // not started: it will open a connection for this checkout
            }
            long max = number(call(pool, api.max()));
            long idle = number(call(counters, api.idle()));
            long total = number(call(counters, api.total()));
            return max > 0 && idle == 0 && total >= max;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false; // an API we do not know after all: say nothing rather than refuse wrongly
        }
    }

    /** {@code dataSource} as an instance of the class named {@code type}, through unwrap if it wraps one. */
    private static Object asType(Object dataSource, String type) {
        for (Class<?> c = dataSource.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(type)) {
                return dataSource;
            }
        }
        if (!(dataSource instanceof Wrapper wrapper)) {
            return null;
        }
        try {
            Class<?> poolClass = Class.forName(type, false, dataSource.getClass().getClassLoader());
            return wrapper.isWrapperFor(poolClass) ? wrapper.unwrap(poolClass) : null;
        } catch (ClassNotFoundException | LinkageError | SQLException | RuntimeException e) {
            return null;
        }
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        Method m = publicMethod(target.getClass(), method);
        try {
            return m.invoke(target);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** The method as declared by a public class or interface, so that it can be called from here. */
    private static Method publicMethod(Class<?> type, String name) throws NoSuchMethodException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Method found = declaredPublic(c, name);
            if (found != null) {
                return found;
            }
            for (Class<?> i : c.getInterfaces()) {
                found = declaredPublic(i, name);
                if (found != null) {
                    return found;
                }
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name);
    }

    private static Method declaredPublic(Class<?> c, String name) {
        if (!java.lang.reflect.Modifier.isPublic(c.getModifiers())) {
            return null;
        }
        try {
            return c.getMethod(name);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
