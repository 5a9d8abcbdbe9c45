package dev.safejdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safejdbc.findings.FindingKind;
import dev.safejdbc.findings.Findings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The lease of a shared in-memory database: a wait is bounded and says who holds it and where
 * that transaction began; a holder's thread that dies does not wedge the database; an
 * interrupted wait ends at once.
 */
class LeaseTest {

    @Test
    void waitingTooLongNamesTheHolderAndWhereItsTransactionBegan() throws Exception {
        String url = SharedMemoryIsolationTest.memoryUrl();
        try (Connection holder = DriverManager.getConnection(url);
                Connection waiter = DriverManager.getConnection(url, timeout(200))) {
            SharedMemoryIsolationTest.createTable(holder, "items");
            CountDownLatch begun = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            Thread holding = new Thread(() -> {
                try {
                    beginTransactionAndHold(holder, begun, done);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "lease-holder");
            holding.start();
            try {
                Await.latch(begun);
                assertThatThrownBy(() -> insert(waiter, 2))
                        .isInstanceOf(SQLTransientException.class)
                        .hasMessageContaining("lease-holder")
                        .hasMessageContaining("beginTransactionAndHold")
                        .hasMessageContaining("200 ms")
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
            } finally {
                done.countDown();
                holding.join(TimeUnit.SECONDS.toMillis(Await.SECONDS));
            }
            assertThat(SharedMemoryIsolationTest.count(waiter, "items", "1 = 1")).isOne();
        }
    }

    @Test
    void aThreadThatDiesInsideItsTransactionDoesNotWedgeTheDatabase() throws Exception {
        String url = SharedMemoryIsolationTest.memoryUrl();
        try (Connection survivor = DriverManager.getConnection(url)) {
            SharedMemoryIsolationTest.createTable(survivor, "items");
            Connection abandoned = DriverManager.getConnection(url);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread dying = new Thread(() -> {
                try {
                    abandoned.setAutoCommit(false);
                    insert(abandoned, 1); // and the thread ends without commit, rollback or close
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "dies-in-transaction");
            dying.start();
            dying.join(TimeUnit.SECONDS.toMillis(Await.SECONDS));
            assertThat(failure.get()).isNull();

            insert(survivor, 2); // waits for the lease, finds its holder dead, takes it over
            assertThat(SharedMemoryIsolationTest.count(survivor, "items", "id = 1")).as("the dead thread's work").isZero();
            assertThat(SharedMemoryIsolationTest.count(survivor, "items", "id = 2")).isOne();
            assertThat(Findings.snapshot()).anySatisfy(finding -> {
                assertThat(finding.kind()).isEqualTo(FindingKind.ABANDONED_LEASE);
                assertThat(finding.detail()).contains("dies-in-transaction");
            });
        }
    }

    @Test
    void anInterruptedWaitEndsWithAClearError() throws Exception {
        String url = SharedMemoryIsolationTest.memoryUrl();
        try (Connection holder = DriverManager.getConnection(url);
                Connection waiter = DriverManager.getConnection(url)) {
            SharedMemoryIsolationTest.createTable(holder, "items");
            holder.setAutoCommit(false);
            insert(holder, 1);
            AtomicReference<Throwable> seen = new AtomicReference<>();
            AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
            Thread waiting = new Thread(() -> {
                try {
                    insert(waiter, 2);
                } catch (Throwable e) {
                    seen.set(e);
                    stillInterrupted.set(Thread.currentThread().isInterrupted());
                }
            }, "interrupted-waiter");
            waiting.start();
            Await.heldBackOrDone(waiting, new CountDownLatch(1), Interleaving.LEASE);
            waiting.interrupt();
            waiting.join(TimeUnit.SECONDS.toMillis(Await.SECONDS));
            holder.commit();

            assertThat(seen.get()).isInstanceOf(SQLTransientException.class).hasMessageContaining("Interrupted");
            assertThat(((SQLException) seen.get()).getSQLState()).isEqualTo("08001");
            assertThat(stillInterrupted.get()).as("interrupt status kept").isTrue();
            insert(waiter, 3); // nothing leaked: the next statement works
            assertThat(SharedMemoryIsolationTest.count(waiter, "items", "1 = 1")).isEqualTo(2);
        }
    }

    private static void beginTransactionAndHold(Connection connection, CountDownLatch begun, CountDownLatch done)
            throws Exception {
        connection.setAutoCommit(false);
        insert(connection, 1);
        begun.countDown();
        Await.latch(done);
        connection.commit();
    }

    private static void insert(Connection connection, int id) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO items(id) VALUES (" + id + ")");
        }
    }

    private static Properties timeout(long millis) {
        Properties properties = new Properties();
        properties.setProperty("safe.checkoutTimeoutMs", Long.toString(millis));
        return properties;
    }
}
