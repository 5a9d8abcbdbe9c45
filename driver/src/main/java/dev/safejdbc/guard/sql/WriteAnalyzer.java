package dev.safejdbc.guard.sql;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/** Recognizes keyed single-table UPDATE / DELETE and single-row INSERT. */
final class WriteAnalyzer {
    private WriteAnalyzer() {
    }

    static Analysis update(String sql, Update update, int parameterCount) {
        // (a leading WITH never gets this far: the keyword filter turns it away)
        if (!Clauses.absent(update.getStartJoins(), update.getFromItem(), update.getJoins(),
                update.getOutputClause(), update.getPreferringClause())) {
            return Unrelated.INSTANCE;
        }
        TableScope scope = TableScope.of(update.getTable());
        Conjunction where = scope == null ? null : Conjunction.of(update.getWhere(), scope, parameterCount);
        if (where == null) {
            return Unrelated.INSTANCE;
        }
        List<String> setColumns = new ArrayList<>();
        boolean selfRelative = false;
        for (UpdateSet set : update.getUpdateSets()) {
            for (Column column : set.getColumns()) {
                String name = scope.columnOf(column);
                if (name == null) {
                    return Unrelated.INSTANCE;
                }
                setColumns.add(name);
            }
            for (Expression value : set.getValues()) {
                selfRelative |= ExpressionProbe.of(value).readsData();
            }
        }
        // JSqlParser's UPDATE grammar allows only these after WHERE (PREFERRING was refused above)
        String body = Clauses.absent(update.getOrderByElements(), update.getLimit(), update.getReturningClause())
                ? Clauses.appendableBody(sql) : null;
        return new KeyedUpdate(scope.table(), where.equalities(), where.onlyEqualities(), setColumns, selfRelative,
                body, parameterCount);
    }

    static Analysis delete(String sql, Delete delete, int parameterCount) {
        if (!Clauses.absent(delete.getTables(), delete.getUsingList(), delete.getJoins(), delete.getOutputClause(),
                delete.getPreferringClause())) {
            return Unrelated.INSTANCE;
        }
        TableScope scope = TableScope.of(delete.getTable());
        Conjunction where = scope == null ? null : Conjunction.of(delete.getWhere(), scope, parameterCount);
        if (where == null) {
            return Unrelated.INSTANCE;
        }
        // as for UPDATE, these are the only clauses JSqlParser accepts after WHERE
        String body = Clauses.absent(delete.getOrderByElements(), delete.getLimit(), delete.getReturningClause())
                ? Clauses.appendableBody(sql) : null;
        return new KeyedDelete(scope.table(), where.equalities(), where.onlyEqualities(), body, parameterCount);
    }

    static Analysis insert(String sql, Insert insert, int parameterCount) {
        // IGNORE and OVERWRITE already decide what happens to an existing row; an upsert may update the row
        // of any unique key, which the guard cannot pin to one read
        if (insert.isModifierIgnore() || insert.isOverwrite() || insert.getConflictAction() != null
                || !Clauses.absent(insert.getDuplicateUpdateSets())
                || !Clauses.absent(insert.getPartitions())
                || Clauses.absent(insert.getColumns())
                // not SELECT, SET or DEFAULT VALUES (for which getValues() would throw)
                || !(insert.getSelect() instanceof Values rows)
                // one row is "(a, b)"; several rows are a plain list of such rows
                || !(rows.getExpressions() instanceof ParenthesedExpressionList<?> row)
                || row.size() != insert.getColumns().size()) {
            return Unrelated.INSTANCE;
        }
        TableScope scope = TableScope.of(insert.getTable());
        if (scope == null) {
            return Unrelated.INSTANCE;
        }
        List<String> columns = new ArrayList<>();
        for (Column column : insert.getColumns()) {
            String name = scope.columnOf(column);
            if (name == null) {
                return Unrelated.INSTANCE;
            }
            columns.add(name);
        }
        List<ValueSource> values = new ArrayList<>();
        for (Expression value : row) {
            ValueSource source = ValueSources.of(value, parameterCount);
            if (source == null) {
                return Unrelated.INSTANCE;
            }
            values.add(source);
        }
        String body = Clauses.absent(insert.getReturningClause(), insert.getOutputClause())
                ? Clauses.appendableBody(sql) : null;
        return new RowInsert(scope.table(), columns, values, body, parameterCount);
    }
}
