package dev.safejdbc.guard.sql;

/** CREATE / ALTER / DROP / TRUNCATE / RENAME: key metadata the guard cached may be stale now. */
public enum SchemaChange implements Analysis {
    INSTANCE
}
