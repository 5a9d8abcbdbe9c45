package dev.safejdbc.session;

import java.sql.SQLException;

/** The sessions of one logical connection: one per thread when enforcing, one in all when reporting. */
public interface Sessions {

    /** The calling thread's session (created on first use). */
    Session current() throws SQLException;

    boolean isClosed();

    /** Throws SQLState 08003 when the connection is closed, or its shared database dropped. */
    void ensureOpen() throws SQLException;

    /** Ends every session and closes the logical connection. */
    void close() throws SQLException;

    /** {@link java.sql.Connection#abort}: kills what this logical connection owns, never a shared one. */
    void abort(java.util.concurrent.Executor executor) throws SQLException;
}
