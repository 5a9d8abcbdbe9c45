package dev.safejdbc.guard;

import dev.safejdbc.findings.AppFrames;
import java.util.List;
import java.util.Map;

/**
 * What a keyed read saw: the row was there with these values, or it was not there. A later write
 * of the same key is made conditional on it.
 *
 * @param present  whether the read returned the row
 * @param observed the comparable columns read, in read order: column to value and type
 * @param skipped  columns read that cannot be compared (json, arrays, LOBs)
 * @param exact    whether the read's WHERE was the key and nothing more (only then does
 *                 "absent" mean the key is free)
 * @param where    where the application read it
 */
record Observation(boolean present, Map<String, Observed> observed, List<String> skipped, boolean exact,
                   AppFrames where) {

    /** A value as read, with the column's database type name (for PostgreSQL's casts). */
    record Observed(Object value, String typeName) {
    }
}
