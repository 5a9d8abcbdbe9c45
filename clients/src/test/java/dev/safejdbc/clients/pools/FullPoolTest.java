package dev.safejdbc.clients.pools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mchange.v2.c3p0.ComboPooledDataSource;
import com.zaxxer.hikari.HikariDataSource;
import dev.safejdbc.SafeDataSource;
import dev.safejdbc.clients.Pools;
import dev.safejdbc.it.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.BasicDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pools users run, each with no free connection left while the thread holds one of them: raw,
 * the nested checkout waits out the pool's own time-out; through SafeDataSource it fails at once
 * (25001), because the pool says, through its own API, that it has nothing to give. A pool with
 * room hands the nested checkout a connection as before.
 */
class FullPoolTest {
    private static final long POOL_TIMEOUT_MS = 1000;

    /** A pool of {@code size} over PostgreSQL, and how to close it. */
    interface Pool extends AutoCloseable {
        DataSource dataSource();
    }

    @FunctionalInterface
    interface PoolFactory {
        Pool open(String url, int size) throws Exception;
    }

    static Stream<Arguments> pools() {
        return Stream.of(
                Arguments.of("HikariCP", (PoolFactory) FullPoolTest::hikari),
                Arguments.of("DBCP2", (PoolFactory) FullPoolTest::dbcp2),
                Arguments.of("Tomcat JDBC", (PoolFactory) FullPoolTest::tomcat),
                Arguments.of("c3p0", (PoolFactory) FullPoolTest::c3p0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pools")
    void rawNestedCheckoutFromAFullPoolWaitsOutThePoolsTimeout(String name, PoolFactory factory) throws Exception {
        try (Pool pool = factory.open(url(), 1); Connection outer = pool.dataSource().getConnection()) {
            beginTransaction(outer);
            long start = System.nanoTime();
            assertThatThrownBy(() -> pool.dataSource().getConnection()).isInstanceOf(SQLException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
            outer.rollback();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pools")
    void safeDataSourceFailsTheNestedCheckoutFromAFullPoolAtOnce(String name, PoolFactory factory) throws Exception {
        try (Pool pool = factory.open(url(), 1)) {
            DataSource safe = SafeDataSource.wrap(pool.dataSource());
            try (Connection outer = safe.getConnection()) {
                beginTransaction(outer);
                long start = System.nanoTime();
                assertThatThrownBy(safe::getConnection).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25001"))
                        .hasMessageContaining("beginTransaction");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
                outer.rollback();
            }
        }
    }

    /** Held in autocommit, no transaction open: the pool's connection is still this thread's until closed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pools")
    void safeDataSourceFailsTheCheckoutOfAThreadHoldingAConnectionOutsideATransaction(String name,
            PoolFactory factory) throws Exception {
        try (Pool pool = factory.open(url(), 1)) {
            DataSource safe = SafeDataSource.wrap(pool.dataSource());
            try (Connection held = safe.getConnection(); Statement statement = held.createStatement()) {
                statement.execute("SELECT 1");
                long start = System.nanoTime();
                assertThatThrownBy(safe::getConnection).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25001"));
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            }
            try (Connection again = safe.getConnection(); Statement statement = again.createStatement()) {
                assertThat(statement.execute("SELECT 1")).as("the closed one went back: nothing is held").isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pools")
    void safeDataSourceLetsANestedCheckoutFromAPoolWithRoomRun(String name, PoolFactory factory) throws Exception {
        try (Pool pool = factory.open(url(), 2)) {
            DataSource safe = SafeDataSource.wrap(pool.dataSource());
            try (Connection outer = safe.getConnection()) {
                beginTransaction(outer);
                try (Connection nested = safe.getConnection(); Statement statement = nested.createStatement()) {
                    assertThat(statement.execute("SELECT 1")).isTrue();
                }
                outer.rollback();
            }
        }
    }

    private static void beginTransaction(Connection outer) throws SQLException {
        outer.setAutoCommit(false);
        try (Statement statement = outer.createStatement()) {
            statement.execute("SELECT 1");
        }
    }

    private static String url() {
        return "jdbc:" + TestDatabases.postgres();
    }

    private static Pool hikari(String url, int size) {
        HikariDataSource pool = Pools.hikari(url, size, POOL_TIMEOUT_MS);
        return pool(pool, pool);
    }

    private static Pool dbcp2(String url, int size) {
        BasicDataSource pool = new BasicDataSource();
        pool.setUrl(url);
        pool.setMaxTotal(size);
        pool.setMaxWait(Duration.ofMillis(POOL_TIMEOUT_MS));
        return pool(pool, pool::close);
    }

    private static Pool tomcat(String url, int size) {
        org.apache.tomcat.jdbc.pool.DataSource pool = new org.apache.tomcat.jdbc.pool.DataSource();
        pool.setUrl(url);
        pool.setDriverClassName("org.postgresql.Driver");
        pool.setMaxActive(size);
        pool.setMaxIdle(size);
        pool.setInitialSize(0);
        pool.setMaxWait((int) POOL_TIMEOUT_MS);
        return pool(pool, pool::close);
    }

    private static Pool c3p0(String url, int size) throws Exception {
        ComboPooledDataSource pool = new ComboPooledDataSource();
        pool.setDriverClass("org.postgresql.Driver");
        pool.setJdbcUrl(url);
        pool.setMinPoolSize(0);
        pool.setInitialPoolSize(1);
        pool.setMaxPoolSize(size);
        pool.setCheckoutTimeout((int) POOL_TIMEOUT_MS);
        pool.setAcquireRetryAttempts(1);
        return pool(pool, pool::close);
    }

    private static Pool pool(DataSource dataSource, AutoCloseable close) {
        return new Pool() {
            @Override
            public DataSource dataSource() {
                return dataSource;
            }

            @Override
            public void close() throws Exception {
                close.close();
            }
        };
    }
}
