package dev.safejdbc.function;

import java.sql.SQLException;

/** A call on a JDBC object {@code A} that gives a result and may throw what JDBC throws. */
@FunctionalInterface
public interface SqlFunction<A, T> {
    T apply(A argument) throws SQLException;
}
