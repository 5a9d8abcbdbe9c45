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

/** Recognizes keyed reads: a plain single-table SELECT filtered by {@code column = value} conjuncts. */
final class SelectAnalyzer {
    private SelectAnalyzer() {
    }

    static Analysis analyze(Select select, int parameterCount) {
        Select body = select;
        while (body instanceof ParenthesedSelect p) {
            body = p.getSelect();
        }
        // anything that merges, groups or derives rows makes the result no longer "the row with this key"
        // (WITH never gets this far: the keyword filter turns it away)
        if (!(body instanceof PlainSelect ps) || !Clauses.absent(ps.getJoins(), ps.getDistinct(), ps.getGroupBy(),
                ps.getHaving(), ps.getQualify(), ps.getWindowDefinitions(), ps.getIntoTables(), ps.getIntoTempTable(),
                ps.getLateralViews(), ps.getOracleHierarchical(), ps.getPreferringClause(), ps.getKsqlWindow())) {
            return Unrelated.INSTANCE;
        }
        TableScope scope = TableScope.of(ps.getFromItem());
        if (scope == null) {
            return Unrelated.INSTANCE;
        }
        Conjunction where = Conjunction.of(ps.getWhere(), scope, parameterCount);
        if (where == null) {
            return Unrelated.INSTANCE;
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
                ExpressionProbe probe = ExpressionProbe.of(e);
                if (probe.hasAggregates() || probe.hasSubqueries()) {
                    return Unrelated.INSTANCE;
                }
                String column = scope.columnOf(e);
                if (column != null) {
                    String label = item.getAlias() == null ? column : Identifiers.normalize(item.getAlias().getName());
                    // JDBC resolves a duplicated label to its first column
                    columnsByLabel.putIfAbsent(label.toLowerCase(Locale.ROOT), column);
                }
            }
        }
        return new KeyedSelect(scope.table(), where.equalities(), where.onlyEqualities(), columnsByLabel,
                selectsAll, parameterCount);
    }
}
