package dev.safejdbc.session;

import java.util.HashMap;
import java.util.Map;

/**
 * The transactions this thread has open, by database. A second session that touches a database
 * while another session of the same thread has a transaction open there is nested. Entries are
 * validated on lookup rather than removed eagerly, because a transaction can end on another
 * thread (a connection shared between threads) whose thread-local this thread cannot reach.
 */
public final class OpenTransactions {
    private static final ThreadLocal<Map<String, Session>> OPEN = ThreadLocal.withInitial(HashMap::new);

    private OpenTransactions() {
    }

    /** Records that {@code session} began a transaction on this thread. */
    public static void began(Session session) {
        OPEN.get().put(session.database(), session);
    }

    /** Forgets {@code session} if it is this thread's open transaction on its database. */
    public static void ended(Session session) {
        OPEN.get().remove(session.database(), session);
    }

    /** This thread's session with a transaction open on {@code database}, or null. */
    public static Session openOn(String database) {
        Map<String, Session> open = OPEN.get();
        Session session = open.isEmpty() ? null : open.get(database);
        if (session != null && !session.inTransaction()) {
            open.remove(database, session);
            return null;
        }
        return session;
    }

    /**
     * The other session of this thread with a transaction open on the same database, or null.
     */
    public static Session outerOf(Session session) {
        Session outer = openOn(session.database());
        return outer == session ? null : outer;
    }
}
