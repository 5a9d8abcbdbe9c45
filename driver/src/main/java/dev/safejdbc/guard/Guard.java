package dev.safejdbc.guard;

import dev.safejdbc.config.ConflictPolicy;
import dev.safejdbc.config.Mode;
import dev.safejdbc.config.SafeOptions;
import dev.safejdbc.database.Database;
import dev.safejdbc.database.Dialect;
import dev.safejdbc.findings.AppFrames;
import dev.safejdbc.findings.FindingKind;
import dev.safejdbc.findings.Findings;
import dev.safejdbc.guard.sql.Analysis;
import dev.safejdbc.guard.sql.BuiltInFunctions;
import dev.safejdbc.guard.sql.Equality;
import dev.safejdbc.guard.sql.KeyedDelete;
import dev.safejdbc.guard.sql.KeyedSelect;
import dev.safejdbc.guard.sql.KeyedUpdate;
import dev.safejdbc.guard.sql.OtherWrite;
import dev.safejdbc.guard.sql.ProbeText;
import dev.safejdbc.guard.sql.ResultRows;
import dev.safejdbc.guard.sql.RowInsert;
import dev.safejdbc.guard.sql.RowsSelect;
import dev.safejdbc.guard.sql.SchemaChange;
import dev.safejdbc.guard.sql.SqlAnalyzer;
import dev.safejdbc.guard.sql.TableName;
import dev.safejdbc.guard.sql.TransactionBoundary;
import dev.safejdbc.guard.sql.Unrelated;
import dev.safejdbc.session.Session;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The check-then-act guard of one logical connection. A keyed read records what it saw; a write
 * of the same key is then sent with conditions that what was read still holds (an update or
 * delete) or that the key is still free (an insert). Zero rows written is a lost race.
 */
public final class Guard {
    /** One per dialect: which functions are known built-ins, and so what a statement may write, differs. */
    private static final Map<Dialect, SqlAnalyzer> ANALYZERS = analyzers();
    /** For a database safe-jdbc has no dialect for: only the functions all four have are known. */
    private static final SqlAnalyzer STANDARD_ANALYZER = new SqlAnalyzer(4096, BuiltInFunctions.STANDARD);
    /** No guard: nothing is analyzed. */
    public static final Guard OFF = new Guard(null, false, ConflictPolicy.THROW);
    /**
     * Each database's guards, one per mode and conflict policy: a guard keeps nothing of its own connection's,
     * so the connections to one database share it (an open connection should cost little heap).
     */
    private static final Database.Slot<Guard[]> OF_DATABASE =
            new Database.Slot<>(() -> new Guard[2 * ConflictPolicy.values().length]);
    /** Guard off analyzes nothing, so it never reads or fills a memo: its statements share this one. */
    private static final StatementMemo UNUSED_MEMO = new StatementMemo();
    private static final int[] NOTHING_COMPARED = {};
    private static final String ZERO_UNCHECKED = "it wrote no row, and safe-jdbc could not look the row up again to"
            + " tell a lost race from a trigger or rule that skipped it: the 0 is returned as the database gave it";
    private static final String DUPLICATE_UNCHECKED = "it failed with a duplicate key, and safe-jdbc could not look"
            + " the key up again to tell a lost race from a duplicate of another key: the driver's error is rethrown";
    /** Why the reads before an opaque statement guard nothing. */
    private static final String OPAQUE = "a statement that may change any row (a call of a function or procedure that"
            + " is not a known built-in, an upsert, a data-modifying WITH, several statements in one, SET, or"
            + " text safe-jdbc cannot parse) ran between the read and this write";

    private final Database db;
    /** The database's identity, as findings name it. */
    private final String database;
    private final Dialect dialect;
    private final KeyCatalog catalog;
    private final WriteReach reach;
    private final boolean enforce;
    private final ConflictPolicy onConflict;
    /** DDL is sent as written, and may have changed the keys: the catalog forgets them after it. */
    private final WritePlan schemaChange;
    /** Whether the database's transactions are serializable, so an enforcing guard stands aside in them ({@link #standsAside}). */
    private final boolean serializableTransactions;

    private Guard(Database db, boolean enforce, ConflictPolicy onConflict) {
        this.db = db;
        this.database = db == null ? null : db.identity();
        this.dialect = db == null ? null : db.dialect();
        this.catalog = db == null ? null : db.state(KeyCatalog.OF_DATABASE);
        this.reach = db == null ? null : db.state(WriteReach.OF_DATABASE);
        this.enforce = enforce;
        this.onConflict = onConflict;
        this.schemaChange = catalog == null ? WritePlan.AS_WRITTEN : WritePlan.schemaChange(catalog);
        this.serializableTransactions = dialect == Dialect.SQLITE;
    }

    private static Map<Dialect, SqlAnalyzer> analyzers() {
        Map<Dialect, SqlAnalyzer> analyzers = new EnumMap<>(Dialect.class);
        for (Dialect dialect : Dialect.values()) {
            analyzers.put(dialect, new SqlAnalyzer(4096, switch (dialect) {
                case POSTGRESQL -> BuiltInFunctions.POSTGRESQL;
                case MARIADB -> BuiltInFunctions.MARIADB;
                case SQLITE -> BuiltInFunctions.SQLITE;
                case H2 -> BuiltInFunctions.H2;
            }));
        }
        return analyzers;
    }

    /** The guard for a connection to {@code database}; {@link #OFF} when the options say so. */
    public static Guard of(Database database, SafeOptions options) {
        if (!options.guard() || options.mode() == Mode.OFF) {
            return OFF;
        }
        boolean enforce = options.mode() == Mode.ENFORCE;
        Guard[] guards = database.state(OF_DATABASE);
        int index = (enforce ? ConflictPolicy.values().length : 0) + options.onConflict().ordinal();
        Guard guard = guards[index];
        if (guard == null) {
            guard = new Guard(database, enforce, options.onConflict());
            guards[index] = guard; // a race makes two equal guards: either serves
        }
        return guard;
    }

    /**
     * What the guard works out for {@code sql} on this database, shared by every statement that
     * prepares the same text (applications prepare anew in each transaction).
     */
    StatementMemo memo(String sql) {
        return this == OFF ? UNUSED_MEMO : StatementMemo.of(db, sql);
    }

    Analysis analyze(String sql) {
        return this == OFF || sql == null ? Unrelated.INSTANCE
                : (dialect == null ? STANDARD_ANALYZER : ANALYZERS.get(dialect)).analyze(sql);
    }

    /**
     * Whether the guard leaves {@code session}'s statement alone, as with the guard off: it records no read and
     * rewrites no write. So on SQLite inside a JDBC transaction (autocommit off). Why: SQLite transactions are
     * serializable (a transaction whose row changed since it read it fails with {@code SQLITE_BUSY}, on a file in
     * either journal mode), and on a shared in-memory database the lease holds the one connection for the whole
     * transaction; so a compare-and-set there can fail only on the transaction's own writes the guard did not see:
     * a false 40001, never a lost race. Not so in autocommit, nor in a transaction begun in SQL in autocommit:
     * the lease does not hold that one, so another session's statements may run inside it. Those stay guarded.
     * Report mode changes nothing anyway, and records its findings there as everywhere: a check-then-act site
     * is worth knowing before the same code runs on a database whose transactions are not serializable.
     */
    boolean standsAside(Session session) {
        return serializableTransactions && enforce && session.inTransaction();
    }

    /** The plan of a write the guard leaves as written. */
    WritePlan asWritten(Analysis analysis) {
        return analysis == SchemaChange.INSTANCE ? schemaChange : WritePlan.AS_WRITTEN;
    }

    /**
     * {@code session} rolled back to a savepoint: what its transaction read since may be undone, and what it
     * wrote too, so its reads end.
     */
    public void rolledBackToSavepoint(Session session) {
        session.attachment(ReadLog.OF_SESSION).invalidate("a rollback to a savepoint ran between the read and"
                + " this write");
    }

    /**
     * Pools (HikariCP, DBCP) reset a connection they take back with {@code clearWarnings()}: what
     * the last borrower read in autocommit must not guard the next borrower's writes.
     */
    public void connectionReset(Session session) {
        if (!session.inTransaction()) {
            session.attachment(ReadLog.OF_SESSION).clear();
        }
    }

    /** DDL ran in a batch, as written: the keys it may have changed are read again. */
    void schemaChanged() {
        if (catalog != null) {
            catalog.forget();
        }
    }

    /** Before a read runs: what to record of its result ({@link ReadCapture#NONE} when nothing). */
    ReadCapture read(Analysis analysis, BoundValues bound, ReadLog log, Connection physical,
            StatementMemo memo, Supplier<AppFrames> site) throws SQLException {
        ResultRows rows;
        if (analysis instanceof KeyedSelect select) {
            RowNaming naming = memo.naming(catalog, dialect, select.table(), select.equalities(), physical);
            RowKey row = naming.rowKey(bound);
            if (row != null) {
                boolean exact = select.onlyEqualities() && naming.whereIsKey();
                return new KeyedReadCapture(log, row, select, exact, dialect, naming.keys(), memo, site.get());
            }
            rows = select.rows(); // its WHERE names no row by key: the rows it returns may carry their keys
        } else if (analysis instanceof RowsSelect select) {
            rows = select.rows();
        } else {
            if (analysis != Unrelated.INSTANCE && !log.isEmpty()) {
                queriedWrite(analysis, bound, log, physical, memo);
            }
            return ReadCapture.NONE;
        }
        if (rows == null) {
            return ReadCapture.NONE;
        }
        List<TableKeys> keys = new ArrayList<>(rows.tables().size());
        boolean anyKeys = false;
        for (TableName table : rows.tables()) {
            TableKeys tableKeys = catalog.keys(table, dialect, physical);
            keys.add(tableKeys);
            anyKeys |= tableKeys.hasKeys();
        }
        return anyKeys ? new ReturnedRowsCapture(log, rows, keys, dialect, memo, site.get()) : ReadCapture.NONE;
    }

    /**
     * A write run through {@code executeQuery} (RETURNING), or a query that may write (it calls a function
     * that is not a known built-in, it modifies data in WITH): sent as written, it ends the reads it may
     * have changed.
     */
    private void queriedWrite(Analysis analysis, BoundValues bound, ReadLog log, Connection physical,
            StatementMemo memo) throws SQLException {
        Observation read = null;
        if (analysis instanceof KeyedUpdate update) {
            RowNaming naming = memo.naming(catalog, dialect, update.table(), update.equalities(), physical);
            read = claimOrForget(update.table(), naming, bound, log);
            forgetIfKeyMoves(update, naming.keys(), log);
        } else if (analysis instanceof KeyedDelete delete) {
            read = claimOrForget(delete.table(),
                    memo.naming(catalog, dialect, delete.table(), delete.equalities(), physical), bound, log);
        } else if (analysis instanceof RowInsert insert) {
            KeyValues row = KeyValues.ofColumns(insert.columns(), insert.values(), bound);
            if (row == null) {
                log.forget(insert.table());
            } else {
                read = log.claim(insert.table(), row::matches);
            }
        } else if (analysis instanceof TransactionBoundary boundary) {
            log.clear(boundary);
        } else {
            log.invalidate(OPAQUE);
            if (analysis == SchemaChange.INSTANCE) {
                catalog.forget();
            }
        }
        TableName table = writtenTable(analysis);
        if (read != null) {
            record(FindingKind.UNGUARDED_CHECK_THEN_ACT, verb(analysis), table, read,
                    "a write run through executeQuery is sent as written");
        }
        endReachedReads(table, log, physical);
    }

    /** Before a write runs: its guarded form, or null to send it exactly as written. */
    GuardedWrite write(Analysis analysis, BoundValues bound, ReadLog log, Connection physical,
            StatementMemo memo) throws SQLException {
        if (log.isEmpty()) {
            if (analysis instanceof TransactionBoundary boundary) {
                log.clear(boundary); // nothing read, but which transaction later reads are in
            }
            return null; // nothing read: nothing to guard, report or forget
        }
        GuardedWrite guarded = decide(analysis, bound, log, physical, memo);
        endReachedReads(writtenTable(analysis), log, physical);
        return guarded;
    }

    /**
     * A write of a table whose triggers, rules or cascading foreign keys reach other rows ends every read
     * left: the read of the row it names was claimed already, and may still guard it.
     */
    private void endReachedReads(TableName table, ReadLog log, Connection physical) {
        if (table != null && !log.isEmpty() && reach.reachesOthers(table, dialect, catalog, physical)) {
            log.invalidate("a write of " + table.name() + ", whose triggers, rules or cascading foreign keys reach"
                    + " other rows, ran between the read and this write");
        }
    }

    /** The table a keyed write names; null for any other statement. */
    private static TableName writtenTable(Analysis analysis) {
        return analysis instanceof KeyedUpdate update ? update.table()
                : analysis instanceof KeyedDelete delete ? delete.table()
                : analysis instanceof RowInsert insert ? insert.table() : null;
    }

    private static String verb(Analysis analysis) {
        return analysis instanceof KeyedUpdate ? "UPDATE" : analysis instanceof KeyedDelete ? "DELETE" : "INSERT";
    }

    private GuardedWrite decide(Analysis analysis, BoundValues bound, ReadLog log, Connection physical,
            StatementMemo memo) throws SQLException {
        if (analysis instanceof KeyedUpdate update) {
            RowNaming naming = memo.naming(catalog, dialect, update.table(), update.equalities(), physical);
            GuardedWrite guarded = null;
            if (!update.onlyEqualities() || update.selfRelative()) {
                claimOrForget(update.table(), naming, bound, log); // its own condition, or computed from the row
            } else {
                guarded = rowWrite("UPDATE", update.table(), naming, update.appendableBody(), update.parameterCount(),
                        bound, log, memo, physical);
            }
            forgetIfKeyMoves(update, naming.keys(), log);
            return guarded;
        }
        if (analysis instanceof KeyedDelete delete) {
            RowNaming naming = memo.naming(catalog, dialect, delete.table(), delete.equalities(), physical);
            if (!delete.onlyEqualities()) {
                claimOrForget(delete.table(), naming, bound, log);
                return null;
            }
            return rowWrite("DELETE", delete.table(), naming, delete.appendableBody(), delete.parameterCount(), bound,
                    log, memo, physical);
        }
        if (analysis instanceof RowInsert insert) {
            return insert(insert, bound, log, physical);
        }
        if (analysis == OtherWrite.INSTANCE) {
            log.invalidate(OPAQUE); // it may have changed any row read: none of those reads can guard a later write
        } else if (analysis instanceof TransactionBoundary boundary) {
            log.clear(boundary); // a transaction begins or ends in SQL: as through JDBC, the next starts with nothing read
        }
        return null;
    }

    /**
     * Whether a batch of {@code analysis}'s guarded form reports each entry's own count: an UPDATE or
     * DELETE does, except on MariaDB, whose bulk batches may answer {@code SUCCESS_NO_INFO}; an INSERT
     * may be rewritten into one multi-row statement (PostgreSQL's {@code reWriteBatchedInserts}).
     * Where not, guarded entries run one by one.
     */
    boolean countsEachBatchedEntry(Analysis analysis) {
        return dialect != Dialect.MARIADB && !(analysis instanceof RowInsert);
    }

    /** What the driver does after a failed batch entry: a split batch does the same. */
    BatchFailures batchFailures(boolean plainStatement) {
        return BatchFailures.of(dialect, plainStatement);
    }

    /**
     * Why a batch with guarded entries goes as written on {@code physical} now; null when it may be split into
     * runs. In autocommit the runs would commit one by one, where pgjdbc sends a batch as one implicit
     * transaction (a refused entry rolls back every entry) and a MariaDB prepared batch goes on or stops at a
     * refused entry by the driver's options: the application would get other rows than the raw batch leaves.
     */
    String unsplittableHere(Connection physical, boolean plainStatement) {
        boolean atomicOrOwnRules = dialect == Dialect.POSTGRESQL || dialect == Dialect.MARIADB && !plainStatement;
        if (!atomicOrOwnRules || ServerTransactionStatus.inTransaction(physical, dialect)) {
            return null;
        }
        return dialect == Dialect.POSTGRESQL
                ? "its batch is sent as written: in autocommit pgjdbc runs a batch as one transaction, and runs of guarded entries would commit apart"
                : "its batch is sent as written: in autocommit a MariaDB prepared batch goes on or stops at a refused entry by the driver's options, which runs of guarded entries would not follow";
    }

    /** A guarded batch entry that must be sent as written after all: recorded, with why. */
    void sentAsWritten(Analysis analysis, GuardedWrite write, String why) {
        record(FindingKind.UNGUARDED_CHECK_THEN_ACT, verb(analysis), writtenTable(analysis), write.read(), why);
    }

    /**
     * An update that assigns a key column may move its row onto a key this transaction read as absent (or
     * away from one read as present): no read of the table holds. An insert of that key would otherwise
     * meet this transaction's own row and be taken for a lost race.
     */
    private static void forgetIfKeyMoves(KeyedUpdate update, TableKeys keys, ReadLog log) {
        for (Set<String> key : keys.uniqueKeys()) {
            for (String column : update.setColumns()) { // a loop, not a stream: this runs on every keyed UPDATE
                if (key.contains(KeyCatalog.normalize(column))) {
                    log.forget(update.table(), "an UPDATE of " + update.table().name() + " that assigns a key column,"
                            + " and so may have moved a row onto the key read, ran between the read and this write");
                    return;
                }
            }
        }
    }

    /**
     * A write sent as written still changes its rows: what this transaction read of them no longer
     * holds, and must not guard a later write. The row it names by a key loses its read; otherwise
     * every read of the table goes.
     */
    private static Observation claimOrForget(TableName table, RowNaming naming, BoundValues bound, ReadLog log) {
        RowKey row = naming.keyedRow(bound);
        if (row == null) {
            log.forget(table);
            return null;
        }
        return log.claim(row);
    }

    private GuardedWrite rowWrite(String verb, TableName table, RowNaming naming, String body, int parameters,
            BoundValues bound, ReadLog log, StatementMemo memo, Connection physical) {
        RowKey row = naming.rowKey(bound);
        if (row == null) {
            log.forget(table);
            return null;
        }
        if (!naming.keys().hasKeys()) {
            Observation read = log.claim(row);
            if (read != null) {
                record(FindingKind.NO_KEY_CHECK_THEN_ACT, verb, table, read, naming.keys().keyless());
            }
            return null;
        }
        Observation read = log.claim(row);
        if (read == null && !reportStale(verb, table, log)) {
            reportDropped(verb, table, row, log);
        }
        if (!naming.isKey() || read == null || !read.present()) {
            return null; // more than the key, or another column: its rows changed, and their reads went
        }
        read.complete(); // its result set may still be on the row
        if (read.hasSkipped()) {
            record(FindingKind.UNCOMPARED_COLUMNS, verb, table, read, "not compared: " + read.skipped());
        }
        if (!canRewrite(body, parameters, bound, verb, table, read)) {
            return null;
        }
        StatementMemo.GuardedForm form = memo.guardedForm(read);
        if (form == null) {
            form = guardedForm(body, row, read);
            memo.guardedForm(form);
        }
        return new GuardedWrite(form.sql(), parameters, read, form.compared(), onConflict,
                new RowRace(this, verb, table, body, form, parameters, bound, read, row.columns(), log, physical),
                null);
    }

    /** An UPDATE or DELETE guarded on {@code read} lost its race when the row is no longer as read. */
    private record RowRace(Guard guard, String verb, TableName table, String body, StatementMemo.GuardedForm form,
            int parameters, BoundValues bound, Observation read, List<String> key, ReadLog log, Connection physical)
            implements GuardedWrite.LostRace {
        @Override
        public boolean lost() {
            return !guard.stillAsRead(verb, table, body, form, parameters, bound, read, physical);
        }

        @Override
        public String message() {
            return guard.conflict(verb, table, key, read, "changed or vanished", log, physical);
        }
    }

    /**
     * After an UPDATE or DELETE guarded on {@code read} wrote no row: whether the row is still there
     * and as read, looked up by the write's own table and WHERE and the guard's comparisons. When that
     * cannot be checked, the 0 is not called a lost race, and a finding says so.
     */
    private boolean stillAsRead(String verb, TableName table, String body, StatementMemo.GuardedForm form,
            int parameters, BoundValues bound, Observation read, Connection physical) {
        ProbeText.RowQuery query = ProbeText.keyedWrite(body, dialect == Dialect.MARIADB);
        Boolean found = null;
        if (query != null) {
            List<Object> values = new ArrayList<>();
            for (int i = parameters - query.parameters() + 1; i <= parameters; i++) {
                values.add(bound.known(i));
            }
            for (int kept : form.compared()) {
                values.add(read.value(kept));
            }
            String comparisons = form.sql() == null ? "" : form.sql().substring(body.length());
            found = ZeroRowCheck.finds(physical, dialect, query.query() + comparisons, values);
        }
        return found == null ? unchecked(verb, table, read, ZERO_UNCHECKED) : found;
    }

    /** A result the guard could not check (a zero-row write, a duplicate key): the database's, and recorded. */
    private boolean unchecked(String verb, TableName table, Observation read, String why) {
        record(FindingKind.UNGUARDED_CHECK_THEN_ACT, verb, table, read, why);
        return true;
    }

    /** The write's text with a null-safe equality on each compared column read, other than the key's pinned ones. */
    private StatementMemo.GuardedForm guardedForm(String body, RowKey row, Observation read) {
        ColumnPlan columns = read.columns();
        StringBuilder sql = new StringBuilder(body);
        int[] compared = new int[columns.size()];
        int count = 0;
        for (int i = 0; i < columns.size(); i++) {
            // the WHERE pins a key column, unless its equality calls different texts equal (a case-only change)
            if (read.compared(i) && (columns.isLooseText(i)
                    || !row.columns().contains(KeyCatalog.normalize(columns.column(i))))) {
                sql.append(" AND ").append(dialect.nullSafeEquality(
                        ValueDomain.compared(dialect.quote(columns.stored(i)), read.domain(i)), columns.typeName(i),
                        columns.isLooseText(i)));
                compared[count++] = i;
            }
        }
        return new StatementMemo.GuardedForm(columns, read.uncompared(), read.domains(),
                count == 0 ? null : sql.toString(), Arrays.copyOf(compared, count));
    }

    private GuardedWrite insert(RowInsert insert, BoundValues bound, ReadLog log, Connection physical)
            throws SQLException {
        // the key's values are what matter: another column may be bound with a Calendar (Hibernate's Instant)
        KeyValues row = KeyValues.known(insert.columns(), insert.values(), bound);
        TableKeys keys = catalog.keys(insert.table(), dialect, physical);
        if (row == null || !keys.uniqueKeys().stream().allMatch(row.columns()::containsAll)) {
            // a key whose value is not known (SQL NULL, a scale, a Calendar) may be one read as absent
            log.forget(insert.table(), "an INSERT into " + insert.table().name() + " whose key's value safe-jdbc"
                    + " does not know ran between the read and this write");
            return null;
        }
        if (!keys.hasKeys()) {
            Observation read = log.claim(insert.table(), row::matches);
            if (read != null && !read.present()) {
                record(FindingKind.NO_KEY_CHECK_THEN_ACT, "INSERT", insert.table(), read, keys.keyless());
            }
            return null;
        }
        for (Set<String> key : keys.uniqueKeys()) {
            if (!row.columns().containsAll(key)) {
                continue;
            }
            Observation read = log.claim(row.rowKey(insert.table(), key));
            if (read == null && reportStale("INSERT", insert.table(), log)) {
                return null;
            }
            if (read == null || read.present() || !read.exact()) {
                continue;
            }
            // where the database has no conditional insert, the statement goes as written: nothing is bound again
            boolean asWritten = dialect != null && !dialect.hasConditionalInsert();
            if (!canRewrite(insert.appendableBody(), asWritten ? 0 : insert.parameterCount(), bound, "INSERT",
                    insert.table(), read)) {
                return null;
            }
            if (asWritten) {
                return new GuardedWrite(null, insert.parameterCount(), read, NOTHING_COMPARED, onConflict,
                        new KeyRace(this, insert, key, bound, read, log, physical, DUPLICATE_UNCHECKED),
                        dialect::isDuplicateKey);
            }
            List<String> stored = key.stream().map(keys::stored).toList();
            if (stored.contains(null)) {
                record(FindingKind.UNGUARDED_CHECK_THEN_ACT, "INSERT", insert.table(), read,
                        "two columns of its key differ only in case: the key cannot be named");
                return null;
            }
            return new GuardedWrite(insert.appendableBody() + dialect.conditionalInsertSuffix(stored),
                    insert.parameterCount(), read, NOTHING_COMPARED, onConflict,
                    new KeyRace(this, insert, key, bound, read, log, physical, ZERO_UNCHECKED), null);
        }
        return null;
    }

    /**
     * An INSERT guarded on a read that found no row lost its race when the key is taken now;
     * {@code unchecked} is the finding's reason when the key cannot be looked up again.
     */
    private record KeyRace(Guard guard, RowInsert insert, Set<String> key, BoundValues bound, Observation read,
            ReadLog log, Connection physical, String unchecked) implements GuardedWrite.LostRace {
        @Override
        public boolean lost() {
            return !guard.stillAbsent(insert, key, bound, read, physical, unchecked);
        }

        @Override
        public String message() {
            return guard.conflict("INSERT", insert.table(), key, read, "appeared", log, physical);
        }
    }

    /**
     * After an INSERT guarded on a read that found no row wrote none, or failed with a duplicate key:
     * whether the key is still free (a trigger or rule kept the row out, another key was the duplicate)
     * rather than taken since the read. MariaDB looks with a shared locking read, which sees the latest
     * committed row as the INSERT's own duplicate check did.
     */
    private boolean stillAbsent(RowInsert insert, Set<String> key, BoundValues bound, Observation read,
            Connection physical, String unchecked) {
        ProbeText.InsertRow text = ProbeText.insert(insert.appendableBody(), dialect == Dialect.MARIADB);
        if (text == null || text.columns().size() != insert.columns().size()) {
            return unchecked("INSERT", insert.table(), read, unchecked);
        }
        StringBuilder query = new StringBuilder("SELECT 1 FROM ").append(text.table()).append(" WHERE ");
        List<Object> values = new ArrayList<>();
        String and = "";
        for (int i = 0; i < insert.columns().size(); i++) {
            if (key.contains(KeyCatalog.normalize(insert.columns().get(i)))) {
                query.append(and).append(text.columns().get(i)).append(" = ").append(text.values().get(i));
                and = " AND ";
                if (insert.values().get(i).isParameter()) {
                    values.add(bound.known(insert.values().get(i).parameter()));
                }
            }
        }
        Boolean found = dialect.hasConditionalInsert() ? ZeroRowCheck.finds(physical, dialect, query.toString(), values)
                : ZeroRowCheck.findsAfterDuplicate(physical, dialect, query.toString(), values);
        return found == null ? unchecked("INSERT", insert.table(), read, unchecked) : !found;
    }

    /**
     * The write's row was read, but a statement since may have changed it: the read guards nothing, the write
     * is sent as written, and the finding says what came between. Returns whether there was such a read.
     */
    private boolean reportStale(String verb, TableName table, ReadLog log) {
        Observation stale = log.staleClaim();
        if (stale != null) {
            record(FindingKind.UNGUARDED_CHECK_THEN_ACT, verb, table, stale, log.staleBecause() + ": sent as written");
        }
        return stale != null;
    }

    /** The write's row may have been read, but the log dropped that read (it keeps a bounded number). */
    private void reportDropped(String verb, TableName table, RowKey row, ReadLog log) {
        String why = log.dropped(row);
        if (why != null) {
            Findings.record(FindingKind.UNGUARDED_CHECK_THEN_ACT, database, table.name(), AppFrames.here(),
                    verb + " on " + table.name() + ": " + why);
        }
    }

    /** In report mode, or where no guarded form can be built, the site is recorded instead. */
    private boolean canRewrite(String body, int parameters, BoundValues bound, String verb, TableName table,
            Observation read) {
        if (!enforce) {
            record(FindingKind.UNGUARDED_CHECK_THEN_ACT, verb, table, read, "report mode: sent as written");
            return false;
        }
        String why = dialect == null ? "safe-jdbc has no guard dialect for this database"
                : body == null ? "the statement's text cannot take a condition (RETURNING, LIMIT, comments)"
                : bound.unreplayable(parameters);
        if (why != null) {
            record(FindingKind.UNGUARDED_CHECK_THEN_ACT, verb, table, read, why);
            return false;
        }
        return true;
    }

    private void record(FindingKind kind, String verb, TableName table, Observation read, String why) {
        Findings.record(kind, database, table.name(), AppFrames.here(), verb + " on " + table.name() + " after a read at "
                + read.readAt().site() + ": " + why);
    }

    /**
     * The lost race's message. The key's columns are sorted, as everywhere the guard names a row;
     * in autocommit there is no transaction to speak of or to roll back.
     */
    private String conflict(String verb, TableName table, Collection<String> key, Observation read, String what,
            ReadLog log, Connection physical) {
        LostRaceScope scope = LostRaceScope.of(physical, dialect, log.sqlBoundary());
        return "Guarded " + verb + " on " + table.name() + " lost its race: the row with key "
                + key.stream().sorted().toList() + " " + what + scope.since()
                + "\n  read at:\n" + read.readAt().format("    ")
                + "  write at:\n" + AppFrames.here().format("    ")
                + scope.advice() + " (safe.onConflict=zero-rows returns 0 instead).";
    }
}
