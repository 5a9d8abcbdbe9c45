package dev.safejdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Wrapper;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Against real drivers: every JDBC object leads back to the wrappers the application holds
 * ({@code getConnection()}, {@code getStatement()}), and {@code unwrap}/{@code isWrapperFor}
 * reach the real driver's objects as JDBC says.
 */
class WrapperIdentityTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    /** A real database and its driver's classes. */
    record Database(String name, String url, Class<?> connection, Class<?> statement, Class<?> preparedStatement,
            Class<?> resultSet, Class<?> metaData) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Database> databases() {
        return Stream.of(
                // one database shared JVM-wide: tables get unique names
                new Database("sqlite", "jdbc:safe:sqlite::memory:", org.sqlite.SQLiteConnection.class,
                        org.sqlite.jdbc3.JDBC3Statement.class, org.sqlite.jdbc3.JDBC3PreparedStatement.class,
                        org.sqlite.jdbc3.JDBC3ResultSet.class, org.sqlite.jdbc3.JDBC3DatabaseMetaData.class),
                new Database("h2", "jdbc:safe:h2:mem:id" + NAMES.incrementAndGet(), org.h2.jdbc.JdbcConnection.class,
                        org.h2.jdbc.JdbcStatement.class, org.h2.jdbc.JdbcPreparedStatement.class,
                        org.h2.jdbc.JdbcResultSet.class, org.h2.jdbc.JdbcDatabaseMetaData.class));
    }

    private Connection connection;

    private Connection open(Database database) throws SQLException {
        connection = DriverManager.getConnection(database.url());
        return connection;
    }

    @AfterEach
    void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }

    private static String uniqueTable() {
        return "IDENT_" + NAMES.incrementAndGet();
    }

    // --- back references ---

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void statementsReturnTheConnectionTheApplicationHolds(Database database) throws SQLException {
        Connection conn = open(database);
        assertThat(conn).isInstanceOf(SafeConnection.class);

        try (Statement statement = conn.createStatement();
                PreparedStatement prepared = conn.prepareStatement("select 1")) {
            assertThat(statement).isInstanceOf(SafeStatement.class);
            assertThat(statement.getConnection()).isSameAs(conn);
            assertThat(prepared).isInstanceOf(SafePreparedStatement.class);
            assertThat(prepared.getConnection()).isSameAs(conn);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void resultSetsReturnTheWrapperStatement(Database database) throws SQLException {
        Connection conn = open(database);
        try (Statement statement = conn.createStatement();
                PreparedStatement prepared = conn.prepareStatement("select ?")) {
            try (ResultSet rs = statement.executeQuery("select 1")) {
                assertThat(rs).isInstanceOf(SafeResultSet.class);
                assertThat(rs.getStatement()).isSameAs(statement);
            }
            assertThat(statement.execute("select 2")).isTrue();
            try (ResultSet rs = statement.getResultSet()) {
                assertThat(rs).isInstanceOf(SafeResultSet.class);
                assertThat(rs.getStatement()).isSameAs(statement);
            }
            prepared.setInt(1, 3);
            try (ResultSet rs = prepared.executeQuery()) {
                assertThat(rs.getStatement()).isSameAs(prepared);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(3);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void generatedKeysReturnTheWrapperStatement(Database database) throws SQLException {
        Connection conn = open(database);
        String table = uniqueTable();
        try (Statement ddl = conn.createStatement()) {
            ddl.executeUpdate("create table " + table + " (id integer primary key, name varchar(20))");
        }
        try (PreparedStatement insert = conn.prepareStatement("insert into " + table + " (id, name) values (7, 'x')",
                Statement.RETURN_GENERATED_KEYS)) {
            assertThat(insert.executeUpdate()).isEqualTo(1);
            try (ResultSet keys = insert.getGeneratedKeys()) {
                assertThat(keys).isInstanceOf(SafeResultSet.class);
                assertThat(keys.getStatement()).isSameAs(insert);
            }
        }
    }

    @Test
    void callableStatementsReturnTheWrappersOnH2() throws SQLException {
        Connection conn = DriverManager.getConnection("jdbc:safe:h2:mem:id" + NAMES.incrementAndGet());
        connection = conn;
        try (CallableStatement call = conn.prepareCall("{call ABS(?)}")) {
            assertThat(call).isInstanceOf(SafeCallableStatement.class);
            assertThat(call.getConnection()).isSameAs(conn);
            call.setInt(1, -5);
            try (ResultSet rs = call.executeQuery()) {
                assertThat(rs.getStatement()).isSameAs(call);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(5);
            }
            assertThat(call.unwrap(org.h2.jdbc.JdbcCallableStatement.class))
                    .isInstanceOf(org.h2.jdbc.JdbcCallableStatement.class);
            assertThat(call.isWrapperFor(CallableStatement.class)).isTrue();
            assertThat(call.isWrapperFor(SafeCallableStatement.class)).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void metaDataReturnsTheWrapperConnection(Database database) throws SQLException {
        Connection conn = open(database);
        DatabaseMetaData metaData = conn.getMetaData();
        assertThat(metaData).isInstanceOf(SafeDatabaseMetaData.class);
        assertThat(metaData.getConnection()).isSameAs(conn);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void metaDataResultSetsAreSafeResultSets(Database database) throws SQLException {
        Connection conn = open(database);
        String table = uniqueTable();
        try (Statement ddl = conn.createStatement()) {
            ddl.executeUpdate("create table " + table + " (id integer primary key)");
        }
        try (ResultSet tables = conn.getMetaData().getTables(null, null, table, null)) {
            assertThat(tables).isInstanceOf(SafeResultSet.class);
            assertThat(tables.getStatement()).as("metadata result sets have no statement").isNull();
            assertThat(tables.next()).isTrue();
            assertThat(tables.getString("TABLE_NAME")).isEqualToIgnoringCase(table);
            assertThat(tables.next()).isFalse();
        }
        try (Statement statement = conn.createStatement();
                ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
            assertThat(rs.next()).as("the connection is usable after the metadata query").isTrue();
        }
    }

    // --- unwrap and isWrapperFor ---

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void connectionUnwrapsToTheRealConnection(Database database) throws SQLException {
        Connection conn = open(database);
        assertUnwrapsLikeJdbcSays(conn, Connection.class, SafeConnection.class, database.connection());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void statementUnwrapsToTheRealStatement(Database database) throws SQLException {
        Connection conn = open(database);
        try (Statement statement = conn.createStatement()) {
            assertUnwrapsLikeJdbcSays(statement, Statement.class, SafeStatement.class, database.statement());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void preparedStatementUnwrapsToTheRealStatement(Database database) throws SQLException {
        Connection conn = open(database);
        try (PreparedStatement prepared = conn.prepareStatement("select 1")) {
            assertUnwrapsLikeJdbcSays(prepared, PreparedStatement.class, SafePreparedStatement.class,
                    database.preparedStatement());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void resultSetUnwrapsToTheRealResultSet(Database database) throws SQLException {
        Connection conn = open(database);
        try (Statement statement = conn.createStatement(); ResultSet rs = statement.executeQuery("select 1")) {
            assertUnwrapsLikeJdbcSays(rs, ResultSet.class, SafeResultSet.class, database.resultSet());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void metaDataUnwrapsToTheRealMetaData(Database database) throws SQLException {
        Connection conn = open(database);
        assertUnwrapsLikeJdbcSays(conn.getMetaData(), DatabaseMetaData.class, SafeDatabaseMetaData.class,
                database.metaData());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void unwrapToAnUnrelatedInterfaceIsAnSqlException(Database database) throws SQLException {
        Connection conn = open(database);
        try (Statement statement = conn.createStatement();
                PreparedStatement prepared = conn.prepareStatement("select 1");
                ResultSet rs = statement.executeQuery("select 1")) {
            for (Wrapper wrapper : new Wrapper[] {conn, statement, prepared, rs, conn.getMetaData()}) {
                assertThatThrownBy(() -> wrapper.unwrap(DataSource.class))
                        .as("unwrap(DataSource) on %s", wrapper.getClass().getSimpleName())
                        .isInstanceOf(SQLException.class);
            }
        }
    }

    /**
     * {@code unwrap} reaches the real object (or answers with the wrapper itself), {@code isWrapperFor}
     * agrees, and {@code unwrap(null)} is an SQLException.
     */
    private static void assertUnwrapsLikeJdbcSays(Wrapper wrapper, Class<?> jdbcInterface, Class<?> wrapperClass,
            Class<?> realClass) throws SQLException {
        Object real = wrapper.unwrap(realClass);
        assertThat(real).isInstanceOf(realClass).isNotSameAs(wrapper);
        assertThat(wrapper.unwrap(wrapperClass)).isSameAs(wrapper);
        assertThat(wrapper.unwrap(jdbcInterface)).isSameAs(wrapper);

        assertThat(wrapper.isWrapperFor(realClass)).as("isWrapperFor(%s)", realClass.getName()).isTrue();
        assertThat(wrapper.isWrapperFor(wrapperClass)).as("isWrapperFor(%s)", wrapperClass.getName()).isTrue();
        assertThat(wrapper.isWrapperFor(jdbcInterface)).as("isWrapperFor(%s)", jdbcInterface.getName()).isTrue();
        assertThat(wrapper.isWrapperFor(DataSource.class)).as("isWrapperFor(DataSource)").isFalse();

        assertThatThrownBy(() -> wrapper.unwrap(null))
                .as("unwrap(null) on %s", wrapperClass.getSimpleName())
                .isInstanceOf(SQLException.class);
    }
}
