package dev.safejdbc.guard.sql;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;

/** A WHERE clause split at its top-level ANDs, with the {@code column = value} conjuncts recognized. */
record Conjunction(List<Equality> equalities, boolean onlyEqualities) {

    /** Null when there is no WHERE or none of its conjuncts is a {@code column = value} term. */
    static Conjunction of(Expression where, TableScope scope, int parameterCount) {
        if (where == null) {
            return null;
        }
        List<Expression> terms = new ArrayList<>();
        flatten(where, terms);
        List<Equality> equalities = new ArrayList<>();
        for (Expression term : terms) {
            Equality equality = equality(term, scope, parameterCount);
            if (equality != null) {
                equalities.add(equality);
            }
        }
        return equalities.isEmpty() ? null : new Conjunction(equalities, equalities.size() == terms.size());
    }

    private static void flatten(Expression e, List<Expression> terms) {
        if (e instanceof AndExpression and) {
            flatten(and.getLeftExpression(), terms);
            flatten(and.getRightExpression(), terms);
        } else if (e instanceof ParenthesedExpressionList<?> group && group.size() == 1) {
            flatten(group.get(0), terms); // "(a = ? AND b = ?)": JSqlParser 5 models parentheses as a 1-list
        } else {
            terms.add(e);
        }
    }

    private static Equality equality(Expression term, TableScope scope, int parameterCount) {
        if (!(term instanceof EqualsTo eq)) {
            return null;
        }
        Equality forward = equality(eq.getLeftExpression(), eq.getRightExpression(), scope, parameterCount);
        return forward != null ? forward
                : equality(eq.getRightExpression(), eq.getLeftExpression(), scope, parameterCount);
    }

    private static Equality equality(Expression column, Expression value, TableScope scope, int parameterCount) {
        String name = scope.columnOf(column);
        if (name == null || value instanceof NullValue) { // "col = NULL" matches no row: not a key lookup
            return null;
        }
        ValueSource source = ValueSources.of(value, parameterCount);
        return source == null ? null : new Equality(name, source);
    }
}
