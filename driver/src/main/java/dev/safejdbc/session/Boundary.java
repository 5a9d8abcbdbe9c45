package dev.safejdbc.session;

/** The JDBC calls at which a test harness may hold a thread back: where interleavings differ. */
public enum Boundary {
    CHECKOUT, STATEMENT, COMMIT, ROLLBACK, CLOSE
}
