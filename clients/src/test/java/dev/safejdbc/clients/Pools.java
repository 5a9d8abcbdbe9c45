package dev.safejdbc.clients;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The HikariCP pools the client-library tests run on. */
public final class Pools {
    private Pools() {
    }

    /** A pool of {@code size} over {@code jdbcUrl} whose checkout waits at most {@code timeoutMs}. */
    public static HikariDataSource hikari(String jdbcUrl, int size, long timeoutMs) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(timeoutMs);
        return new HikariDataSource(config);
    }
}
