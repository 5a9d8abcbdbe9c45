package dev.safejdbc.agent;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The instrumented calls open on one thread, and which one of them makes the connection safe.
 * Calls nest: a pool's {@code getConnection} runs {@code DataSource.getConnection} of its
 * driver data source, which runs {@code Driver.connect}; a spying driver runs the real one. The
 * innermost call that hands out a connection protects it, so that the physical connections a
 * pool keeps are the safe ones (as with a {@code jdbc:safe:} URL under the pool), and every call
 * around it hands that connection on untouched, even through a wrapper that does not report what
 * it wraps.
 */
final class CallChain {
    /** What a protection step decided for one connection. */
    interface Protection {
        /** The connection to hand out: {@code connection} made safe, or {@code connection} itself. */
        Handout protect(Connection connection) throws SQLException;
    }

    /** A connection to hand out, and whether it carries safe-jdbc's protections. */
    record Handout(Connection connection, boolean safe) {
    }

    private int depth;
    /** The depth of the call that last handed out a safe connection; 0 when none did. */
    private int safeAt;
    /** Whether the agent is at work on this thread: what it opens or asks for stays as it is. */
    private boolean busy;

    /** Whether no instrumented call is open on this thread: the next one is the application's checkout. */
    boolean isOutermost() {
        return depth == 0;
    }

    void enter() {
        depth++;
        safeAt = 0;
    }

    /** Ends the innermost open call, which returned {@code connection} (null when it failed). */
    Connection exit(Connection connection, Protection protection) throws SQLException {
        try {
            if (connection == null || busy) {
                return connection;
            }
            if (safeAt == depth + 1) {
                safeAt = depth; // a call inside this one protected it already
                return connection;
            }
            busy = true;
            try {
                Handout handout = protection.protect(connection);
                if (handout.safe()) {
                    safeAt = depth;
                }
                return handout.connection();
            } finally {
                busy = false;
            }
        } finally {
            depth--;
        }
    }
}
