package dev.safejdbc.database;

import dev.safejdbc.config.DatabaseKey;
import dev.safejdbc.config.MemoryUrls;
import dev.safejdbc.config.SafeUrl;
import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One database as safe-jdbc sees it, worked out once per identity and shared by every connection
 * to it: its sanitized identity (what nesting, findings and messages name), its {@link Dialect}
 * (null when the guard has none), its shared in-memory key (null unless it is one) and the state
 * the layers keep per database ({@link Slot}s: the guard's key catalog and statement memos), so
 * that what happens on one database (DDL) never touches another's.
 */
public final class Database {
    /** The databases kept even with no connection open to them, so their state survives connection churn. */
    private static final int RECENT = 256;
    /**
     * Interned while anyone holds them: a connection's database is the one every other connection
     * to the same identity sees, so DDL through one reaches what the others keep.
     */
    private static final Map<String, WeakReference<Database>> INTERNED = new ConcurrentHashMap<>();
    private static final Deque<Database> RECENTLY_MADE = new ArrayDeque<>();

    private final String identity;
    /** The real URL's sub-protocol ({@code postgresql}, ...); empty when no URL said it. */
    private final String subprotocol;
    /** Asked for by every new statement, so worked out once here. */
    private final Dialect dialect;
    private final String sharedKey;
    private final Map<Slot<?>, Object> state = new ConcurrentHashMap<>();

    private Database(String identity, String subprotocol, String sharedKey) {
        this.identity = identity;
        this.subprotocol = subprotocol;
        this.dialect = Dialect.forSubprotocol(subprotocol);
        this.sharedKey = sharedKey;
    }

    /** A database named by a real JDBC URL (secrets removed from its identity). */
    public static Database ofUrl(String realUrl) {
        String subprotocol = SafeUrl.subprotocolOrNull(realUrl);
        return intern(DatabaseKey.of(realUrl), subprotocol == null ? "" : subprotocol, null);
    }

    /**
     * The database {@code realUrl} names when in-memory SQLite databases are shared (enforce mode):
     * all connections to one such URL (or name) are one database, with one physical connection.
     */
    public static Database ofUrlSharingMemory(String realUrl) {
        String key = MemoryUrls.sharedKey(realUrl);
        return key == null ? ofUrl(realUrl) : intern(key, "sqlite", key);
    }

    /**
     * A database whose connections do not say which it is (no URL in their metadata): named after
     * the data source that hands them out.
     */
    public static Database ofSource(Object source) {
        return intern("datasource@" + Integer.toHexString(System.identityHashCode(source)), "", null);
    }

    /** Any database by its identity (tests, and sources that know nothing more). */
    public static Database named(String identity, String subprotocol) {
        return intern(identity, subprotocol, null);
    }

    private static Database intern(String identity, String subprotocol, String sharedKey) {
        // a shared in-memory database and the same URL opened as a plain connection (report mode) are two databases
        String internKey = sharedKey == null ? identity : "shared " + identity;
        WeakReference<Database> known = INTERNED.get(internKey);
        Database database = known == null ? null : known.get();
        if (database != null) {
            return database;
        }
        synchronized (INTERNED) {
            known = INTERNED.get(internKey);
            database = known == null ? null : known.get();
            if (database == null) {
                database = new Database(identity, subprotocol, sharedKey);
                INTERNED.values().removeIf(ref -> ref.get() == null);
                INTERNED.put(internKey, new WeakReference<>(database));
                RECENTLY_MADE.addLast(database);
                if (RECENTLY_MADE.size() > RECENT) {
                    RECENTLY_MADE.removeFirst(); // a JVM that opens many databases keeps no state for the old ones
                }
            }
            return database;
        }
    }

    /** The sanitized identity: what nesting is checked on and what messages name. */
    public String identity() {
        return identity;
    }

    @Override
    public String toString() {
        return identity;
    }

    /** How the guard spells its conditions here; null when safe-jdbc has no dialect for it. */
    public Dialect dialect() {
        return dialect;
    }

    /** The sub-protocol of the URL that named it ({@code postgresql}, ...); empty when none did. */
    public String subprotocol() {
        return subprotocol;
    }

    /** The state a layer keeps for this database, made on first use. */
    @SuppressWarnings("unchecked")
    public <T> T state(Slot<T> slot) {
        Object value = state.get(slot);
        return value != null ? (T) value : (T) state.computeIfAbsent(slot, s -> slot.initial.get());
    }

    /** The key of the shared in-memory database; null when this is not one. */
    public String sharedKey() {
        return sharedKey;
    }

    /** One kind of per-database state, declared by the layer that keeps it. */
    public static final class Slot<T> {
        private final Supplier<T> initial;

        public Slot(Supplier<T> initial) {
            this.initial = initial;
        }
    }
}
