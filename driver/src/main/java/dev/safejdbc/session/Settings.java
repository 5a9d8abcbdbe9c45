package dev.safejdbc.session;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The per-session connection settings that a lease hand-over must restore: autocommit,
 * read-only and isolation. Isolation may be {@link #UNKNOWN}: reading it costs a round trip on
 * some drivers, so it is only learnt when someone asks for it or changes it.
 */
final class Settings {
    static final int UNKNOWN = -1;

    boolean autoCommit;
    boolean readOnly;
    int isolation;

    Settings(boolean autoCommit, boolean readOnly, int isolation) {
        this.autoCommit = autoCommit;
        this.readOnly = readOnly;
        this.isolation = isolation;
    }

    static Settings readFrom(Connection physical) throws SQLException {
        return new Settings(physical.getAutoCommit(), physical.isReadOnly(), UNKNOWN);
    }

    /**
     * These settings as one value: a thread publishes them to the connection's later threads with one
     * write and no copy (a unit of work changes autocommit twice).
     */
    long packed() {
        return (long) isolation << 32 | (autoCommit ? 1 : 0) | (readOnly ? 2 : 0);
    }

    static Settings unpacked(long packed) {
        return new Settings((packed & 1) != 0, (packed & 2) != 0, (int) (packed >> 32));
    }
}
