package dev.safejdbc.clients;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Properties;

/** The HikariCP pools the client-library tests run on. */
public final class Pools {
    private Pools() {
    }

    /** A pool of {@code size} over {@code jdbcUrl} whose checkout waits at most {@code timeoutMs}. */
    public static HikariDataSource hikari(String jdbcUrl, int size, long timeoutMs) {
        return hikari(jdbcUrl, size, timeoutMs, new Properties());
    }

    /** The same, with {@code driverProperties} (such as {@code safe.*} options) given to each connect. */
    public static HikariDataSource hikari(String jdbcUrl, int size, long timeoutMs, Properties driverProperties) {
        HikariConfig config = new HikariConfig();
        config.setDataSourceProperties(driverProperties);
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(timeoutMs);
        return new HikariDataSource(config);
    }
}
