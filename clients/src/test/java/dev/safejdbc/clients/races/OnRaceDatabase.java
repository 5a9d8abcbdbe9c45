package dev.safejdbc.clients.races;

import dev.safejdbc.it.TestDatabases;
import java.sql.SQLException;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;

/** A test that runs on a {@link RaceDatabase} of its own, dropped after it. */
abstract class OnRaceDatabase {
    final String name = TestDatabases.unique(getClass().getSimpleName().toLowerCase(Locale.ROOT));
    RaceDatabase.Opened db;

    /** Creates this test's database (or schema) on {@code on}. */
    void open(RaceDatabase on) throws SQLException {
        db = on.open(name);
    }

    @AfterEach
    void drop() throws Exception {
        if (db != null) {
            db.close();
        }
    }
}
