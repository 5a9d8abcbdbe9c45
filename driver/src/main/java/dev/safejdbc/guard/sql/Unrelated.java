package dev.safejdbc.guard.sql;

/** A statement the guard ignores: unparseable, too complex, or not a single-table keyed read/write. */
public enum Unrelated implements Analysis {
    INSTANCE
}
