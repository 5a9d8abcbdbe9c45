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
 * cannot tell: an opaque statement may touch anything (a function or procedure that is not a known built-in
 * ({@link BuiltInFunctions}),
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
            return parsed == null ? OPAQUE : of(parsed.statement(), sql, BuiltInFunctions.ANY, true);
        } catch (RuntimeException | StackOverflowError e) {
            return OPAQUE; // JSqlParser fails on odd input with assorted runtime exceptions
        }
    }

    /**
     * What {@code statement} (parsed from {@code sql}) does to table rows, on a database whose row-pure
     * built-ins are {@code builtIns}: as {@link #of(String)}, except that advancing a sequence is no write
     * (it changes no row a read saw).
     */
    static TableAccess rowsOf(Statement statement, String sql, Set<String> builtIns) {
        return of(statement, sql, builtIns, false);
    }

    private static TableAccess of(Statement statement, String sql, Set<String> builtIns, boolean sequencesWrite) {
        boolean read = statement instanceof Select;
        boolean write = statement instanceof Insert || statement instanceof Update || statement instanceof Delete
                || statement instanceof Merge || statement instanceof Upsert;
        if (!read && !write || read && writesInWith((Select) statement)) {
            return OPAQUE;
        }
        Finder finder = new Finder(builtIns, sequencesWrite);
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
        private final Set<String> builtIns;
        private final boolean sequencesWrite;
        boolean impure;

        Finder(Set<String> builtIns, boolean sequencesWrite) {
            this.builtIns = builtIns;
            this.sequencesWrite = sequencesWrite;
        }

        @Override
        public <S> Void visit(Function function, S context) {
            String name = function.getName();
            String lower = name == null ? null : name.toLowerCase(Locale.ROOT);
            if (lower == null || !builtIns.contains(lower) || sequencesWrite && SEQUENCE_FUNCTIONS.contains(lower)) {
                impure = true;
            }
            return super.visit(function, context);
        }
    }
}
