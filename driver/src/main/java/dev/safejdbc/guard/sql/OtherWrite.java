package dev.safejdbc.guard.sql;

/**
 * A write the guard cannot pin to rows (no key equality, a join, vendor syntax it cannot parse):
 * it may change any row the transaction read, so those reads can no longer guard anything.
 */
public enum OtherWrite implements Analysis {
    INSTANCE
}
