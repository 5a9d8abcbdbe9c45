package dev.safejdbc.guard.sql;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Classifies SQL text for the check-then-act guard. Pure and thread-safe; parsed results are kept in a bounded
 * cache keyed by the exact SQL text, since applications re-execute the same statement texts. The cache has two
 * generations (recent and older; a hit in the older is made recent again, and when the recent one is full it
 * becomes the older one): nearly LRU, but a hit takes no lock, as every prepare on every thread looks it up.
 */
public final class SqlAnalyzer {
    /** Longer DML is generated or batched SQL, not a keyed statement, and parsing it would cost. */
    static final int MAX_SQL_LENGTH = 16 * 1024;

    private final int generationSize;
    private final boolean twoGenerations;
    private volatile Map<String, Analysis> recent = new ConcurrentHashMap<>();
    private volatile Map<String, Analysis> older = Map.of();
    private final AtomicLong parses = new AtomicLong();

    /** Row-pure built-in functions of the database: a statement that calls any other function is opaque. */
    private final Set<String> builtIns;

    /**
     * For SQL of any of the four databases ({@link BuiltInFunctions#ANY}).
     *
     * @param cacheSize how many analyses of distinct SQL texts to keep; 0 disables caching
     */
    public SqlAnalyzer(int cacheSize) {
        this(cacheSize, BuiltInFunctions.ANY);
    }

    /**
     * @param cacheSize how many analyses of distinct SQL texts to keep; 0 disables caching
     * @param builtIns  the database's row-pure built-in functions ({@link BuiltInFunctions})
     */
    public SqlAnalyzer(int cacheSize, Set<String> builtIns) {
        this.builtIns = builtIns;
        if (cacheSize < 0) {
            throw new IllegalArgumentException("cacheSize must not be negative: " + cacheSize);
        }
        generationSize = cacheSize == 1 ? 1 : cacheSize / 2;
        twoGenerations = cacheSize > 1;
    }

    /** Never throws: anything unparseable or of no interest to the guard is {@link Unrelated#INSTANCE}. */
    public Analysis analyze(String sql) {
        if (sql == null) {
            return Unrelated.INSTANCE;
        }
        return switch (FirstKeyword.of(sql)) {
            case "select" -> plainRead(sql) ? Unrelated.INSTANCE
                    : sql.length() > MAX_SQL_LENGTH ? OtherWrite.INSTANCE : cachedOrParsed(sql);
            case "with" -> sql.length() > MAX_SQL_LENGTH ? OtherWrite.INSTANCE : cachedOrParsed(sql);
            case "update", "delete" -> sql.length() > MAX_SQL_LENGTH || !mentionsWhere(sql) ? OtherWrite.INSTANCE
                    : keyedOrOther(cachedOrParsed(sql));
            case "insert" -> keyedOrOther(sql.length() > MAX_SQL_LENGTH ? Unrelated.INSTANCE : cachedOrParsed(sql));
            // writes of rows the text does not name: procedures, scripts, EXPLAIN ANALYZE, COPY, and the
            // statements that change what a name resolves to (SET search_path)
            case "merge", "replace", "upsert", "call", "exec", "execute", "do", "copy", "load", "explain",
                 "runscript", "set" -> OtherWrite.INSTANCE;
            // a transaction begins or ends; ROLLBACK TO a savepoint undoes writes within one
            case "begin", "start", "savepoint" -> TransactionBoundary.BEGINS;
            case "commit", "end", "abort" -> TransactionBoundary.ENDS;
            case "release", "xa" -> TransactionBoundary.BEGINS_OR_ENDS;
            case "rollback" -> Arrays.asList(sql.toLowerCase(Locale.ROOT).split("[\\s;]+")).contains("to")
                    ? OtherWrite.INSTANCE : TransactionBoundary.ENDS;
            // whatever its length: a long migration script changes key metadata all the same
            case "create", "alter", "drop", "truncate", "rename" -> SchemaChange.INSTANCE;
            // a JDBC escape: {call p(?)}, {? = call f(?)}
            default -> sql.strip().startsWith("{") ? OtherWrite.INSTANCE : Unrelated.INSTANCE;
        };
    }

    /**
     * A SELECT with no FROM, no call and a single statement (as {@code SELECT 1}) reads no table's rows and
     * writes nothing: it need not be parsed. A parenthesis (a function call, a subquery) or a semicolon (a
     * second statement), even inside a string, sends it to the parser; so does the word FROM anywhere.
     */
    private static boolean plainRead(String sql) {
        return !mentions(sql, "from") && sql.indexOf('(') < 0 && sql.indexOf(';') < 0;
    }

    private static Analysis keyedOrOther(Analysis write) {
        return write == Unrelated.INSTANCE ? OtherWrite.INSTANCE : write;
    }

    /**
     * A statement without the word WHERE anywhere (as a whole-table update) names no row by key: it need
     * not be parsed. Any mention, even inside a name or a string, parses.
     */
    private static boolean mentionsWhere(String sql) {
        return mentions(sql, "where");
    }

    /** Whether {@code word} (lower-case ASCII) occurs in {@code sql}, in any case. */
    private static boolean mentions(String sql, String word) {
        char first = word.charAt(0);
        for (int i = sql.length() - word.length(); i >= 0; i--) {
            if ((sql.charAt(i) | 0x20) == first && sql.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    private Analysis cachedOrParsed(String sql) {
        Analysis cached = recent.get(sql);
        if (cached != null) {
            return cached;
        }
        cached = older.get(sql);
        return remember(sql, cached != null ? cached : parseAndAnalyze(sql)); // parsed outside the lock: it takes long
    }

    private synchronized Analysis remember(String sql, Analysis analysis) {
        if (generationSize == 0) {
            return analysis;
        }
        if (recent.size() >= generationSize && !recent.containsKey(sql)) {
            older = twoGenerations ? recent : Map.of();
            recent = new ConcurrentHashMap<>();
        }
        Analysis raced = recent.putIfAbsent(sql, analysis);
        return raced != null ? raced : analysis;
    }

    private Analysis parseAndAnalyze(String sql) {
        parses.incrementAndGet();
        try {
            ParsedSql parsed = ParsedSql.parse(sql);
            if (parsed == null) {
                return unparsed(sql);
            }
            Statement statement = parsed.statement();
            int parameterCount = parsed.parameterCount();
            if (TableAccess.rowsOf(statement, sql, builtIns).opaque()) {
                return OtherWrite.INSTANCE; // a call of a function that may write, or a data-modifying WITH
            }
            if (hasWith(statement)) {
                // a read through WITH names no table row by key; a write behind WITH names rows through it
                return statement instanceof Select ? Unrelated.INSTANCE : OtherWrite.INSTANCE;
            }
            if (statement instanceof Select select) {
                return SelectAnalyzer.analyze(select, parameterCount);
            } else if (statement instanceof Update update) {
                return WriteAnalyzer.update(sql, update, parameterCount);
            } else if (statement instanceof Delete delete) {
                return WriteAnalyzer.delete(sql, delete, parameterCount);
            } else if (statement instanceof Insert insert) {
                return WriteAnalyzer.insert(sql, insert, parameterCount);
            }
            return Unrelated.INSTANCE;
        } catch (RuntimeException | StackOverflowError e) {
            // JSqlParser fails on odd input with assorted runtime exceptions, and recurses once per nesting level
            return unparsed(sql);
        }
    }

    /**
     * A query the parser does not take may be several statements, or call anything: it may write. (A write
     * the parser does not take is made an {@link OtherWrite} by its keyword.)
     */
    private static Analysis unparsed(String sql) {
        String keyword = FirstKeyword.of(sql);
        return keyword.equals("select") || keyword.equals("with") ? OtherWrite.INSTANCE : Unrelated.INSTANCE;
    }

    private static boolean hasWith(Statement statement) {
        List<?> with = statement instanceof Select select ? select.getWithItemsList()
                : statement instanceof Update update ? update.getWithItemsList()
                : statement instanceof Delete delete ? delete.getWithItemsList()
                : statement instanceof Insert insert ? insert.getWithItemsList() : null;
        return with != null && !with.isEmpty();
    }

    /** Cache misses sent on to the parser (past the keyword and length filters); for tests. */
    long parseCount() {
        return parses.get();
    }

    /** Analyses currently cached; for tests. */
    int cachedCount() {
        return recent.size() + older.size();
    }
}
