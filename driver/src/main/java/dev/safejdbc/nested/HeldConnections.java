package dev.safejdbc.nested;

import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The connections one data source has handed out to each thread and that are not closed yet,
 * transaction or not: a thread that holds one and asks a pool with no free connection for
 * another waits for itself. A pool's handed-out connection reports {@code isClosed()} once it is
 * back in the pool, so nothing has to hook its close; entries are weak so that a leaked
 * connection is not kept alive by this record.
 */
public final class HeldConnections {
    private final ThreadLocal<List<WeakReference<Connection>>> held = ThreadLocal.withInitial(ArrayList::new);

    /** Remembers that this thread now holds {@code connection} (once, however often it is reported). */
    public void handedOut(Connection connection) {
        List<WeakReference<Connection>> mine = held.get();
        prune(mine);
        for (WeakReference<Connection> reference : mine) {
            if (reference.get() == connection) {
                return;
            }
        }
        mine.add(new WeakReference<>(connection));
    }

    /** Whether this thread holds a connection from the data source that is still open. */
    public boolean holdsOne() {
        List<WeakReference<Connection>> mine = held.get();
        if (mine.isEmpty()) {
            return false;
        }
        prune(mine);
        return !mine.isEmpty();
    }

    private static void prune(List<WeakReference<Connection>> mine) {
        mine.removeIf(reference -> isGone(reference.get()));
    }

    private static boolean isGone(Connection connection) {
        try {
            return connection == null || connection.isClosed();
        } catch (SQLException | RuntimeException e) {
            return true; // a connection that cannot tell is not counted: a false refusal is worse than a miss
        }
    }
}
