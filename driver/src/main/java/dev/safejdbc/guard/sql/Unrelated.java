package dev.safejdbc.guard.sql;

/** A statement the guard ignores: not a write, and not a single-table keyed read it can use. */
public enum Unrelated implements Analysis {
    INSTANCE
}
