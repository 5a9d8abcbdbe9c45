package dev.safejdbc;

import dev.safejdbc.config.DatabaseKey;
import dev.safejdbc.config.Mode;
import dev.safejdbc.config.SafeOptions;
import dev.safejdbc.config.SafeUrl;
import dev.safejdbc.error.InvalidConfigurationException;
import dev.safejdbc.jdbc.SafeConnection;
import dev.safejdbc.jdbc.SafeConnections;
import dev.safejdbc.jdbc.Wrappers;
import dev.safejdbc.session.Boundaries;
import dev.safejdbc.session.Boundary;
import dev.safejdbc.session.NestingCheck;
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
    private final SafeOptions options;
    private final NestingCheck nesting;
    private volatile String database;

    private SafeDataSource(DataSource delegate, SafeOptions options) {
        this.delegate = delegate;
        this.options = options;
        this.nesting = NestingCheck.enforcing(options.nested(), "");
    }

    /** Wraps {@code dataSource} with options from system properties, environment and safe-jdbc.properties. */
    public static SafeDataSource wrap(DataSource dataSource) throws SQLException {
        return wrap(dataSource, new Properties());
    }

    /** Wraps {@code dataSource}; {@code options} ({@code safe.*} keys) come first. Idempotent. */
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
        beforeCheckout();
        return protect(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        beforeCheckout();
        return protect(delegate.getConnection(username, password));
    }

    /** Refuses a nested checkout before the pool is asked, when the pool would make it wait for itself. */
    private void beforeCheckout() throws SQLException {
        Boundaries.reached(Boundary.CHECKOUT, "getConnection");
        String known = database;
        if (known != null && options.mode() == Mode.ENFORCE) {
            nesting.checkCheckout(known, delegate);
        }
    }

    private Connection protect(Connection connection) throws SQLException {
        if (connection.isWrapperFor(SafeConnection.class)) {
            // a pool over jdbc:safe: hands out connections that are safe already; learn their database
            // so that a nested checkout is still refused before the pool is asked
            database = connection.unwrap(SafeConnection.class).database();
            return connection;
        }
        String database = databaseOf(connection);
        return SafeConnections.protect(connection, database, subprotocolOf(database), options);
    }

    /** The database's identity, learnt from the first connection's metadata (no secrets kept). */
    private String databaseOf(Connection connection) throws SQLException {
        String known = database;
        if (known == null) {
            String url;
            try {
                url = connection.getMetaData().getURL();
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            known = url == null ? "datasource@" + Integer.toHexString(System.identityHashCode(delegate))
                    : DatabaseKey.of(url);
            database = known;
        }
        return known;
    }

    /** The sub-protocol of a database key learnt from a JDBC URL; empty when the pool gave none. */
    private static String subprotocolOf(String database) {
        return database.startsWith("jdbc:") ? SafeUrl.subprotocol(database) : "";
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
                beforeCheckout();
                return protect(builder.build());
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
