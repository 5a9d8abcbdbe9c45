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

    Settings copy() {
        return new Settings(autoCommit, readOnly, isolation);
    }
}
