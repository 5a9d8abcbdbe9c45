package dev.safejdbc;

import dev.safejdbc.config.DatabaseKey;
import dev.safejdbc.config.SafeUrl;
import dev.safejdbc.error.InvalidConfigurationException;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the real driver for a stripped URL: the well-known driver classes of its sub-protocol
 * first (so it works before, or without, DriverManager registration), then DriverManager,
 * skipping safe-jdbc itself.
 */
final class RealDrivers {
    private static final Map<String, List<String>> CANDIDATES = Map.of(
            "sqlite", List.of("org.sqlite.JDBC"),
            "postgresql", List.of("org.postgresql.Driver"),
            "h2", List.of("org.h2.Driver"),
            "mariadb", List.of("org.mariadb.jdbc.Driver"),
            "mysql", List.of("com.mysql.cj.jdbc.Driver", "org.mariadb.jdbc.Driver"));
    private static final Map<String, Driver> FOUND = new ConcurrentHashMap<>();

    private RealDrivers() {
    }

    static Driver find(String realUrl) throws SQLException {
        String subprotocol = SafeUrl.subprotocol(realUrl);
        Driver known = FOUND.get(subprotocol);
        if (known != null && known.acceptsURL(realUrl)) {
            return known;
        }
        Driver driver = fromCandidates(subprotocol, realUrl);
        if (driver == null) {
            driver = fromDriverManager(realUrl);
        }
        if (driver == null) {
            List<String> expected = CANDIDATES.getOrDefault(subprotocol, List.of());
            for (String className : expected) {
                if (instantiate(className) != null) {
                    throw new InvalidConfigurationException("The real driver " + className + " is on the class path"
                            + " but does not accept " + DatabaseKey.redact(realUrl) + ": expected a URL of the form"
                            + " that driver documents (check host, port and database)"
                            + ("mysql".equals(subprotocol) ? "; MariaDB Connector/J accepts jdbc:mysql: URLs only with"
                                    + " permitMysqlScheme" : ""));
                }
            }
            throw new InvalidConfigurationException("No JDBC driver on the class path accepts "
                    + DatabaseKey.redact(realUrl) + ": expected the real driver for '" + subprotocol + "'"
                    + (expected.isEmpty() ? "" : " (" + String.join(" or ", expected) + ")")
                    + " on the class path next to safe-jdbc");
        }
        FOUND.put(subprotocol, driver);
        return driver;
    }

    private static Driver fromCandidates(String subprotocol, String realUrl) throws SQLException {
        for (String className : CANDIDATES.getOrDefault(subprotocol, List.of())) {
            Driver driver = instantiate(className);
            if (driver != null && driver.acceptsURL(realUrl)) {
                return driver;
            }
        }
        return null;
    }

    private static Driver instantiate(String className) {
        for (ClassLoader loader : new ClassLoader[] {
                Thread.currentThread().getContextClassLoader(), RealDrivers.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                Class<?> type = Class.forName(className, true, loader);
                if (Driver.class.isAssignableFrom(type)) {
                    return (Driver) type.getDeclaredConstructor().newInstance();
                }
            } catch (ReflectiveOperationException | LinkageError e) {
                // not on this loader's class path: try the next loader, then DriverManager
            }
        }
        return null;
    }

    private static Driver fromDriverManager(String realUrl) throws SQLException {
        Enumeration<Driver> drivers = DriverManager.getDrivers();
        while (drivers.hasMoreElements()) {
            Driver driver = drivers.nextElement();
            // by name: under the agent another loader's copy of SafeDriver may be registered too
            if (driver.getClass().getName().equals(SafeDriver.class.getName())) {
                continue;
            }
            if (driver.acceptsURL(realUrl)) {
                return driver;
            }
        }
        return null;
    }
}
