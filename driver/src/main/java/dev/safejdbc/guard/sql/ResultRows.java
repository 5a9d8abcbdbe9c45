package dev.safejdbc.guard.sql;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Which tables' columns a SELECT's result carries, item by item: each row of the result holds, for
 * such a table, one of its rows (or NULLs, on the null-extended side of an outer join). The guard
 * finds the table's key among them when the statement runs.
 *
 * @param tables the plain tables of FROM and its joins, in text order
 * @param items  the select list, one per item
 */
public record ResultRows(List<TableName> tables, List<Item> items) {
    /**
     * One select-list item.
     *
     * @param table  index into {@link #tables()}; -1 for an expression or a column of no one table
     * @param column the normalized column name; null for all of the table's columns ({@code t.*})
     * @param star   the item is {@code *} or {@code t.*}: it stands for as many result columns as it expands to
     */
    public record Item(int table, String column, boolean star) {
    }

    public ResultRows {
        tables = List.copyOf(tables);
        items = List.copyOf(items);
    }

    /**
     * Null when no item is a column of a plain table. A column is a table's only when it names
     * that table unambiguously: qualified by its alias (or, without one, by its name), or
     * unqualified when the table is all there is in FROM.
     */
    static ResultRows of(PlainSelect select) {
        List<FromItem> from = new ArrayList<>();
        from.add(select.getFromItem());
        if (select.getJoins() != null) {
            for (Join join : select.getJoins()) {
                // a semi or anti join, APPLY and window joins bring no row of their own table into the result
                from.add(join.isSemi() || join.isApply() || join.isWindowJoin() ? null : join.getFromItem());
            }
        }
        List<TableScope> scopes = new ArrayList<>();
        List<String> otherAliases = new ArrayList<>();
        for (FromItem item : from) {
            TableScope scope = item == null ? null : TableScope.of(item);
            scopes.add(scope);
            Alias alias = item == null ? null : item.getAlias();
            if (scope == null && alias != null) {
                otherAliases.add(Identifiers.normalize(alias.getName()));
            }
        }
        List<TableName> tables = new ArrayList<>();
        int[] tableOf = new int[scopes.size()];
        for (int i = 0; i < scopes.size(); i++) {
            tableOf[i] = scopes.get(i) == null ? -1 : tables.size();
            if (scopes.get(i) != null) {
                tables.add(scopes.get(i).table());
            }
        }
        List<Item> items = new ArrayList<>();
        boolean any = false;
        for (SelectItem<?> selectItem : select.getSelectItems()) {
            Expression e = selectItem.getExpression();
            Item item;
            if (e instanceof AllColumns && !(e instanceof AllTableColumns)) {
                item = new Item(scopes.size() == 1 ? tableOf[0] : -1, null, true);
            } else if (e instanceof AllTableColumns all) {
                int scope = scopeOf(all.getTable(), scopes, otherAliases);
                item = new Item(scope < 0 ? -1 : tableOf[scope], null, true);
            } else {
                item = column(e, scopes, otherAliases, tableOf);
            }
            any |= item.table() >= 0;
            items.add(item);
        }
        return any ? new ResultRows(tables, items) : null;
    }

    private static Item column(Expression e, List<TableScope> scopes, List<String> otherAliases, int[] tableOf) {
        if (!(e instanceof Column c) || c.getArrayConstructor() != null) {
            return new Item(-1, null, false);
        }
        Table qualifier = c.getTable();
        int scope;
        if (qualifier == null || qualifier.getName() == null) {
            scope = scopes.size() == 1 && scopes.get(0) != null ? 0 : -1;
        } else {
            scope = scopeOf(qualifier, scopes, otherAliases);
        }
        return scope < 0 ? new Item(-1, null, false)
                : new Item(tableOf[scope], Identifiers.normalize(c.getColumnName()), false);
    }

    /**
     * The one FROM item {@code q} designates, or -1. With several, a table that has an alias is
     * named only by it (as the databases require), and a name two items answer to names neither.
     */
    private static int scopeOf(Table q, List<TableScope> scopes, List<String> otherAliases) {
        List<String> parts = q.getNameParts();
        if (parts.size() == 1 && otherAliases.contains(Identifiers.normalize(parts.get(0)))) {
            return -1;
        }
        int found = -1;
        for (int i = 0; i < scopes.size(); i++) {
            TableScope scope = scopes.get(i);
            if (scope == null) {
                continue;
            }
            boolean named = scopes.size() == 1 || scope.alias() == null ? scope.isQualifier(q)
                    : parts.size() == 1 && scope.alias().equals(Identifiers.normalize(parts.get(0)));
            if (named) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }
}
