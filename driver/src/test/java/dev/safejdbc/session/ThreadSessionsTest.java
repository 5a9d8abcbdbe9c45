package dev.safejdbc.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.config.NestedPolicy;
import dev.safejdbc.it.Await;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A thread's first session starts from the settings the connection was last left in, by whichever
 * thread: autocommit, read-only and isolation, including isolation not yet learnt.
 */
class ThreadSessionsTest {

    @Test
    void aLaterThreadStartsFromTheSettingsLastLeft() throws Exception {
        try (Connection physical = DriverManager.getConnection("jdbc:h2:mem:")) {
            ThreadSessions sessions = new ThreadSessions(ConnectionLease.owned(physical, "settings-unit"),
                    NestingCheck.enforcing(NestedPolicy.FAIL, ""), TimeUnit.SECONDS.toMillis(Await.SECONDS));

            assertThat(onAnotherThread(sessions)).isEqualTo("autoCommit=true readOnly=false isolation unknown");

            Session mine = sessions.current();
            mine.setAutoCommit(false);
            mine.setReadOnly(true);
            mine.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            assertThat(onAnotherThread(sessions)).isEqualTo("autoCommit=false readOnly=true isolation=8");

            mine.setAutoCommit(true);
            assertThat(onAnotherThread(sessions)).isEqualTo("autoCommit=true readOnly=true isolation=8");
        }
    }

    /** The first thread's session is kept on its own until a second thread comes: then both are kept. */
    @Test
    void eachThreadKeepsItsOwnSessionWhenAnotherComes() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (Connection physical = DriverManager.getConnection("jdbc:h2:mem:")) {
            ThreadSessions sessions = new ThreadSessions(ConnectionLease.owned(physical, "sessions-unit"),
                    NestingCheck.enforcing(NestedPolicy.FAIL, ""), TimeUnit.SECONDS.toMillis(Await.SECONDS));
            Session mine = sessions.current();

            Session theirs = other.submit(sessions::current).get(Await.SECONDS, TimeUnit.SECONDS);

            assertThat(theirs).isNotSameAs(mine);
            assertThat(sessions.current()).isSameAs(mine);
            assertThat(other.submit(sessions::current).get(Await.SECONDS, TimeUnit.SECONDS)).isSameAs(theirs);
            assertThat(sessions.current()).isSameAs(mine);
        } finally {
            other.shutdownNow();
        }
    }

    /** The settings a new thread's session starts with, as it has them before asking the connection. */
    private static String onAnotherThread(ThreadSessions sessions) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            Settings settings = ((ThreadSession) sessions.current()).settings();
            return "autoCommit=" + settings.autoCommit + " readOnly=" + settings.readOnly
                    + (settings.isolation == Settings.UNKNOWN ? " isolation unknown" : " isolation=" + settings.isolation);
        }, runnable -> new Thread(runnable).start()).get(Await.SECONDS, TimeUnit.SECONDS);
    }
}
