package dev.safejdbc.jdbc;

import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * {@code unwrap}/{@code isWrapperFor} for the wrappers: the wrapper itself, then the real object,
 * then what the real object wraps. Always an {@link SQLException} for what cannot be unwrapped,
 * as {@link Wrapper} says, even where the real driver would throw a ClassCastException.
 */
public final class Wrappers {
    private Wrappers() {
    }

    public static <T> T unwrap(Object wrapper, Wrapper delegate, Class<T> iface) throws SQLException {
        if (iface == null) {
            throw new SQLException("unwrap(null): expected an interface to unwrap to");
        }
        if (iface.isInstance(wrapper)) {
            return iface.cast(wrapper);
        }
        if (iface.isInstance(delegate)) {
            return iface.cast(delegate);
        }
        if (!isWrapperFor(wrapper, delegate, iface)) {
            throw new SQLException(wrapper.getClass().getSimpleName() + " does not wrap a " + iface.getName());
        }
        try {
            return delegate.unwrap(iface);
        } catch (RuntimeException e) {
            throw new SQLException("The real driver could not unwrap to " + iface.getName(), e);
        }
    }

    public static boolean isWrapperFor(Object wrapper, Wrapper delegate, Class<?> iface) throws SQLException {
        if (iface == null) {
            return false;
        }
        if (iface.isInstance(wrapper) || iface.isInstance(delegate)) {
            return true;
        }
        try {
            return delegate.isWrapperFor(iface);
        } catch (RuntimeException e) {
            return false; // a driver that cannot tell does not wrap it
        }
    }
}
