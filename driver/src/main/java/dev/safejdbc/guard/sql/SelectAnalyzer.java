package dev.safejdbc.guard.sql;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Recognizes the reads the guard records: a keyed read (a plain single-table SELECT filtered by
 * {@code column = value} conjuncts), or any other SELECT whose rows are rows of tables it names
 * (joins, any WHERE, LIMIT, FOR UPDATE), whose result may carry their keys.
 */
final class SelectAnalyzer {
    private SelectAnalyzer() {
    }

    static Analysis analyze(Select select, int parameterCount) {
        Select body = select;
        while (body instanceof ParenthesedSelect p) {
            body = p.getSelect();
        }
        // anything that merges, groups or derives rows makes them no table's rows
        // (WITH never gets this far: the keyword filter turns it away)
        if (!(body instanceof PlainSelect ps) || !Clauses.absent(ps.getDistinct(), ps.getGroupBy(),
                ps.getHaving(), ps.getQualify(), ps.getWindowDefinitions(), ps.getIntoTables(), ps.getIntoTempTable(),
                ps.getLateralViews(), ps.getOracleHierarchical(), ps.getPreferringClause(), ps.getKsqlWindow())
                || ps.getFromItem() == null) {
            return Unrelated.INSTANCE;
        }
        for (SelectItem<?> item : ps.getSelectItems()) {
            ExpressionProbe probe = ExpressionProbe.of(item.getExpression());
            if (probe.hasAggregates() || probe.hasSubqueries()) {
                return Unrelated.INSTANCE; // one row of many, or a value of other rows
            }
        }
        ResultRows rows = ResultRows.of(ps);
        TableScope scope = Clauses.absent(ps.getJoins()) ? TableScope.of(ps.getFromItem()) : null;
        Conjunction where = scope == null ? null : Conjunction.of(ps.getWhere(), scope, parameterCount);
        if (where == null) {
            return rows == null ? Unrelated.INSTANCE : new RowsSelect(rows);
        }
        Map<String, String> columnsByLabel = new HashMap<>();
        boolean selectsAll = false;
        for (SelectItem<?> item : ps.getSelectItems()) {
            Expression e = item.getExpression();
            if (e instanceof AllTableColumns t) {
                selectsAll |= scope.isQualifier(t.getTable());
            } else if (e instanceof AllColumns) {
                selectsAll = true;
            } else {
                String column = scope.columnOf(e);
                if (column != null) {
                    String label = item.getAlias() == null ? column : Identifiers.normalize(item.getAlias().getName());
                    // JDBC resolves a duplicated label to its first column
                    columnsByLabel.putIfAbsent(label.toLowerCase(Locale.ROOT), column);
                }
            }
        }
        return new KeyedSelect(scope.table(), where.equalities(), where.onlyEqualities(), columnsByLabel,
                selectsAll, parameterCount, rows);
    }
}
