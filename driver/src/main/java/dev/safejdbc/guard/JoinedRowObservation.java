package dev.safejdbc.guard;

import dev.safejdbc.findings.AppFrames;
import java.sql.ResultSet;

/**
 * Another table's observation of a result row that already records one (a join's row records one per
 * table): the one before it completes first, so that the first of them to read the row itself takes the
 * application's {@code wasNull()}. A subclass, so that a single table's observation carries no such link.
 */
final class JoinedRowObservation extends Observation {
    private final Observation before;

    JoinedRowObservation(ColumnPlan columns, ResultSet row, AppFrames readAt, Observation before) {
        super(columns, row, false, readAt);
        this.before = before;
    }

    @Override
    void complete() {
        before.complete();
        super.complete();
    }
}
