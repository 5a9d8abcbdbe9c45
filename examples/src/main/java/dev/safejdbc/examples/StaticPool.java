package dev.safejdbc.examples;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/**
 * What incident 004's in-memory engine used (SQLAlchemy's {@code StaticPool}): every session
 * checks out the same connection, and giving it back resets it with a rollback, as pools do.
 */
final class StaticPool {
    private final Connection only;

    StaticPool(Connection only) {
        this.only = only;
    }

    /** The one connection; {@code close()} returns it to the pool: reset-on-return. */
    Connection getConnection() {
        return (Connection) Proxy.newProxyInstance(StaticPool.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        if (!only.getAutoCommit()) {
                            only.rollback(); // reset-on-return
                        }
                        return null;
                    }
                    try {
                        return method.invoke(only, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
