package dev.safejdbc.function;

import java.sql.SQLException;

/** A call on a JDBC object that gives a result and may throw what JDBC throws. */
@FunctionalInterface
public interface SqlSupplier<T> {
    T get() throws SQLException;
}
