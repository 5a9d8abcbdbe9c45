package dev.safejdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariProxyConnection;
import dev.safejdbc.SafeDataSource;
import dev.safejdbc.SafeDriver;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link SafeDataSource} over HikariCP: connections come out protected, exactly once. */
class SafeDataSourceTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final List<HikariDataSource> pools = new ArrayList<>();

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
        pools.clear();
    }

    private HikariDataSource pool(String jdbcUrl, String driverClassName) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setDriverClassName(driverClassName);
        config.setMaximumPoolSize(2);
        config.setPoolName("safe-ds-test-" + NAMES.incrementAndGet());
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    private HikariDataSource plainH2Pool() {
        return pool("jdbc:h2:mem:ds" + NAMES.incrementAndGet(), "org.h2.Driver");
    }

    @Test
    void wrappingIsIdempotent() throws SQLException {
        HikariDataSource hikari = plainH2Pool();

        SafeDataSource safe = SafeDataSource.wrap(hikari);

        assertThat(SafeDataSource.wrap(safe)).isSameAs(safe);
    }

    @Test
    void unwrapReachesThePool() throws SQLException {
        HikariDataSource hikari = plainH2Pool();
        DataSource safe = SafeDataSource.wrap(hikari);

        assertThat(safe.unwrap(HikariDataSource.class)).isSameAs(hikari);
        assertThat(safe.unwrap(SafeDataSource.class)).isSameAs(safe);
        assertThat(safe.isWrapperFor(HikariDataSource.class)).isTrue();
        assertThat(safe.isWrapperFor(DataSource.class)).isTrue();
    }

    @Test
    void unwrapToNothingOrSomethingUnrelatedIsAnSqlException() throws SQLException {
        DataSource safe = SafeDataSource.wrap(plainH2Pool());

        assertThatThrownBy(() -> safe.unwrap(null)).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> safe.unwrap(java.sql.Driver.class)).isInstanceOf(SQLException.class);
        assertThat(safe.isWrapperFor(null)).isFalse();
    }

    @Test
    void connectionsFromAPlainPoolComeOutAsSafeConnectionsOverThePoolsProxy() throws SQLException {
        DataSource safe = SafeDataSource.wrap(plainH2Pool());

        try (Connection conn = safe.getConnection()) {
            assertThat(conn).isInstanceOf(SafeConnection.class);
            assertThat(conn.isWrapperFor(SafeConnection.class)).isTrue();
            assertThat(conn.isWrapperFor(Connection.class)).isTrue();
            assertThat(conn.isWrapperFor(HikariProxyConnection.class)).isTrue();
            assertThat(conn.unwrap(HikariProxyConnection.class).getClass().getName())
                    .isEqualTo("com.zaxxer.hikari.pool.HikariProxyConnection");
            assertThat(conn.unwrap(org.h2.jdbc.JdbcConnection.class)).isInstanceOf(org.h2.jdbc.JdbcConnection.class);
            try (Statement statement = conn.createStatement(); ResultSet rs = statement.executeQuery("select 1")) {
                assertThat(statement.getConnection()).isSameAs(conn);
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @Test
    void closingTheSafeConnectionReturnsItToThePool() throws SQLException {
        HikariDataSource hikari = plainH2Pool();
        DataSource safe = SafeDataSource.wrap(hikari);

        Connection conn = safe.getConnection();
        assertThat(hikari.getHikariPoolMXBean().getActiveConnections()).isEqualTo(1);
        conn.close();

        assertThat(conn.isClosed()).isTrue();
        assertThat(hikari.getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    @Test
    void aPoolOverTheSafeDriverIsNotWrappedTwice() throws SQLException {
        HikariDataSource hikari = pool("jdbc:safe:h2:mem:x" + NAMES.incrementAndGet(), SafeDriver.class.getName());
        DataSource safe = SafeDataSource.wrap(hikari);

        try (Connection conn = safe.getConnection()) {
            assertThat(conn).as("the pool's own proxy, handed out as it is")
                    .isInstanceOf(HikariProxyConnection.class)
                    .isNotInstanceOf(SafeConnection.class);
            SafeConnection inner = conn.unwrap(SafeConnection.class);
            assertThat(physicalOf(inner)).as("the one SafeConnection sits right on H2's connection")
                    .isInstanceOf(org.h2.jdbc.JdbcConnection.class);
            try (Statement statement = conn.createStatement(); ResultSet rs = statement.executeQuery("select 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    /** The connection a SafeConnection delegates to (its one Connection-typed field). */
    private static Object physicalOf(SafeConnection connection) {
        List<Object> physical = new ArrayList<>();
        for (Field field : SafeConnection.class.getDeclaredFields()) {
            if (Connection.class.isAssignableFrom(field.getType())) {
                field.setAccessible(true);
                try {
                    physical.add(field.get(connection));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        assertThat(physical).as("Connection fields of SafeConnection").hasSize(1);
        return physical.get(0);
    }
}
