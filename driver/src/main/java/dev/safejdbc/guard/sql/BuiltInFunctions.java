package dev.safejdbc.guard.sql;

import java.util.HashSet;
import java.util.Set;

/**
 * Built-in functions that write no table row, per database: a query that calls only these (and reads only
 * tables) is a read. Any other function may be the application's own and write anything, so a statement that
 * calls one is opaque. A name is listed for a database only if it is that database's own built-in, so that an
 * application function of that name elsewhere is not taken for it.
 */
public final class BuiltInFunctions {
    /** Built into all four databases: what a database without a list of its own is taken to have. */
    public static final Set<String> STANDARD = Set.of("count", "sum", "min", "max", "avg", "coalesce", "nullif",
            "lower", "upper", "length", "abs", "round", "trim", "ltrim", "rtrim", "replace", "substr",
            "current_timestamp", "current_date", "current_time", "row_number", "rank", "dense_rank", "lag", "lead",
            "first_value", "last_value");

    public static final Set<String> POSTGRESQL = with("array_agg", "string_agg", "json_agg", "jsonb_agg",
            "bool_and", "bool_or", "every", "greatest", "least", "char_length", "character_length", "octet_length",
            "ceil", "ceiling", "floor", "mod", "sign", "power", "sqrt", "exp", "ln", "log", "trunc", "concat",
            "concat_ws", "left", "right", "lpad", "rpad", "position", "strpos", "split_part", "reverse", "repeat",
            "format", "md5", "encode", "decode", "to_char", "to_number", "to_date", "to_timestamp", "regexp_replace",
            "json_build_object", "jsonb_build_object", "to_json", "to_jsonb", "array_length", "cardinality",
            "random", "gen_random_uuid", "now", "clock_timestamp", "statement_timestamp", "transaction_timestamp",
            "localtimestamp", "localtime", "date_trunc", "date_part", "age", "extract", "substring", "nextval",
            "currval", "lastval", "current_user", "session_user", "current_schema", "current_database", "version",
            "generate_series", "unnest");

    public static final Set<String> MARIADB = with("group_concat", "json_arrayagg", "ifnull", "if", "greatest",
            "least", "lcase", "ucase", "char_length", "character_length", "octet_length", "ceil", "ceiling", "floor",
            "mod", "sign", "power", "pow", "sqrt", "exp", "ln", "log", "log10", "truncate", "concat", "concat_ws",
            "left", "right", "lpad", "rpad", "position", "instr", "locate", "reverse", "repeat", "format", "md5",
            "sha1", "sha2", "hex", "unhex", "quote", "regexp_replace", "json_extract", "json_object", "json_array",
            "rand", "uuid", "now", "sysdate", "curdate", "curtime", "utc_timestamp", "localtimestamp", "localtime",
            "date", "time", "unix_timestamp", "from_unixtime", "date_format", "str_to_date", "datediff", "date_add",
            "date_sub", "timestampdiff", "extract", "substring", "nextval", "lastval", "last_insert_id", "row_count",
            "found_rows", "user", "current_user", "database", "schema", "version", "connection_id");

    public static final Set<String> SQLITE = with("group_concat", "total", "ifnull", "iif", "instr", "printf",
            "format", "hex", "quote", "typeof", "random", "date", "time", "datetime", "julianday", "strftime",
            "unixepoch", "changes", "total_changes", "last_insert_rowid", "json", "json_extract", "json_object",
            "json_array", "sqlite_version", "char", "unicode", "likely", "unlikely");

    public static final Set<String> H2 = with("array_agg", "listagg", "bool_and", "bool_or", "every", "ifnull",
            "nvl", "nvl2", "greatest", "least", "lcase", "ucase", "char_length", "character_length", "octet_length",
            "ceil", "ceiling", "floor", "mod", "sign", "power", "sqrt", "exp", "ln", "log", "log10", "trunc",
            "truncate", "concat", "concat_ws", "left", "right", "lpad", "rpad", "position", "instr", "locate",
            "repeat", "to_char", "to_date", "to_timestamp", "regexp_replace", "regexp_like", "json_object",
            "json_array", "rand", "random", "random_uuid", "now", "sysdate", "curdate", "curtime", "localtimestamp",
            "localtime", "datediff", "dateadd", "extract", "substring", "currval", "identity", "scope_identity",
            "user", "current_user", "database", "schema", "current_schema", "system_range", "unnest",
            "cardinality");

    /** Every database's: for SQL whose database is not known (the interleaving harness). */
    public static final Set<String> ANY = union(POSTGRESQL, MARIADB, SQLITE, H2);

    private BuiltInFunctions() {
    }

    private static Set<String> with(String... names) {
        Set<String> all = new HashSet<>(STANDARD);
        all.addAll(Set.of(names));
        return Set.copyOf(all);
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }
}
