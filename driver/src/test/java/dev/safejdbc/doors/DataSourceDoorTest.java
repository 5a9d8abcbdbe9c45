package dev.safejdbc.doors;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.safejdbc.SafeDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/** The front-door suite through {@code SafeDataSource} over a plain HikariCP pool. */
class DataSourceDoorTest extends FrontDoorSuite {
    private final Map<String, DataSource> dataSources = new HashMap<>();
    private final List<HikariDataSource> pools = new ArrayList<>();

    @Override
    protected Connection connect(String realUrl, Properties options) throws SQLException {
        String key = realUrl + " " + options;
        DataSource known = dataSources.get(key);
        if (known == null) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(realUrl);
            config.setMaximumPoolSize(4);
            HikariDataSource pool = new HikariDataSource(config);
            pools.add(pool);
            known = SafeDataSource.wrap(pool, options);
            dataSources.put(key, known);
        }
        return known.getConnection();
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }
}
