package dev.safejdbc.guard;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One parameter as the application bound it: enough to compare it with what a read saw and to
 * bind it again on the guarded statement.
 */
record Bound(Object value, Integer sqlType, boolean opaque) {
    /** Streams, readers, LOBs, calendar-relative times: neither comparable nor replayable. */
    static final Bound OPAQUE = new Bound(null, null, true);

    void bindTo(PreparedStatement statement, int index) throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlType == null ? java.sql.Types.NULL : sqlType);
        } else if (sqlType != null) {
            statement.setObject(index, value, sqlType);
        } else {
            statement.setObject(index, value);
        }
    }
}
