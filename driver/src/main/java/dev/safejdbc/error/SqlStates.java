package dev.safejdbc.error;

/** The SQLStates that safe-jdbc's contract promises (see CONTRACT.md, "Errors"). */
public final class SqlStates {
    /** A nested session: a second connection used while this thread's transaction is open. */
    public static final String NESTED_SESSION = "25001";
    /** A guarded write lost its race. */
    public static final String CONFLICT = "40001";
    /** Connection could not be established: bad URL or option, no real driver, lease time-out. */
    public static final String CANNOT_CONNECT = "08001";
    /** The logical connection is closed (standard JDBC state, used for use-after-close). */
    public static final String CONNECTION_CLOSED = "08003";

    private SqlStates() {
    }
}
