package dev.safejdbc.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.findings.AppFrames;
import dev.safejdbc.it.Await;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An autocommit session keeps the lease while any of its cursors is open, whether the cursor is
 * held alone (none other was open when it was pinned) or counted beside another, closed in either
 * order, twice, or on another thread.
 */
class CursorPinTest {
    private LeasedConnection leased;
    private ConnectionLease lease;
    private ThreadSessions sessions;

    @BeforeEach
    void openLease() throws SQLException {
        leased = LeasedConnection.open("pin-unit");
        lease = leased.lease();
        sessions = leased.sessions();
    }

    @AfterEach
    void closePhysical() throws SQLException {
        leased.close();
    }

    /** One statement that leaves a cursor open, as a query does: the session pins it inside the call's scope. */
    private CursorPin query() throws SQLException {
        try (Session.Scope scope = sessions.current().enter(AppFrames::here)) {
            return scope.session().pin(new CursorPin());
        }
    }

    @Test
    void aCursorHeldAloneKeepsTheLeaseUntilReleasedAndReleasingAgainChangesNothing() throws SQLException {
        CursorPin cursor = query();
        assertThat(lease.holder()).isSameAs(sessions.current());

        cursor.release();
        assertThat(lease.holder()).isNull();

        CursorPin next = query();
        cursor.release(); // the old cursor closed again: the new one still holds
        assertThat(lease.holder()).isSameAs(sessions.current());
        next.release();
        assertThat(lease.holder()).isNull();
    }

    @Test
    void theLeaseGoesBackWhenTheLastOfTwoCursorsIsReleasedInEitherOrder() throws SQLException {
        CursorPin first = query();
        CursorPin beside = query();
        first.release();
        assertThat(lease.holder()).as("the cursor opened beside it still holds").isSameAs(sessions.current());
        beside.release();
        assertThat(lease.holder()).isNull();

        first = query();
        beside = query();
        beside.release();
        beside.release();
        assertThat(lease.holder()).as("the cursor held alone still holds").isSameAs(sessions.current());
        first.release();
        assertThat(lease.holder()).isNull();
    }

    @Test
    void aCursorReleasedOnAnotherThreadGivesTheLeaseBack() throws Exception {
        CursorPin cursor = query();

        CompletableFuture.runAsync(cursor::release, runnable -> new Thread(runnable).start())
                .get(Await.SECONDS, TimeUnit.SECONDS);

        assertThat(lease.holder()).isNull();
    }

    @Test
    void aTransactionKeepsTheLeaseAfterItsCursorIsReleased() throws SQLException {
        Session mine = sessions.current();
        CursorPin cursor = query();
        mine.setAutoCommit(false);
        query().release(); // begins the transaction beside the open cursor
        cursor.release();
        assertThat(lease.holder()).as("its transaction is open").isSameAs(mine);

        mine.commit();
        assertThat(lease.holder()).isNull();
    }

    @Test
    void endingTheSessionGivesTheLeaseBackWithItsCursorsOpen() throws SQLException {
        CursorPin cursor = query();
        query();

        sessions.current().end();
        assertThat(lease.holder()).isNull();

        cursor.release(); // closed after its connection: nothing left to give back
        assertThat(lease.holder()).isNull();
    }
}
