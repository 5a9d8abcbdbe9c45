package dev.safejdbc.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safejdbc.error.LeaseTimeoutException;
import dev.safejdbc.findings.FindingKind;
import dev.safejdbc.findings.Findings;
import dev.safejdbc.it.Await;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lease hand-over itself, without a driver in front: one holder at a time, a waiter that gets
 * it on release, a dead holder's lease reclaimed, a bounded wait, and no policy of its own (the
 * same thread's other holder is handed back to the caller, not refused).
 */
class ConnectionLeaseTest {
    private static final long WAIT_MS = LeasedConnection.WAIT_MS;

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private String database;
    private LeasedConnection leased;
    private ConnectionLease lease;
    private ThreadSessions sessions;

    @BeforeEach
    void openLease() throws SQLException {
        database = "lease-unit-" + DATABASES.incrementAndGet();
        leased = LeasedConnection.open(database);
        lease = leased.lease();
        sessions = leased.sessions();
    }

    @AfterEach
    void closePhysical() throws SQLException {
        leased.close();
    }

    private ThreadSession sessionOf(Thread thread) {
        return new ThreadSession(sessions, thread, Settings.unpacked(lease.initialSettings()));
    }

    @Test
    void aFreeLeaseIsTakenAtOnceAndTakingItAgainIsReentrant() throws SQLException {
        ThreadSession mine = sessionOf(Thread.currentThread());

        assertThat(lease.acquire(mine, WAIT_MS)).isNull();
        assertThat(lease.holder()).isSameAs(mine);
        assertThat(lease.acquire(mine, WAIT_MS)).as("re-entrant").isNull();
        assertThat(lease.holder()).isSameAs(mine);
    }

    @Test
    void releaseFreesItOnlyForItsHolder() throws SQLException {
        ThreadSession mine = sessionOf(Thread.currentThread());
        ThreadSession other = sessionOf(new Thread(() -> { }));
        lease.acquire(mine, WAIT_MS);

        lease.release(other);
        assertThat(lease.holder()).as("a session that does not hold it cannot give it back").isSameAs(mine);
        lease.release(mine);
        assertThat(lease.holder()).isNull();
    }

    @Test
    void aWaiterGetsTheLeaseWhenTheHolderReleasesIt() throws Exception {
        ThreadSession mine = sessionOf(Thread.currentThread());
        lease.acquire(mine, WAIT_MS);
        CountDownLatch taken = new CountDownLatch(1);
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            ThreadSession session = sessionOf(Thread.currentThread());
            try {
                outcome.set(lease.acquire(session, WAIT_MS) == null && lease.holder() == session ? "taken" : "not taken");
            } catch (SQLException e) {
                outcome.set(e);
            }
            taken.countDown();
        }, "lease-waiter");
        waiter.start();

        assertThat(Await.heldBackOrDone(waiter, taken, ConnectionLease.class.getName()))
                .as("the waiter waits while the lease is held").isTrue();
        lease.release(mine);
        Await.latch(taken);
        waiter.join(WAIT_MS);

        assertThat(outcome.get()).isEqualTo("taken");
    }

    @Test
    void aLeaseHeldByADeadThreadIsReclaimedAndItsWorkRolledBack() throws Exception {
        Thread dying = new Thread(() -> {
            try {
                lease.acquire(sessionOf(Thread.currentThread()), WAIT_MS); // and never gives it back
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, "lease-dies-holding");
        dying.start();
        dying.join(WAIT_MS);
        assertThat(dying.isAlive()).isFalse();
        assertThat(lease.holder().thread()).isSameAs(dying);
        ThreadSession mine = sessionOf(Thread.currentThread());

        assertThat(lease.acquire(mine, WAIT_MS)).isNull();

        assertThat(lease.holder()).isSameAs(mine);
        assertThat(Findings.snapshot())
                .anyMatch(finding -> finding.kind() == FindingKind.ABANDONED_LEASE && finding.database().equals(database)
                        && finding.detail().contains("lease-dies-holding"));
    }

    @Test
    void aWaitThatOutlastsTheTimeoutFailsWith08001NamingTheHolder() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try {
                lease.acquire(sessionOf(Thread.currentThread()), WAIT_MS);
                holding.countDown();
                Await.latch(done);
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "lease-holds-on");
        holder.start();
        try {
            Await.latch(holding);
            ThreadSession mine = sessionOf(Thread.currentThread());

            assertThatThrownBy(() -> lease.acquire(mine, 50))
                    .isInstanceOf(LeaseTimeoutException.class)
                    .hasMessageContaining("lease-holds-on")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
            assertThat(lease.holder()).isNotSameAs(mine);
        } finally {
            done.countDown();
            holder.join(WAIT_MS);
        }
    }

    @Test
    void theSameThreadsOtherHolderIsHandedBackNotWaitedForNorRefused() throws SQLException {
        ThreadSession outer = sessionOf(Thread.currentThread());
        ThreadSession inner = sessionOf(Thread.currentThread());
        lease.acquire(outer, WAIT_MS);

        assertThat(lease.acquire(inner, WAIT_MS)).as("the lease makes no policy decision").isSameAs(outer);
        assertThat(lease.holder()).isSameAs(outer);
    }
}
