package dev.safejdbc.guard.sql;

import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Which tables one statement reads and which it writes (a locking read counts as a write), or that its text
 * cannot tell: an opaque statement may touch anything (a function or procedure that is not a known built-in,
 * several statements, DDL, a data-modifying {@code WITH}, text the parser does not take).
 *
 * <p>Tables are named by their normalized name without schema: the same name in two schemas counts as one
 * table, which can only make two statements look dependent, never independent. What triggers and foreign-key
 * cascades reach is not in the text: callers that must see it treat writes accordingly.
 *
 * @param reads  tables read and not written; null when opaque
 * @param writes tables written or locked; null when opaque
 */
public record TableAccess(Set<String> reads, Set<String> writes) {
    public static final TableAccess OPAQUE = new TableAccess(null, null);

    private static final Pattern LOCKING_READ = Pattern.compile(
            "\\bfor\\s+(no\\s+key\\s+update|key\\s+share|update|share)\\b|\\block\\s+in\\s+share\\s+mode\\b");
    /**
     * Built-in functions of PostgreSQL, MariaDB, SQLite and H2 that change nothing another statement can see.
     * One list for the four: a name is here only if it writes nothing in any of them. Any other function may be
     * the application's own, and may write anything.
     */
    private static final Set<String> PURE_FUNCTIONS = Set.of(
            // aggregates and windows
            "count", "sum", "min", "max", "avg", "array_agg", "string_agg", "group_concat", "json_agg",
            "jsonb_agg", "json_arrayagg", "listagg", "total", "bool_and", "bool_or", "every", "row_number", "rank",
            "dense_rank", "lag", "lead", "first_value", "last_value",
            // values and text
            "coalesce", "nullif", "ifnull", "nvl", "nvl2", "iif", "if", "greatest", "least", "lower", "upper",
            "lcase", "ucase", "length", "char_length", "character_length", "octet_length", "abs", "round", "floor",
            "ceil", "ceiling", "mod", "sign", "power", "pow", "sqrt", "exp", "ln", "log", "log10", "trunc",
            "truncate", "concat", "concat_ws", "substr", "substring", "left", "right", "trim", "ltrim", "rtrim",
            "lpad", "rpad", "replace", "position", "instr", "locate", "strpos", "split_part", "reverse", "repeat",
            "format", "printf", "md5", "sha1", "sha2", "hex", "unhex", "quote", "encode", "decode", "to_char",
            "to_number", "to_date", "to_timestamp", "regexp_replace", "regexp_like", "json_extract",
            "json_object", "json_array", "json_build_object", "jsonb_build_object", "to_json", "to_jsonb",
            "array_length", "cardinality", "typeof", "random", "rand", "uuid", "gen_random_uuid", "random_uuid",
            // times
            "now", "current_timestamp", "current_date", "current_time", "localtimestamp", "localtime",
            "clock_timestamp", "statement_timestamp", "transaction_timestamp", "sysdate", "curdate", "curtime",
            "utc_timestamp", "date_trunc", "date_part", "age", "date", "datetime", "time", "strftime",
            "julianday", "unixepoch", "unix_timestamp", "from_unixtime", "date_format", "str_to_date", "datediff",
            "date_add", "date_sub", "timestampdiff", "dateadd", "extract",
            // identities and the session
            "currval", "lastval", "last_insert_id", "last_insert_rowid", "changes", "total_changes",
            "row_count", "found_rows", "scope_identity", "identity", "current_user", "session_user", "user",
            "database", "schema", "current_schema", "current_database", "version", "connection_id",
            // set-returning
            "generate_series", "unnest", "system_range");
    /** Built-ins that advance a sequence: they write no table row, but their order between sessions matters. */
    private static final Set<String> SEQUENCE_FUNCTIONS = Set.of("nextval", "setval");

    public boolean opaque() {
        return reads == null;
    }

    /** Whether the two can give other results in the other order: one writes what the other reads or writes. */
    public boolean conflicts(TableAccess other) {
        if (opaque() || other.opaque()) {
            return true;
        }
        return !Collections.disjoint(writes, other.writes) || !Collections.disjoint(writes, other.reads)
                || !Collections.disjoint(reads, other.writes);
    }

    /** Never throws: anything it cannot be sure of is {@link #OPAQUE}. */
    public static TableAccess of(String sql) {
        if (sql == null || sql.length() > SqlAnalyzer.MAX_SQL_LENGTH) {
            return OPAQUE;
        }
        try {
            ParsedSql parsed = ParsedSql.parse(sql);
            return parsed == null ? OPAQUE : of(parsed.statement(), sql, true);
        } catch (RuntimeException | StackOverflowError e) {
            return OPAQUE; // JSqlParser fails on odd input with assorted runtime exceptions
        }
    }

    /**
     * What {@code statement} (parsed from {@code sql}) does to table rows: as {@link #of(String)}, except that
     * advancing a sequence is no write (it changes no row a read saw).
     */
    static TableAccess rowsOf(Statement statement, String sql) {
        return of(statement, sql, false);
    }

    private static TableAccess of(Statement statement, String sql, boolean sequencesWrite) {
        boolean read = statement instanceof Select;
        boolean write = statement instanceof Insert || statement instanceof Update || statement instanceof Delete
                || statement instanceof Merge || statement instanceof Upsert;
        if (!read && !write || read && writesInWith((Select) statement)) {
            return OPAQUE;
        }
        Finder finder = new Finder(sequencesWrite);
        Set<String> tables = new HashSet<>();
        for (String table : finder.getTables(statement)) {
            tables.add(unqualified(table));
        }
        if (finder.impure) {
            return OPAQUE;
        }
        if (write || LOCKING_READ.matcher(sql.toLowerCase(Locale.ROOT)).find()) {
            return new TableAccess(Set.of(), Set.copyOf(tables));
        }
        return new TableAccess(Set.copyOf(tables), Set.of());
    }

    private static boolean writesInWith(Select select) {
        if (select.getWithItemsList() == null) {
            return false;
        }
        for (WithItem<?> item : select.getWithItemsList()) {
            // (getInsert() and the like throw on a SELECT item)
            if (!(item.getParenthesedStatement() instanceof ParenthesedSelect)) {
                return true;
            }
        }
        return false;
    }

    /** The last part of a dotted name, normalized; dots inside quotes do not separate parts. */
    static String unqualified(String name) {
        int start = 0;
        char quote = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '`' || c == '[') {
                quote = c == '[' ? ']' : c;
            } else if (c == '.') {
                start = i + 1;
            }
        }
        return Identifiers.normalize(name.substring(start));
    }

    /** Finds the tables, and notes any function that is not a known pure built-in. */
    private static final class Finder extends TablesNamesFinder<Void> {
        private final boolean sequencesWrite;
        boolean impure;

        Finder(boolean sequencesWrite) {
            this.sequencesWrite = sequencesWrite;
        }

        @Override
        public <S> Void visit(Function function, S context) {
            String name = function.getName();
            String lower = name == null ? null : name.toLowerCase(Locale.ROOT);
            if (lower == null || !PURE_FUNCTIONS.contains(lower)
                    && (sequencesWrite || !SEQUENCE_FUNCTIONS.contains(lower))) {
                impure = true;
            }
            return super.visit(function, context);
        }
    }
}
