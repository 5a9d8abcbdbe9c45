package dev.safejdbc.guard.sql;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helpers: analyze with a fresh analyzer and narrow the result to the expected kind. */
final class Analyses {
    private Analyses() {
    }

    static Analysis analyze(String sql) {
        return new SqlAnalyzer(16).analyze(sql);
    }

    static <T extends Analysis> T analyze(String sql, Class<T> expected) {
        Analysis analysis = analyze(sql);
        assertThat(analysis).as(sql).isInstanceOf(expected);
        return expected.cast(analysis);
    }

    /**
     * What a statement the guard cannot use comes back as: a write it cannot pin to rows, or a statement
     * that may write or end the transaction, is {@link OtherWrite} (it ends the reads it may have changed),
     * anything else {@link Unrelated}.
     */
    static Analysis notKeyed(String sql) {
        String lower = sql.toLowerCase(java.util.Locale.ROOT);
        String first = lower.strip().split("[\\s(]", 2)[0];
        return switch (first) {
            case "update", "delete", "insert", "merge", "replace", "upsert", "call", "exec", "execute", "do", "copy",
                 "load", "explain", "runscript", "set" -> OtherWrite.INSTANCE;
            case "begin", "start", "savepoint" -> TransactionBoundary.BEGINS;
            case "commit", "end", "abort" -> TransactionBoundary.ENDS;
            case "release", "xa" -> TransactionBoundary.BEGINS_OR_ENDS;
            // ROLLBACK TO a savepoint undoes writes inside the transaction, which goes on
            case "rollback" -> lower.matches("(?s).*\\bto\\b.*") ? OtherWrite.INSTANCE : TransactionBoundary.ENDS;
            // a SELECT the parser does not take may be several statements, or call anything
            case "select" -> lower.contains("from") || lower.contains("(") || lower.contains(";")
                    ? OtherWrite.INSTANCE : Unrelated.INSTANCE;
            case "with" -> lower.matches("(?s).*\\b(insert|update|delete)\\b.*") ? OtherWrite.INSTANCE
                    : Unrelated.INSTANCE;
            default -> first.startsWith("{") ? OtherWrite.INSTANCE : Unrelated.INSTANCE;
        };
    }

    static Equality param(String column, int index) {
        return new Equality(column, ValueSource.parameter(index));
    }

    static Equality literal(String column, Object value) {
        return new Equality(column, ValueSource.literal(value));
    }
}
