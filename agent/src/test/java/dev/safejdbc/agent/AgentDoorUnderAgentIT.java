package dev.safejdbc.agent;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.safejdbc.doors.FrontDoorSuite;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;

/**
 * The front-door suite under the agent: this JVM runs with {@code -javaagent} (failsafe's
 * {@code under-agent} execution), and the connections come from a plain HikariCP pool over the
 * raw URL, as an unchanged application's would. The {@code safe.*} options reach the agent as the
 * driver properties the pool passes to {@code Driver.connect}.
 */
class AgentDoorUnderAgentIT extends FrontDoorSuite {
    private final Map<String, HikariDataSource> pools = new HashMap<>();

    @Override
    protected Connection connect(String realUrl, Properties options) throws SQLException {
        HikariDataSource pool = pools.computeIfAbsent(realUrl + " " + options, key -> {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(realUrl);
            config.setMaximumPoolSize(4);
            config.setDataSourceProperties(options);
            return new HikariDataSource(config);
        });
        return pool.getConnection();
    }

    @AfterEach
    void closePools() {
        pools.values().forEach(HikariDataSource::close);
    }
}
