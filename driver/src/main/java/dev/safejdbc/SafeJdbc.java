package dev.safejdbc;

import dev.safejdbc.config.MemoryUrls;
import dev.safejdbc.config.SafeUrl;
import dev.safejdbc.session.SharedMemoryDatabases;
import java.sql.SQLException;

/** Operations on safe-jdbc's process-wide state. */
public final class SafeJdbc {
    private SafeJdbc() {
    }

    /**
     * Closes the shared in-memory database that {@code url} names ({@code jdbc:safe:sqlite::memory:}
     * or its real form) and forgets it: the next connection gets a new, empty database. Logical
     * connections still open on it fail from now on.
     *
     * @param url a {@code jdbc:safe:} URL or the real driver's URL
     * @return whether such a database was open
     * @throws SQLException if {@code url} is a malformed {@code jdbc:safe:} URL, or closing the database fails
     */
    public static boolean drop(String url) throws SQLException {
        String realUrl = SafeUrl.accepts(url) ? SafeUrl.toRealUrl(url) : url;
        String key = MemoryUrls.sharedKey(realUrl);
        return key != null && SharedMemoryDatabases.drop(key);
    }
}
