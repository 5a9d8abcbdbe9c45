package dev.safejdbc;

import dev.safejdbc.config.SafeOptions;
import dev.safejdbc.error.InvalidConfigurationException;
import dev.safejdbc.jdbc.Wrappers;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ConnectionBuilder;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.ShardingKey;
import java.sql.ShardingKeyBuilder;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Gives any {@link DataSource} (HikariCP included) the protections of the {@code jdbc:safe:} URL:
 * every connection it hands out is wrapped, except one that is already safe (a pool over a
 * {@code jdbc:safe:} URL). Wrapping twice returns the same data source.
 */
public final class SafeDataSource implements DataSource {
    private final DataSource delegate;
    private final Protection.ForDataSource protection;

    private SafeDataSource(DataSource delegate, SafeOptions options) {
        this.delegate = delegate;
        this.protection = Protection.forDataSource(delegate, options);
    }

    /**
     * Wraps {@code dataSource} with options from system properties, environment and safe-jdbc.properties.
     *
     * @param dataSource the data source to protect, such as a pool
     * @return the safe data source; {@code dataSource} itself when it is one already
     * @throws SQLException if {@code dataSource} is null, an option is invalid, or {@code dataSource}
     *                      fails when asked whether it wraps a safe one
     */
    public static SafeDataSource wrap(DataSource dataSource) throws SQLException {
        return wrap(dataSource, new Properties());
    }

    /**
     * Wraps {@code dataSource}; {@code options} ({@code safe.*} keys) come first. Idempotent.
     *
     * @param dataSource the data source to protect, such as a pool
     * @param options    {@code safe.*} options, ahead of the system properties, environment and file
     * @return the safe data source; the one {@code dataSource} is or wraps, if any
     * @throws SQLException if {@code dataSource} is null, an option is invalid, or {@code dataSource}
     *                      fails when asked whether it wraps a safe one
     */
    public static SafeDataSource wrap(DataSource dataSource, Properties options) throws SQLException {
        if (dataSource == null) {
            throw new InvalidConfigurationException("SafeDataSource.wrap(null): expected a DataSource to wrap");
        }
        if (dataSource instanceof SafeDataSource) {
            return (SafeDataSource) dataSource;
        }
        if (dataSource.isWrapperFor(SafeDataSource.class)) {
            return dataSource.unwrap(SafeDataSource.class);
        }
        return new SafeDataSource(dataSource, SafeOptions.resolve(options));
    }

    @Override
    public Connection getConnection() throws SQLException {
        protection.beforeCheckout();
        return protection.protect(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        protection.beforeCheckout();
        return protection.protect(delegate.getConnection(username, password));
    }

    /** A builder whose connections are protected like {@link #getConnection()}'s. */
    @Override
    public ConnectionBuilder createConnectionBuilder() throws SQLException {
        ConnectionBuilder builder = delegate.createConnectionBuilder();
        return new ConnectionBuilder() {
            @Override
            public ConnectionBuilder user(String username) {
                builder.user(username);
                return this;
            }

            @Override
            public ConnectionBuilder password(String password) {
                builder.password(password);
                return this;
            }

            @Override
            public ConnectionBuilder shardingKey(ShardingKey shardingKey) {
                builder.shardingKey(shardingKey);
                return this;
            }

            @Override
            public ConnectionBuilder superShardingKey(ShardingKey superShardingKey) {
                builder.superShardingKey(superShardingKey);
                return this;
            }

            @Override
            public Connection build() throws SQLException {
                protection.beforeCheckout();
                return protection.protect(builder.build());
            }
        };
    }

    @Override
    public ShardingKeyBuilder createShardingKeyBuilder() throws SQLException {
        return delegate.createShardingKeyBuilder();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Wrappers.unwrap(this, delegate, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Wrappers.isWrapperFor(this, delegate, iface);
    }
}
