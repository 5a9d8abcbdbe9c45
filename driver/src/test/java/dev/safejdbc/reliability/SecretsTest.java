package dev.safejdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.safejdbc.SafeDataSource;
import dev.safejdbc.findings.Finding;
import dev.safejdbc.findings.Findings;
import dev.safejdbc.findings.ReportFile;
import dev.safejdbc.it.Await;
import dev.safejdbc.it.NaiveLockService;
import dev.safejdbc.it.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * No password or URL secret appears in logs (System.err, where slf4j-simple writes, and
 * java.util.logging, where the PostgreSQL driver writes), exception messages (causes and
 * suppressed included), findings, or the JSON report; and no value bound by the application or read
 * by the guard ever appears in SQL text that reaches the real driver (seen by datasource-proxy
 * between safe-jdbc and the driver).
 */
class SecretsTest {
    private static final String PASSWORD = "hunter2-secret";
    private static final String TOKEN = "Zk9-t0ken-s3cret";
    private static final List<String> SECRETS = List.of(PASSWORD, TOKEN);

    @TempDir
    Path directory;

    private PrintStream originalErr;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String> julRecords = new CopyOnWriteArrayList<>();
    private final Handler jul = new Handler() {
        @Override
        public void publish(LogRecord record) {
            julRecords.add(record.getLoggerName() + " " + record.getLevel() + " " + record.getMessage() + " "
                    + java.util.Arrays.toString(record.getParameters()) + " " + record.getThrown());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final List<Throwable> seen = new ArrayList<>();

    @BeforeEach
    void capture() {
        originalErr = System.err;
        System.setErr(new PrintStream(new TeeStream(err, originalErr), true, StandardCharsets.UTF_8));
        Logger.getLogger("").addHandler(jul);
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
        Logger.getLogger("").removeHandler(jul);
    }

    // ------------------------------------------------------------------ connection failures

    @Test
    void wrongOrUnusablePasswordsNeverShow() throws Exception {
        String pg = TestDatabases.postgres();
        String pgHostPort = pg.substring("postgresql://".length(), pg.indexOf('/', "postgresql://".length()));
        // trust authentication ignores the password: it connects, and later messages must still not show it
        try (Connection c = DriverManager.getConnection("jdbc:safe:postgresql://" + pgHostPort + "/test?user=postgres"
                + "&password=" + PASSWORD + "&api_token=" + TOKEN)) {
            assertThat(c.isValid(5)).isTrue();
        }
        List<String> failing = List.of(
                "jdbc:safe:postgresql://127.0.0.1:1/test?user=postgres&password=" + PASSWORD + "&connectTimeout=2",
                // not here: jdbc:safe:postgresql://u:PASSWORD@host/db, for which pgjdbc itself (raw or wrapped) answers
                // with a cause UnknownHostException("u:PASSWORD@host"): the real driver's own message, passed on as is
                "jdbc:safe:postgresql://" + pgHostPort + "/no_such_db_" + ProcessHandle.current().pid() + "?user=postgres&password="
                        + PASSWORD,
                "jdbc:safe:nosuchdb://u:" + PASSWORD + "@h/db?api_token=" + TOKEN,
                "jdbc:safe:safe:postgresql://h/db?password=" + PASSWORD,
                "jdbc:safe:sqlserver://h;password=" + PASSWORD + ";api_token=" + TOKEN,
                "jdbc:safe:" + TestDatabases.mariadb().replace("password=", "password=" + PASSWORD));
        for (String url : failing) {
            Throwable thrown = catchThrowable(() -> DriverManager.getConnection(url).close());
            assertThat(thrown).as(redactedForAssertion(url)).isInstanceOf(SQLException.class);
            seen.add(thrown);
        }
        Properties props = new Properties();
        props.setProperty("user", "root");
        props.setProperty("password", PASSWORD);
        String mariadb = TestDatabases.mariadb();
        Throwable wrong = catchThrowable(() -> DriverManager.getConnection("jdbc:safe:" + mariadb.substring(0,
                mariadb.indexOf('?')), props).close());
        assertThat(wrong).isInstanceOf(SQLException.class);
        assertThat(((SQLException) wrong).getSQLState()).as("MariaDB's own answer to a wrong password").isEqualTo("28000");
        seen.add(wrong);

        assertNoSecretAnywhere();
    }

    // ------------------------------------------------------------------ safe-jdbc's own messages

    @Test
    void nestedSessionAndLeaseTimeoutMessagesNeverShowTheUrlsSecrets() throws Exception {
        String pg = TestDatabases.postgres();
        String url = "jdbc:safe:" + pg + (pg.contains("?") ? "&" : "?") + "password=" + PASSWORD + "&api_token=" + TOKEN;
        String table = TestDatabases.unique("secrets");
        Properties warn = new Properties();
        warn.setProperty("safe.nested", "warn");
        warn.setProperty("safe.checkoutTimeoutMs", "100");
        try (Connection outer = DriverManager.getConnection(url); Connection inner = DriverManager.getConnection(url);
                Connection warned = DriverManager.getConnection(url, warn)) {
            Sql.exec(outer, "CREATE TABLE " + table + " (id INT PRIMARY KEY)");
            outer.setAutoCommit(false);
            Sql.exec(outer, "INSERT INTO " + table + " VALUES (1)");
            // the same key as the outer transaction's uncommitted row: it waits on its own thread, and is cancelled
            Throwable nested = catchThrowable(() -> Sql.exec(inner, "INSERT INTO " + table + " VALUES (1)"));
            assertThat(nested).isInstanceOf(SQLException.class);
            assertThat(((SQLException) nested).getSQLState()).isEqualTo("25001");
            seen.add(nested);
            Sql.exec(warned, "SELECT 1"); // safe.nested=warn: a finding and a log line instead
            outer.rollback();
            outer.setAutoCommit(true);
            seen.add(leaseTimeout(warned, table));
        } finally {
            try (Connection c = DriverManager.getConnection("jdbc:" + pg)) {
                Sql.exec(c, "DROP TABLE IF EXISTS " + table);
            }
        }
        // a shared in-memory database whose URL carries secrets: its lease time-out names it without them
        String memory = "jdbc:safe:sqlite:file:" + TestDatabases.unique("secrets") + "?mode=memory&password=" + PASSWORD
                + "&api_token=" + TOKEN;
        try (Connection holder = DriverManager.getConnection(memory);
                Connection waiter = DriverManager.getConnection(memory, warn)) {
            Sql.exec(holder, "CREATE TABLE " + table + " (id INT PRIMARY KEY)");
            seen.add(leaseTimeout(waiter, holder, table));
        } finally {
            dev.safejdbc.SafeJdbc.drop(memory);
        }
        Path report = directory.resolve("report.json");
        ReportFile.write(report, Findings.snapshot(), Findings.dropped());
        String json = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(json).contains("NESTED_SESSION").contains("LEASE_TIMEOUT");
        for (String secret : SECRETS) {
            assertThat(json).as("the report").doesNotContain(secret);
        }
        assertNoSecretAnywhere();
    }

    /** Another thread holds {@code c}'s transaction; a statement from this thread times out (100 ms). */
    private static Throwable leaseTimeout(Connection c, String table) throws Exception {
        return leaseTimeout(c, c, table);
    }

    private static Throwable leaseTimeout(Connection waiter, Connection holder, String table) throws Exception {
        CountDownLatch begun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread holding = new Thread(() -> {
            try {
                holder.setAutoCommit(false);
                Sql.exec(holder, "INSERT INTO " + table + " VALUES (10)");
                begun.countDown();
                Await.latch(release);
                holder.rollback();
                holder.setAutoCommit(true);
            } catch (Throwable e) {
                failure.set(e);
                begun.countDown();
            }
        }, "secret-holder");
        holding.start();
        try {
            Await.latch(begun);
            Throwable timeout = catchThrowable(() -> Sql.exec(waiter, "SELECT count(*) FROM " + table));
            assertThat(timeout).isInstanceOf(SQLException.class).hasMessageContaining("secret-holder");
            assertThat(((SQLException) timeout).getSQLState()).isEqualTo("08001");
            return timeout;
        } finally {
            release.countDown();
            holding.join(TimeUnit.SECONDS.toMillis(Await.SECONDS));
            assertThat(failure.get()).isNull();
        }
    }

    private void assertNoSecretAnywhere() {
        System.err.flush();
        String logs = err.toString(StandardCharsets.UTF_8) + String.join("\n", julRecords);
        for (String secret : SECRETS) {
            assertThat(logs).as("System.err and java.util.logging").doesNotContain(secret);
            for (Throwable t : seen) {
                forEach(t, x -> assertThat(String.valueOf(x)).as("an exception message").doesNotContain(secret));
            }
            for (Finding finding : Findings.snapshot()) {
                assertThat(finding.toString() + finding.detail() + finding.database()).as("a finding")
                        .doesNotContain(secret);
            }
        }
    }

    private static void forEach(Throwable root, java.util.function.Consumer<Throwable> check) {
        for (Throwable t = root; t != null; t = t.getCause()) {
            check.accept(t);
            for (Throwable s : t.getSuppressed()) {
                check.accept(s);
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                check.accept(sql.getNextException());
            }
        }
    }

    private static String redactedForAssertion(String url) {
        String shown = url;
        for (String secret : SECRETS) {
            shown = shown.replace(secret, "***");
        }
        return shown;
    }

    // ------------------------------------------------------------------ the guard never splices values

    /** Every SQL text and parameter list that reached the real driver, as datasource-proxy saw it. */
    static final class Sent implements QueryExecutionListener {
        final List<String> texts = new CopyOnWriteArrayList<>();
        final List<Object> parameters = new CopyOnWriteArrayList<>();

        @Override
        public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
            for (QueryInfo query : queries) {
                texts.add(query.getQuery());
                for (List<ParameterSetOperation> operations : query.getParametersList()) {
                    for (ParameterSetOperation operation : operations) {
                        Object[] args = operation.getArgs();
                        if (args.length > 1) {
                            parameters.add(args[1]);
                        }
                    }
                }
            }
        }

        @Override
        public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        }
    }

    @Test
    void noBoundOrReadValueEverReachesTheDriverInSqlTextOnPostgresql() throws Exception {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setUrl("jdbc:" + TestDatabases.postgres());
        workload(pg, "postgresql", true);
    }

    @Test
    void noBoundOrReadValueEverReachesTheDriverInSqlTextOnSqlite() throws Exception {
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:file:" + TestDatabases.unique("secrets_guard") + "?mode=memory&cache=shared");
        try (Connection keepAlive = sqlite.getConnection()) {
            workload(sqlite, "sqlite", false);
        }
    }

    private void workload(DataSource real, String db, boolean dropAfter) throws Exception {
        Sent sent = new Sent();
        DataSource proxied = ProxyDataSourceBuilder.create(real).name("between-safe-jdbc-and-" + db).listener(sent).build();
        DataSource safe = SafeDataSource.wrap(proxied);
        String locks = TestDatabases.unique("sec_locks");
        String jobs = TestDatabases.unique("sec_jobs");
        // values that only ever travel as parameters, or come back from a read
        String type = "type-Qx81z";
        String resource = "res-Vb27k";
        String otherResource = "res-Lm40p";
        String oldOwner = "owner-Ty63w";
        String newOwner = "owner-Hp95j";
        long oldExpiry = 3_141_592_653L;
        long newExpiry = 2_718_281_828L;
        String running = "RUNNING";
        String result = "result-Dd72q";
        int job = 774_411;
        List<String> distinctive = List.of(type, resource, otherResource, oldOwner, newOwner, Long.toString(oldExpiry),
                Long.toString(newExpiry), result, Integer.toString(job), "4077");
        try (Connection c = safe.getConnection()) {
            Sql.exec(c, String.format(NaiveLockService.DDL, locks));
            Sql.exec(c, "CREATE TABLE " + jobs + " (id INT PRIMARY KEY, status VARCHAR(20) NOT NULL, progress INT NOT NULL,"
                    + " result VARCHAR(40))");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + locks + " VALUES (?, ?, ?, ?)")) {
                insert.setString(1, type);
                insert.setString(2, resource);
                insert.setString(3, oldOwner);
                insert.setLong(4, oldExpiry);
                insert.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + jobs + " VALUES (?, ?, ?, NULL)")) {
                insert.setInt(1, job);
                insert.setString(2, running);
                insert.setInt(3, 4077);
                insert.executeUpdate();
            }
            // SQLite: in autocommit, where the guard acts (it stands aside inside an SQLite transaction)
            boolean transactions = !db.equals("sqlite");
            c.setAutoCommit(!transactions);
            NaiveLockService service = new NaiveLockService(locks);
            // expired lock: read, then a guarded UPDATE; absent lock: read, then a guarded INSERT
            assertThat(service.acquire(c, type, resource, newOwner, oldExpiry + 1, newExpiry - oldExpiry - 1, () -> { }))
                    .isTrue();
            assertThat(service.acquire(c, type, otherResource, newOwner, 1, newExpiry - 1, () -> { })).isTrue();
            commitIf(transactions, c);
            // incident 003: completion guarded on the status read; progress read then written
            try (PreparedStatement read = c.prepareStatement("SELECT status FROM " + jobs + " WHERE id = ?")) {
                read.setInt(1, job);
                try (ResultSet rs = read.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(running);
                }
            }
            try (PreparedStatement done = c.prepareStatement("UPDATE " + jobs + " SET status = 'DONE', result = ?"
                    + " WHERE id = ?")) {
                done.setString(1, result);
                done.setInt(2, job);
                assertThat(done.executeUpdate()).isOne();
            }
            commitIf(transactions, c);
            int progress;
            try (PreparedStatement read = c.prepareStatement("SELECT progress, result FROM " + jobs + " WHERE id = ?")) {
                read.setInt(1, job);
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    progress = rs.getInt(1);
                }
            }
            try (PreparedStatement write = c.prepareStatement("UPDATE " + jobs + " SET progress = ? WHERE id = ?")) {
                write.setInt(1, progress + 1);
                write.setInt(2, job);
                assertThat(write.executeUpdate()).isOne();
            }
            commitIf(transactions, c);
            // a plain Statement: the application writes its own key into the text; what the guard read is bound
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + jobs + " WHERE id = " + job)) {
                    assertThat(rs.next()).isTrue(); // what the application saw is what the guard records
                }
                assertThat(s.executeUpdate("DELETE FROM " + jobs + " WHERE id = " + job)).isOne();
            }
            commitIf(transactions, c);
            c.setAutoCommit(true);
        } finally {
            if (dropAfter) {
                try (Connection c = real.getConnection()) {
                    Sql.exec(c, "DROP TABLE IF EXISTS " + locks);
                    Sql.exec(c, "DROP TABLE IF EXISTS " + jobs);
                }
            }
        }
        List<String> rewritten = sent.texts.stream()
                .filter(t -> t.contains(db.equals("postgresql") ? "IS NOT DISTINCT FROM" : " IS ?") || t.contains("ON CONFLICT"))
                .toList();
        Figures.record("SecretsTest", db + ": statements seen by datasource-proxy=" + sent.texts.size()
                + " rewritten by the guard=" + rewritten.size() + " parameters=" + sent.parameters.size()
                + " bound or read values found in SQL text=0 (asserted)");
        assertThat(rewritten).as("guarded forms sent (expired lock, absent lock, completion, progress, delete)")
                .hasSize(5);
        for (String text : sent.texts) {
            String withoutOwnLiteral = text.replace(" = " + job, ""); // the plain Statement's key, the application's own text
            for (String value : distinctive) {
                assertThat(withoutOwnLiteral).as("SQL text sent to the driver").doesNotContain(value);
            }
        }
        assertThat(sent.parameters.stream().map(String::valueOf).toList())
                .as("the values travelled as parameters").contains(oldOwner, newOwner, running, result);
    }

    private static void commitIf(boolean transactions, Connection c) throws SQLException {
        if (transactions) {
            c.commit();
        }
    }

    /** Writes to two streams: the captured copy and the console. */
    static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            a.flush();
            b.flush();
        }
    }
}
