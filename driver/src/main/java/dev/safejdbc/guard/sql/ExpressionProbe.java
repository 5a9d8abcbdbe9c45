package dev.safejdbc.guard.sql;

import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JsonAggregateFunction;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

/** Walks one expression tree, noting column references, subqueries and aggregate or window functions. */
final class ExpressionProbe extends ExpressionVisitorAdapter<Void> {
    private static final Set<String> AGGREGATES = Set.of(
            "count", "sum", "avg", "min", "max", "total", "every", "any_value", "median", "mode",
            "array_agg", "string_agg", "group_concat", "listagg", "xmlagg", "collect",
            "json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg", "json_group_array", "json_group_object",
            "bool_and", "bool_or", "bit_and", "bit_or", "bit_xor",
            "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp",
            "percentile_cont", "percentile_disc", "corr", "covar_pop", "covar_samp");

    private boolean columns;
    private boolean subqueries;
    private boolean aggregates;

    private ExpressionProbe() {
    }

    static ExpressionProbe of(Expression e) {
        ExpressionProbe probe = new ExpressionProbe();
        e.accept(probe, null);
        return probe;
    }

    /** The value depends on stored data: it references a column or runs a subquery. */
    boolean readsData() {
        return columns || subqueries;
    }

    boolean hasSubqueries() {
        return subqueries;
    }

    boolean hasAggregates() {
        return aggregates;
    }

    @Override
    public <S> Void visit(Column column, S context) {
        // JSqlParser reads the DEFAULT keyword (SET x = DEFAULT) as a column named DEFAULT
        if (column.getTableName() != null || !"DEFAULT".equalsIgnoreCase(column.getColumnName())) {
            columns = true;
        }
        return super.visit(column, context);
    }

    @Override
    public <S> Void visit(ParenthesedSelect select, S context) {
        subqueries = true;
        return null;
    }

    @Override
    public <S> Void visit(Select select, S context) {
        subqueries = true;
        return null;
    }

    @Override
    public <S> Void visit(AnyComparisonExpression any, S context) {
        subqueries = true; // the adapter does not descend into ANY/ALL (SELECT ...)
        return super.visit(any, context);
    }

    @Override
    public <S> Void visit(Function function, S context) {
        if (function.getName() != null && AGGREGATES.contains(function.getName().toLowerCase(Locale.ROOT))) {
            aggregates = true;
        }
        return super.visit(function, context);
    }

    @Override
    public <S> Void visit(AnalyticExpression window, S context) {
        aggregates = true;
        return super.visit(window, context);
    }

    @Override
    public <S> Void visit(JsonAggregateFunction aggregate, S context) {
        aggregates = true;
        return super.visit(aggregate, context);
    }
}
