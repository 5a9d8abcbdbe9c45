package dev.safejdbc.guard;

import dev.safejdbc.guard.sql.Analysis;

/** One entry added to a batch: its SQL, what it is, and the parameters it had when added. */
record BatchedWrite(String sql, Analysis analysis, BoundValues bound) {
}
