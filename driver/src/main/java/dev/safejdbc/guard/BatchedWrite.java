package dev.safejdbc.guard;

import dev.safejdbc.guard.sql.Analysis;

/** One write added to a batch, with the parameters it had when added. */
record BatchedWrite(Analysis analysis, BoundValues bound) {
}
