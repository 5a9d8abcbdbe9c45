package dev.safejdbc.jdbc;

import java.sql.SQLException;

/** A call on a real JDBC object, run by a wrapper under its session. */
@FunctionalInterface
interface SqlCall<T> {
    T call() throws SQLException;
}
