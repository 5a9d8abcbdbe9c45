package dev.safejdbc.guard.sql;

/** What the check-then-act guard needs to know about one SQL text; produced by {@link SqlAnalyzer}. */
public sealed interface Analysis
        permits KeyedSelect, RowsSelect, KeyedUpdate, KeyedDelete, RowInsert, SchemaChange, OtherWrite,
        TransactionBoundary, Unrelated {
}
