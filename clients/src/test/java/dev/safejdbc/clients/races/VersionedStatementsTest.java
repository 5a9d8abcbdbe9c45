package dev.safejdbc.clients.races;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.SafeDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A {@code @Version} entity's writes carry their own condition, so safe-jdbc sends them as written: on every
 * {@link RaceDatabase}, what Hibernate sends for it (persist, find and update, a list query and update,
 * remove) reaches the real driver byte for byte as without safe-jdbc (recorded with datasource-proxy between
 * {@code SafeDataSource} and the driver).
 */
class VersionedStatementsTest extends OnRaceDatabase {

    @ParameterizedTest
    @EnumSource(RaceDatabase.class)
    void aVersionedEntitysStatementsReachTheDatabaseUnchanged(RaceDatabase on) throws Exception {
        open(on);
        db.execute("CREATE TABLE versioned_counters (id INT PRIMARY KEY, v INT NOT NULL, version INT NOT NULL)");
        List<String> raw = versionedWork(false);
        db.execute("DELETE FROM versioned_counters");
        List<String> safe = versionedWork(true);
        assertThat(raw).anyMatch(sql -> sql.startsWith("update versioned_counters") && sql.contains("version=?"));
        assertThat(safe).isEqualTo(raw);
    }

    /** Persists, reads, updates and deletes versioned counters over a recorded data source, wrapped or not. */
    private List<String> versionedWork(boolean throughSafeJdbc) throws Exception {
        List<String> sent = new CopyOnWriteArrayList<>();
        DataSource recorded = ProxyDataSourceBuilder.create(new DriverManagerDataSource(db.url()))
                .listener(new QueryExecutionListener() {
                    @Override
                    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
                        for (QueryInfo query : queries) {
                            String sql = query.getQuery();
                            // the application's statements, not the guard's catalog look-ups
                            if (sql.toLowerCase(Locale.ROOT).contains("versioned_counters ")
                                    || sql.contains("versioned_counters(")) {
                                sent.add(sql);
                            }
                        }
                    }

                    @Override
                    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
                    }
                }).build();
        try (SessionFactory sessions = ClaimRaceTest.hibernate(
                throughSafeJdbc ? SafeDataSource.wrap(recorded) : recorded, db.kind().hibernate(),
                VersionedCounter.class)) {
            sessions.inTransaction(session -> {
                for (int id = 1; id <= 3; id++) {
                    session.persist(new VersionedCounter(id));
                }
            });
            for (int id = 1; id <= 3; id++) {
                int each = id;
                sessions.inTransaction(session -> {
                    VersionedCounter counter = session.find(VersionedCounter.class, each);
                    counter.setV(counter.getV() + 1);
                });
            }
            sessions.inTransaction(session -> session.createSelectionQuery("from VersionedCounter where v > 0",
                    VersionedCounter.class).getResultList().forEach(counter -> counter.setV(counter.getV() + 1)));
            sessions.inTransaction(session -> session.remove(session.find(VersionedCounter.class, 3)));
        }
        return new ArrayList<>(sent);
    }
}
