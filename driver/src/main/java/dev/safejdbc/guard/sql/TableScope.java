package dev.safejdbc.guard.sql;

import java.util.List;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;

/**
 * The single table a statement reads or writes, with its alias: decides which column references are its own.
 *
 * @param alias the normalized alias, or null
 */
record TableScope(TableName table, String alias) {

    /** Null unless {@code item} is a plain, optionally schema-qualified and aliased, table. */
    static TableScope of(FromItem item) {
        if (!(item instanceof Table t) || t.getPivot() != null || t.getUnPivot() != null
                || t.getSampleClause() != null) {
            return null;
        }
        List<String> parts = t.getNameParts(); // innermost first
        // a catalog part, or a database link (which getName() strips off), names a table we cannot match
        if (parts.size() > 2 || !parts.get(0).equals(t.getName())) {
            return null;
        }
        Alias alias = t.getAlias();
        if (alias != null && alias.getAliasColumns() != null && !alias.getAliasColumns().isEmpty()) {
            return null; // t AS x(a, b) renames the columns
        }
        String schema = parts.size() == 2 ? Identifiers.normalize(parts.get(1)) : null;
        return new TableScope(new TableName(schema, Identifiers.normalize(t.getName())),
                alias == null ? null : Identifiers.normalize(alias.getName()));
    }

    /** The normalized column name if {@code e} is a plain column of this table, else null. */
    String columnOf(Expression e) {
        if (!(e instanceof Column c) || c.getArrayConstructor() != null) {
            return null;
        }
        Table qualifier = c.getTable();
        if (qualifier != null && qualifier.getName() != null && !isQualifier(qualifier)) {
            return null;
        }
        return Identifiers.normalize(c.getColumnName());
    }

    /** Whether {@code q} (as in {@code q.column} or {@code q.*}) designates this table. */
    boolean isQualifier(Table q) {
        List<String> parts = q.getNameParts();
        if (parts.size() > 2 || parts.contains(null)) {
            return false;
        }
        String name = Identifiers.normalize(parts.get(0));
        if (parts.size() == 1) {
            return name.equals(alias) || name.equals(table.name());
        }
        return name.equals(table.name())
                && (table.schema() == null || Identifiers.normalize(parts.get(1)).equals(table.schema()));
    }
}
