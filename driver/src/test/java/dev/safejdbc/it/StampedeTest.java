package dev.safejdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConnection;

/**
 * Incident 002: an unsynchronized check-then-create of a shared in-memory database. Sixty-four
 * threads released together open the first connection to a new named database: they must all
 * get the same one.
 */
class StampedeTest {
    private static final int THREADS = 64;

    @Test
    void rawFirstConnectionsRacingGetADatabaseEach() throws Exception {
        String url = "jdbc:sqlite:file:" + TestDatabases.unique("stampede") + "?mode=memory";
        List<Connection> opened = stampede(url);
        try {
            assertThat(physicalConnections(opened)).isEqualTo(THREADS);
            for (Connection connection : opened) {
                assertThat(rows(connection)).as("rows a thread sees").isOne();
            }
        } finally {
            closeAll(opened);
        }
    }

    @Test
    void firstConnectionsRacingGetOneDatabase() throws Exception {
        String url = "jdbc:safe:sqlite:file:" + TestDatabases.unique("stampede") + "?mode=memory";
        List<Connection> opened = stampede(url);
        try {
            assertThat(physicalConnections(opened)).as("physical connections behind the 64 logical ones").isOne();
            for (Connection connection : opened) {
                assertThat(rows(connection)).as("rows every thread sees").isEqualTo(THREADS);
            }
        } finally {
            closeAll(opened);
        }
    }

    /** Sixty-four threads, released together, each open a connection, create the table if absent and add a row. */
    private static List<Connection> stampede(String url) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Connection> opened = new ArrayList<>();
        try {
            List<Future<Connection>> results = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int id = i;
                results.add(pool.submit(() -> {
                    start.await(Await.SECONDS, TimeUnit.SECONDS);
                    Connection connection = DriverManager.getConnection(url);
                    try (Statement statement = connection.createStatement()) {
                        statement.executeUpdate("CREATE TABLE IF NOT EXISTS racers (id INTEGER PRIMARY KEY)");
                        statement.executeUpdate("INSERT INTO racers(id) VALUES (" + id + ")");
                    }
                    return connection;
                }));
            }
            for (Future<Connection> result : results) {
                opened.add(result.get(Await.SECONDS, TimeUnit.SECONDS));
            }
            return opened;
        } catch (Exception e) {
            closeAll(opened);
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    private static int physicalConnections(List<Connection> opened) throws Exception {
        Map<SQLiteConnection, Boolean> physical = new IdentityHashMap<>();
        for (Connection connection : opened) {
            physical.put(connection.unwrap(SQLiteConnection.class), true);
        }
        return physical.size();
    }

    private static int rows(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM racers")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void closeAll(List<Connection> opened) throws Exception {
        for (Connection connection : opened) {
            connection.close();
        }
    }
}
