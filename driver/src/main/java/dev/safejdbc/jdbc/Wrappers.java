package dev.safejdbc.jdbc;

import java.sql.SQLException;
import java.sql.Wrapper;

/** {@code unwrap}/{@code isWrapperFor} for the wrappers: the wrapper itself, then the real object. */
final class Wrappers {
    private Wrappers() {
    }

    static <T> T unwrap(Object wrapper, Wrapper delegate, Class<T> iface) throws SQLException {
        if (iface == null) {
            throw new SQLException("unwrap(null): expected an interface to unwrap to");
        }
        if (iface.isInstance(wrapper)) {
            return iface.cast(wrapper);
        }
        if (iface.isInstance(delegate)) {
            return iface.cast(delegate);
        }
        return delegate.unwrap(iface);
    }

    static boolean isWrapperFor(Object wrapper, Wrapper delegate, Class<?> iface) throws SQLException {
        if (iface == null) {
            return false;
        }
        return iface.isInstance(wrapper) || iface.isInstance(delegate) || delegate.isWrapperFor(iface);
    }
}
