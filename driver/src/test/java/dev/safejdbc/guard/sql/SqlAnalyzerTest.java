package dev.safejdbc.guard.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The keyword pre-filter, parse failures, the cache and thread safety. */
class SqlAnalyzerTest {
    private final SqlAnalyzer analyzer = new SqlAnalyzer(8);

    @ParameterizedTest
    @ValueSource(strings = {
            "PRAGMA foreign_keys = ON",
            "BEGIN",
            "SET search_path TO app",
            "CALL refresh(?)",
            "VALUES (1)",
            "EXPLAIN SELECT a FROM t WHERE id = ?",
            "MERGE INTO t USING u ON t.id = u.id WHEN MATCHED THEN DELETE",
            "COMMIT",
            "SELECT 1",
            "{call refresh(?)}",
            "ROLLBACK TO SAVEPOINT s",
            "UPDATE t SET a = 1",
            "DELETE FROM t",
            "updates_log",
            "select2 a from t",
            "",
            "   ",
            "-- only a comment",
            "/* unterminated SELECT a FROM t WHERE id = ?"})
    void preFilterAnswersWithoutParsingOrCaching(String sql) {
        assertThat(analyzer.analyze(sql)).isSameAs(Analyses.notKeyed(sql));
        assertThat(analyzer.parseCount()).isZero();
        assertThat(analyzer.cachedCount()).isZero();
    }

    /** Where a transaction begins or ends in SQL, what was read before says nothing about what follows. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"BEGIN|BEGINS", "begin transaction|BEGINS", "BEGIN IMMEDIATE|BEGINS",
            "BEGIN EXCLUSIVE TRANSACTION|BEGINS", "START TRANSACTION|BEGINS", "START TRANSACTION READ WRITE|BEGINS",
            "SAVEPOINT s|BEGINS", "COMMIT|ENDS", "commit work|ENDS", "END|ENDS", "END TRANSACTION|ENDS",
            "ROLLBACK|ENDS", "ROLLBACK WORK|ENDS", "ABORT|ENDS", "RELEASE SAVEPOINT s|BEGINS_OR_ENDS",
            "XA COMMIT 'x'|BEGINS_OR_ENDS"})
    void transactionBoundaries(String sql, TransactionBoundary boundary) {
        assertThat(analyzer.analyze(sql)).isSameAs(boundary);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ROLLBACK TO SAVEPOINT s", "rollback to s", "ROLLBACK TRANSACTION TO SAVEPOINT s",
            "ROLLBACK WORK\nTO s"})
    void aRollbackToASavepointIsAnOtherWrite(String sql) {
        assertThat(analyzer.analyze(sql)).isSameAs(OtherWrite.INSTANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "WITH x AS (SELECT 1) SELECT * FROM x WHERE id = ?",
            "select count(*) from t",
            "SELECT lower(name), now() FROM t",
            "SELECT nextval('s')"})
    void readsOfBuiltInsOrThroughWithAreUnrelated(String sql) {
        assertThat(analyzer.analyze(sql)).isSameAs(Unrelated.INSTANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT bump(?)",
            "SELECT id, v FROM acc WHERE id = bump(?)",
            "SELECT 1; UPDATE acc SET v = 1",
            "WITH u AS (UPDATE acc SET v = 9 WHERE id = 5 RETURNING v) SELECT * FROM u",
            "WITH w AS (SELECT 4 AS k) UPDATE acc SET v = 9 WHERE id IN (SELECT k FROM w)",
            "UPDATE acc SET v = bump(v) WHERE id = ?",
            "INSERT INTO acc (id, v) VALUES (?, bump(1))"})
    void statementsThatMayWriteAnythingAreOtherWrites(String sql) {
        assertThat(analyzer.analyze(sql)).isSameAs(OtherWrite.INSTANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE t (id INT PRIMARY KEY)",
            "create unique index t_a on t(a)",
            "ALTER TABLE t ADD COLUMN b INT",
            "DROP TABLE t",
            "TRUNCATE TABLE t",
            "RENAME TABLE t TO u",
            "  -- migration 7\n/* note */ ( Alter table t drop column b"})
    void schemaChangesAreRecognizedWithoutParsing(String sql) {
        assertThat(analyzer.analyze(sql)).isSameAs(SchemaChange.INSTANCE);
        assertThat(analyzer.parseCount()).isZero();
        assertThat(analyzer.cachedCount()).isZero();
    }

    @Test
    void longSchemaChangeIsStillASchemaChange() {
        String migration = "CREATE TABLE t (id INT PRIMARY KEY" + ", c INT".repeat(SqlAnalyzer.MAX_SQL_LENGTH) + ")";

        assertThat(analyzer.analyze(migration)).isSameAs(SchemaChange.INSTANCE);
    }

    @Test
    void leadingCommentsAndParenthesesAreSkipped() {
        Analysis analysis = analyzer.analyze("-- hot path\n /* lookup */ (SELECT a FROM t WHERE id = ?)");

        assertThat(analysis).isInstanceOf(KeyedSelect.class);
        assertThat(analyzer.parseCount()).isEqualTo(1);
    }

    @Test
    void nullIsUnrelatedAndOverlongSelectMayWrite() {
        String overlong = "SELECT a FROM t WHERE id = ? AND note = '" + "x".repeat(SqlAnalyzer.MAX_SQL_LENGTH) + "'";

        assertThat(analyzer.analyze(null)).isSameAs(Unrelated.INSTANCE);
        assertThat(analyzer.analyze(overlong)).isSameAs(OtherWrite.INSTANCE);
        assertThat(analyzer.parseCount()).isZero();
    }

    @Test
    void garbageMayWriteAndIsParsedOnlyOnce() {
        String garbage = "select from where ( ' ? ;;";

        assertThat(analyzer.analyze(garbage)).isSameAs(OtherWrite.INSTANCE);
        assertThat(analyzer.analyze(garbage)).isSameAs(OtherWrite.INSTANCE);
        assertThat(analyzer.parseCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT a FROM t WHERE x = 0x1F AND id = ?", // JSqlParser lexes "0x1F A" as one token
            "SELECT a FROM t WHERE note = E'it\\'s' AND id = ?",
            "UPDATE t SET a = 1 WHERE CURRENT OF c",
            "DELETE FROM t WHERE id = ? # mysql comment",
            "INSERT INTO t (a) VALUES ('unterminated)",
            "UPDATE",
            "SELECT a FROM t WHERE id = \u0000"})
    void unparseableIsUnrelatedOrAnOtherWrite(String sql) {
        assertThat(analyzer.analyze(sql)).isSameAs(Analyses.notKeyed(sql));
    }

    @Test
    @Timeout(10)
    void hostileNestingIsRefusedQuickly() {
        String deep = "SELECT a FROM t WHERE id = " + "(".repeat(5000) + "1" + ")".repeat(5000);
        String nots = "SELECT a FROM t WHERE id = ? AND " + "NOT ".repeat(3000) + "x";
        String cases = "SELECT a FROM t WHERE id = ? AND x = " + "coalesce(".repeat(1500) + "1" + ")".repeat(1500);

        assertThat(analyzer.analyze(deep)).isSameAs(OtherWrite.INSTANCE);
        assertThat(analyzer.analyze(nots)).isSameAs(OtherWrite.INSTANCE);
        assertThat(analyzer.analyze(cases)).isSameAs(OtherWrite.INSTANCE);
    }

    @Test
    void parserStackOverflowIsAQueryThatMayWrite() throws InterruptedException {
        // ARRAY[...] nesting escapes the parenthesis-depth check and makes JSqlParser recurse until it overflows
        String arrays = "SELECT a FROM t WHERE id = ? AND x = " + "ARRAY[".repeat(2000) + "1" + "]".repeat(2000);
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread smallStack = new Thread(null, () -> {
            try {
                outcome.set(analyzer.analyze(arrays));
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "small-stack", 256 * 1024);
        smallStack.start();
        smallStack.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(outcome.get()).isSameAs(OtherWrite.INSTANCE);
    }

    @Test
    void cacheHitReturnsTheIdenticalInstanceWithoutParsing() {
        String sql = "SELECT a FROM t WHERE id = ?";

        Analysis first = analyzer.analyze(sql);
        Analysis second = analyzer.analyze(sql);

        assertThat(second).isSameAs(first);
        assertThat(analyzer.parseCount()).isEqualTo(1);
        assertThat(analyzer.analyze(sql + " ")).isEqualTo(first).isNotSameAs(first); // keyed by exact text
        assertThat(analyzer.parseCount()).isEqualTo(2);
    }

    @Test
    void cacheIsBoundedAndKeepsWhatIsUsed() {
        String hot = "SELECT a FROM t WHERE id = ?";
        Analysis hotAnalysis = analyzer.analyze(hot);
        for (int i = 0; i < 50; i++) {
            analyzer.analyze("UPDATE t SET a = " + i + " WHERE id = ?");
            analyzer.analyze(hot); // keeps it the most recently used
            assertThat(analyzer.cachedCount()).isLessThanOrEqualTo(8);
        }
        assertThat(analyzer.cachedCount()).isBetween(4, 8);
        long parses = analyzer.parseCount();

        assertThat(analyzer.analyze(hot)).isSameAs(hotAnalysis);
        analyzer.analyze("UPDATE t SET a = 0 WHERE id = ?"); // evicted long ago
        assertThat(analyzer.parseCount()).isEqualTo(parses + 1);
    }

    @Test
    void zeroCacheSizeDisablesCaching() {
        SqlAnalyzer uncached = new SqlAnalyzer(0);

        assertThat(uncached.analyze("DELETE FROM t WHERE id = ?")).isInstanceOf(KeyedDelete.class);
        assertThat(uncached.analyze("DELETE FROM t WHERE id = ?")).isInstanceOf(KeyedDelete.class);
        assertThat(uncached.parseCount()).isEqualTo(2);
        assertThat(uncached.cachedCount()).isZero();
    }

    @Test
    void negativeCacheSizeIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SqlAnalyzer(-1));
    }

    @Test
    void concurrentAnalysesAgreeWithSequentialOnesAndRespectTheBound() throws Exception {
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            statements.add("SELECT a, b FROM t" + i + " WHERE id = ? AND kind = " + i);
            statements.add("UPDATE t" + i + " SET n = n + 1 WHERE id = ?");
            statements.add("INSERT INTO t" + i + " (id, v) VALUES (?, " + i + ")");
            statements.add("WITH x AS (SELECT " + i + ") SELECT * FROM x");
        }
        Map<String, Analysis> expected = new HashMap<>();
        SqlAnalyzer reference = new SqlAnalyzer(0);
        statements.forEach(sql -> expected.put(sql, reference.analyze(sql)));

        SqlAnalyzer shared = new SqlAnalyzer(16);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int seed = t;
                Callable<Integer> worker = () -> {
                    start.await();
                    int mismatches = 0;
                    for (int i = 0; i < 2_000; i++) {
                        String sql = statements.get((i * 7 + seed * 13) % statements.size());
                        if (!shared.analyze(sql).equals(expected.get(sql))) {
                            mismatches++;
                        }
                    }
                    return mismatches;
                };
                results.add(pool.submit(worker));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(shared.cachedCount()).isLessThanOrEqualTo(16);
        String any = statements.get(0);
        assertThat(shared.analyze(any)).isSameAs(shared.analyze(any));
    }
}
