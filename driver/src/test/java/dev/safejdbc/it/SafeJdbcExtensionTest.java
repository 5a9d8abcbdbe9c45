package dev.safejdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.safejdbc.findings.FindingKind;
import dev.safejdbc.junit.SafeJdbcTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** {@link SafeJdbcTest} run on small fixture classes (in an application package, so their frames count) through the JUnit engine itself. */
class SafeJdbcExtensionTest {

    @Test
    void aTestWithANestedSessionFailsWithAReadableReport() {
        Events tests = run(NestedSessionFixture.class);
        tests.assertStatistics(stats -> stats.started(1).failed(1));
        Throwable failure = tests.failed().stream().findFirst().orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        assertThat(failure).hasMessageContaining("safe-jdbc findings in nestedSession()")
                .hasMessageContaining("NESTED_SESSION")
                .hasMessageContaining("NestedSessionFixture.nestedSession");
    }

    @Test
    void aTestThatDeclaresTheFindingItProvokesPasses() {
        run(ExpectedFindingFixture.class).assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void anExpectedFindingThatNeverCameFailsTheTest() {
        Events tests = run(MissingFindingFixture.class);
        tests.assertStatistics(stats -> stats.failed(1));
    }

    @Test
    void findingsOnExecutorThreadsCountForTheRunningTest() {
        run(ExecutorFindingFixture.class).assertStatistics(stats -> stats.started(1).failed(1));
    }

    /** The default rule lets a nested session that cannot wait for itself run: deliberate code must not fail a suite. */
    @Test
    void aNestedSessionThatCannotWaitForItselfDoesNotFailATest() {
        run(NestedTransactionFixture.class).assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void aTestMayStillExpectANestedSessionThatCannotWaitForItself() {
        run(ExpectedNestedTransactionFixture.class).assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
    }

    @Test
    void aCleanTestPasses() {
        run(CleanFixture.class).assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    private static Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();
    }

    /** A nested session in warn mode: the statement proceeds, the finding fails the test. */
    static void provokeNestedSession() throws SQLException {
        Properties warn = new Properties();
        warn.setProperty("safe.nested", "warn");
        provokeNestedSession(warn);
    }

    /** A nested SELECT on H2 while the outer transaction is open: nothing it could wait for. */
    static void provokeNestedSession(Properties options) throws SQLException {
        String url = "jdbc:safe:h2:mem:" + TestDatabases.unique("ext") + ";DB_CLOSE_DELAY=-1";
        try (Connection outer = DriverManager.getConnection(url, options);
                Connection inner = DriverManager.getConnection(url, options);
                Statement first = outer.createStatement();
                Statement second = inner.createStatement()) {
            first.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            outer.setAutoCommit(false);
            first.execute("INSERT INTO t VALUES (1)");
            second.execute("SELECT 1");
            outer.rollback();
        }
    }

    @SafeJdbcTest
    static class NestedSessionFixture {
        @Test
        void nestedSession() throws SQLException {
            provokeNestedSession();
        }
    }

    @SafeJdbcTest(expect = FindingKind.NESTED_SESSION)
    static class ExpectedFindingFixture {
        @Test
        void nestedSessionOnPurpose() throws SQLException {
            provokeNestedSession();
        }
    }

    @SafeJdbcTest
    static class NestedTransactionFixture {
        @Test
        void nestedSessionUnderTheDefaultRule() throws SQLException {
            provokeNestedSession(new Properties());
        }
    }

    static class ExpectedNestedTransactionFixture {
        @Test
        @SafeJdbcTest(expect = FindingKind.NESTED_TRANSACTION)
        void nestedSessionOnPurpose() throws SQLException {
            provokeNestedSession(new Properties());
        }

        @Test
        @SafeJdbcTest(expect = FindingKind.NESTED_TRANSACTION)
        void expectsWhatNeverHappens() {
        }
    }

    static class MissingFindingFixture {
        @Test
        @SafeJdbcTest(expect = FindingKind.NESTED_SESSION)
        void expectsWhatNeverHappens() {
        }
    }

    @SafeJdbcTest
    static class ExecutorFindingFixture {
        @Test
        void nestedSessionOnAPoolThread() throws Exception {
            ExecutorService executor = Executors.newSingleThreadExecutor();
            try {
                executor.submit(() -> {
                    provokeNestedSession();
                    return null;
                }).get(10, TimeUnit.SECONDS);
            } finally {
                executor.shutdownNow();
            }
        }
    }

    @SafeJdbcTest
    static class CleanFixture {
        @Test
        void oneConnectionOneTransaction() throws SQLException {
            try (Connection c = DriverManager.getConnection("jdbc:safe:h2:mem:" + TestDatabases.unique("clean"));
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
                c.setAutoCommit(false);
                s.execute("INSERT INTO t VALUES (1)");
                c.commit();
            }
        }
    }
}
