package dev.safejdbc.guard;

import dev.safejdbc.database.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Looks the row of a guarded write that wrote nothing up again, in the same transaction: whether
 * it is still as the transaction read it (there, or absent). Only asked when a guarded write wrote
 * no row, so a write that wrote its row costs nothing more.
 *
 * <p>MariaDB reads with {@code FOR UPDATE}: like its UPDATE, the check then sees the latest
 * committed row, not the transaction's snapshot. After a duplicate-key error it reads with
 * {@code LOCK IN SHARE MODE} instead: InnoDB's duplicate check left a shared lock on that row, in
 * every transaction that met it, and an exclusive one would wait on the others' (a deadlock). PostgreSQL checks inside a savepoint, so that a
 * check the server refuses cannot abort the application's transaction.
 */
final class ZeroRowCheck {
    private ZeroRowCheck() {
    }

    /**
     * Whether {@code query} (a {@code SELECT 1 FROM .. WHERE ..} of the row) finds it, with
     * {@code values} bound in order; null when the check could not run.
     */
    static Boolean finds(Connection physical, Dialect dialect, String query, List<Object> values) {
        return finds(physical, dialect, query, values, " FOR UPDATE");
    }

    /** {@link #finds}, after a duplicate-key error: MariaDB takes a shared lock. */
    static Boolean findsAfterDuplicate(Connection physical, Dialect dialect, String query, List<Object> values) {
        return finds(physical, dialect, query, values, " LOCK IN SHARE MODE");
    }

    private static Boolean finds(Connection physical, Dialect dialect, String query, List<Object> values,
            String mariadbLock) {
        String sql = dialect == Dialect.MARIADB ? query + mariadbLock : query;
        try {
            return ContainedRead.run(physical, dialect, () -> {
                try (PreparedStatement check = physical.prepareStatement(sql)) {
                    for (int i = 0; i < values.size(); i++) {
                        GuardedWrite.bindObserved(check, i + 1, values.get(i));
                    }
                    try (ResultSet rs = check.executeQuery()) {
                        return rs.next();
                    }
                }
            });
        } catch (SQLException e) {
            return null;
        }
    }
}
