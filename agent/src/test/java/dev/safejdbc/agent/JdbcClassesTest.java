package dev.safejdbc.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class JdbcClassesTest {
    @Test
    void driversAndDataSourcesAreCandidates() throws IOException {
        assertThat(JdbcClasses.mayDeclareConnectionMethods(classFile(org.sqlite.JDBC.class))).isTrue();
        assertThat(JdbcClasses.mayDeclareConnectionMethods(classFile(org.postgresql.Driver.class))).isTrue();
        assertThat(JdbcClasses.mayDeclareConnectionMethods(classFile(org.sqlite.SQLiteDataSource.class))).isTrue();
        assertThat(JdbcClasses.mayDeclareConnectionMethods(classFile(com.zaxxer.hikari.HikariDataSource.class))).isTrue();
        assertThat(JdbcClasses.mayDeclareConnectionMethods(classFile(UserAndPassword.class))).isTrue();
    }

    @Test
    void otherClassesAreNot() throws IOException {
        assertThat(JdbcClasses.mayDeclareConnectionMethods(classFile(JdbcClassesTest.class))).isFalse();
        assertThat(JdbcClasses.mayDeclareConnectionMethods(classFile(org.sqlite.SQLiteConfig.class))).isFalse();
        assertThat(JdbcClasses.mayDeclareConnectionMethods(classFile(OtherParameters.class))).isFalse();
    }

    @Test
    void theWholeConstantPoolIsRead() throws IOException {
        assertThat(JdbcClasses.mayDeclareConnectionMethods(classFile(WideConstantsFirst.class))).isTrue();
        byte[] truncated = classFile(org.sqlite.JDBC.class);
        assertThat(JdbcClasses.mayDeclareConnectionMethods(java.util.Arrays.copyOf(truncated, 64))).isFalse();
        assertThat(JdbcClasses.mayDeclareConnectionMethods(new byte[0])).isFalse();
    }

    @Test
    void theJdkByteBuddyAndTheAgentAreIgnoredByName() {
        assertThat(JdbcClasses.isIgnored("java/sql/DriverManager")).isTrue();
        assertThat(JdbcClasses.isIgnored("javax/sql/DataSource")).isTrue();
        assertThat(JdbcClasses.isIgnored("jdk/internal/Foo")).isTrue();
        assertThat(JdbcClasses.isIgnored("dev/safejdbc/SafeDriver")).isTrue();
        assertThat(JdbcClasses.isIgnored("dev/safejdbc/agent/shaded/net/bytebuddy/ByteBuddy")).isTrue();
        assertThat(JdbcClasses.isIgnored("org/sqlite/JDBC")).isFalse();
        assertThat(JdbcClasses.isIgnored("javaxyz/Pool")).isFalse();
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    /** Declares {@code getConnection(String, String)} only. */
    abstract static class UserAndPassword {
        abstract Connection getConnection(String user, String password) throws SQLException;
    }

    /** Long and double constants (two entries of the pool each) before the descriptor. */
    abstract static class WideConstantsFirst {
        long millis = 1_234_567_890_123L;
        double ratio = 0.123_456_789;
        long nanos = 9_876_543_210_987L;

        abstract Connection getConnection() throws SQLException;
    }

    /** Returns connections, but from no method the agent instruments. */
    abstract static class OtherParameters {
        abstract Connection open(int attempt) throws SQLException;
    }
}
