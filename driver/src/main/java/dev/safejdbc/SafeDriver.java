package dev.safejdbc;

import dev.safejdbc.config.DatabaseKey;
import dev.safejdbc.config.OptionKey;
import dev.safejdbc.config.SafeOptions;
import dev.safejdbc.config.SafeUrl;
import dev.safejdbc.error.InvalidConfigurationException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The {@code jdbc:safe:<rest>} driver: opens the real driver's {@code jdbc:<rest>} and hands out
 * a connection with safe-jdbc's protections. Options are {@code safe.*} keys, never URL parts.
 */
public final class SafeDriver implements Driver {
    static {
        try {
            DriverManager.registerDriver(new SafeDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return SafeUrl.accepts(url);
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!SafeUrl.accepts(url)) {
            return null; // DriverManager asks every driver: not ours
        }
        String realUrl = SafeUrl.toRealUrl(url);
        SafeOptions options = SafeOptions.resolve(info);
        Protection.checkoutStarts();
        Properties realInfo = SafeOptions.withoutSafeKeys(info);
        Driver real = RealDrivers.find(realUrl);
        return Protection.ofUrl(realUrl, options, () -> open(real, realUrl, realInfo));
    }

    private static Connection open(Driver real, String realUrl, Properties info) throws SQLException {
        Connection connection;
        try {
            connection = real.connect(realUrl, info);
        } catch (RuntimeException e) {
            throw new InvalidConfigurationException("The real driver " + real.getClass().getName()
                    + " failed to open " + DatabaseKey.redact(realUrl) + ": " + e, e);
        }
        if (connection == null) {
            throw new InvalidConfigurationException("The real driver " + real.getClass().getName()
                    + " does not accept " + DatabaseKey.redact(realUrl));
        }
        return connection;
    }

    /** The real driver's properties for the stripped URL, then safe-jdbc's own options. */
    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        if (!SafeUrl.accepts(url)) {
            return new DriverPropertyInfo[0];
        }
        String realUrl = SafeUrl.toRealUrl(url);
        DriverPropertyInfo[] real = RealDrivers.find(realUrl).getPropertyInfo(realUrl, SafeOptions.withoutSafeKeys(info));
        OptionKey[] keys = OptionKey.values();
        DriverPropertyInfo[] all = Arrays.copyOf(real == null ? new DriverPropertyInfo[0] : real,
                (real == null ? 0 : real.length) + keys.length);
        int next = all.length - keys.length;
        for (OptionKey key : keys) {
            DriverPropertyInfo option = new DriverPropertyInfo(key.propertyKey(),
                    info == null ? null : info.getProperty(key.propertyKey()));
            option.description = "safe-jdbc option, default " + key.defaultValue() + "; " + key.allowedValues();
            option.required = false;
            all[next++] = option;
        }
        return all;
    }

    @Override
    public int getMajorVersion() {
        return 0;
    }

    @Override
    public int getMinorVersion() {
        return 1;
    }

    /** A wrapper cannot vouch for the compliance of whatever driver it wraps. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("dev.safejdbc");
    }
}
