package dev.safejdbc.guard;

import dev.safejdbc.database.Dialect;
import dev.safejdbc.findings.AppFrames;
import dev.safejdbc.guard.sql.KeyedSelect;
import dev.safejdbc.guard.sql.TableName;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Struct;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which columns of a keyed read's result the guard keeps, and how it reads them: worked out once
 * from the result's metadata (which some drivers compute expensively) and reused for every
 * execution of the same prepared statement.
 */
final class ColumnPlan {
    /** Types that have no equality a guard could rely on. */
    private static final Set<Integer> UNCOMPARABLE = Set.of(Types.ARRAY, Types.SQLXML, Types.STRUCT, Types.REF,
            Types.JAVA_OBJECT, Types.DATALINK);
    /**
     * Type names (PostgreSQL's, mostly) without a usable equality, or whose Java value loses what
     * the column holds (a time zone, bits, money's formatting), so an unchanged row would not match.
     */
    private static final Set<String> UNCOMPARABLE_NAMES = Set.of("json", "jsonb", "xml", "money", "bit", "varbit",
            "timetz", "point", "line", "lseg", "box", "path", "polygon", "circle");
    /** Java types that stand for the column's exact value, where the driver's default type may not. */
    private static final Map<Integer, Class<?>> EXACT_TYPES = Map.of(Types.TIMESTAMP, LocalDateTime.class,
            Types.TIMESTAMP_WITH_TIMEZONE, OffsetDateTime.class, Types.TIME, LocalTime.class, Types.DATE, LocalDate.class);

    private static final Set<Integer> CHARACTER = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR,
            Types.NVARCHAR, Types.LONGNVARCHAR);
    private static final Set<Integer> INTEGRAL = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT);
    private static final Set<Integer> BINARY = Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY);

    /**
     * A column kept: its position in the result, its label, its table column, type name, whether
     * its own equality may call different texts equal, how to read it and which getters give its
     * exact value.
     */
    private record Kept(int index, String label, String column, String stored, String typeName, boolean looseText,
            Class<?> exactType, int exactGetters) {
        Kept at(int position) {
            return new Kept(position, label, column, stored, typeName, looseText, exactType, exactGetters);
        }
    }

    private final List<Kept> kept;
    private final List<String> skipped;
    /** Result column index to kept column, -1 when not kept. */
    private final int[] keptByIndex;
    private final boolean strictTypes;
    /**
     * The first of the table's unique keys whose every column is kept, sorted, and the result
     * position of each: the key each row returns; null when the result carries none.
     */
    private final List<String> key;
    private final int[] keyIndexes;

    private ColumnPlan(List<Kept> kept, List<String> skipped, int columnCount, boolean strictTypes, TableKeys keys) {
        this.kept = kept;
        this.skipped = skipped;
        this.strictTypes = strictTypes;
        this.keptByIndex = new int[columnCount + 1];
        Arrays.fill(keptByIndex, -1);
        for (int i = 0; i < kept.size(); i++) {
            keptByIndex[kept.get(i).index()] = i;
        }
        List<String> returned = null;
        for (Set<String> unique : keys == null ? List.<Set<String>>of() : keys.uniqueKeys()) {
            if (unique.stream().allMatch(column -> keptColumn(column) >= 0)) {
                returned = unique.stream().sorted().toList();
                break;
            }
        }
        this.key = returned;
        this.keyIndexes = returned == null ? null
                : returned.stream().mapToInt(column -> kept.get(keptColumn(column)).index()).toArray();
    }

    /** The kept column that is table column {@code column} (normalized), or -1. */
    int keptColumn(String column) {
        for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i).column().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Dates and times are read as java.time values on PostgreSQL and H2 (no time-zone shifts, no
     * daylight-saving gap, micros kept); in SQLite a column's declared type does not say what its
     * values are (no strict types).
     */
    static ColumnPlan of(ResultSetMetaData meta, KeyedSelect select, TableKeys keys, Dialect dialect)
            throws SQLException {
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            labels.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        String[] columnAt = new String[labels.size() + 1];
        for (int i = 1; i <= labels.size(); i++) {
            columnAt[i] = tableColumn(select, labels.get(i - 1), labels);
        }
        return of(meta, columnAt, keys, dialect);
    }

    /**
     * The same for a result whose columns are known by position: {@code columnAt[i]} is the table
     * column (normalized) of result column {@code i}, or null. A label the result has twice is
     * read by position only: the application's getter by label reads the first of them.
     */
    static ColumnPlan of(ResultSetMetaData meta, String[] columnAt, TableKeys keys, Dialect dialect)
            throws SQLException {
        boolean javaTime = dialect == Dialect.POSTGRESQL || dialect == Dialect.H2;
        boolean strictTypes = dialect != Dialect.SQLITE;
        List<Kept> kept = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            labels.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String lower = labels.get(i - 1);
            // a label the result has twice names no kept column: getters by label read the first of them
            String label = labels.indexOf(lower) == labels.lastIndexOf(lower) ? meta.getColumnLabel(i) : null;
            String column = i < columnAt.length ? columnAt[i] : null;
            String stored = column == null ? null : keys.stored(column);
            if (stored == null || seen.contains(column)) {
                continue; // an expression, or a name the catalog cannot quote apart from another
            }
            seen.add(column);
            int type = meta.getColumnType(i);
            String typeName = meta.getColumnTypeName(i);
            String inexact = inexact(dialect, typeName, keys.indexed(column));
            if (inexact != null) {
                skipped.add(column + " (" + inexact + ")");
            } else if (isComparable(type, typeName)) {
                Class<?> exactType = javaTime ? EXACT_TYPES.get(type) : dialect == Dialect.MARIADB ? mariadbExactType(type,
                        typeName) : null;
                kept.add(new Kept(i, label, column, stored, typeName, looseText(dialect, type, typeName, column, keys),
                        exactType, exactGetters(type, exactType)));
            } else {
                skipped.add(column);
            }
        }
        return new ColumnPlan(List.copyOf(kept), List.copyOf(skipped), meta.getColumnCount(), strictTypes, keys);
    }

    /**
     * The columns of this plan and, after them, those of {@code older} this one lacks: what two
     * reads of one row saw together, positioned anew. Null when {@code older} adds no column.
     */
    ColumnPlan union(ColumnPlan older) {
        List<Kept> all = new ArrayList<>();
        for (Kept column : kept) {
            all.add(column.at(all.size() + 1));
        }
        for (Kept column : older.kept) {
            if (keptColumn(column.column()) < 0) {
                all.add(column.at(all.size() + 1));
            }
        }
        if (all.size() == kept.size()) {
            return null;
        }
        List<String> skippedBoth = new ArrayList<>(skipped);
        older.skipped.stream().filter(column -> !skippedBoth.contains(column)).forEach(skippedBoth::add);
        return new ColumnPlan(List.copyOf(all), List.copyOf(skippedBoth), all.size(), strictTypes, null);
    }

    /** The table's key the result carries, sorted; null when it carries none. */
    List<String> key() {
        return key;
    }

    /** Whether the result carries a key of the table other than {@code columns} (sorted): no allocation. */
    boolean returnsOtherKey(List<String> columns) {
        if (key == null) {
            return false;
        }
        if (key.size() != columns.size()) {
            return true;
        }
        for (int i = 0; i < key.size(); i++) {
            if (!key.get(i).equals(columns.get(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The key the current row returns, as {@link #key()} names it; null when the plan has none or
     * a key value is NULL (the null-extended side of an outer join).
     */
    RowKey returnedKey(ResultSet rs, TableName table, int baseHash) throws SQLException {
        Object[] values = new Object[keyIndexes.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = RowKey.comparable(rs.getObject(keyIndexes[i]));
            if (values[i] == null) {
                return null;
            }
        }
        return new RowKey(table, key, values, baseHash);
    }

    /** The first row, as the application is about to read it: its values are taken as it reads them. */
    Observation observe(ResultSet rs, boolean exact, AppFrames readAt) {
        return new Observation(this, rs, exact, readAt);
    }

    /**
     * Whether every value of a column has the column's type, so that a getter's value is exact or
     * not by the column's type alone. Not so in SQLite, where a column's declared type does not
     * say what its values are.
     */
    boolean strictTypes() {
        return strictTypes;
    }

    /** The kept column at result position {@code index}, or -1. */
    int kept(int index) {
        return index > 0 && index < keptByIndex.length ? keptByIndex[index] : -1;
    }

    /** The kept column labelled {@code label} (as JDBC matches labels: ignoring case), or -1. */
    int kept(String label) {
        for (int i = 0; i < kept.size(); i++) {
            if (label.equalsIgnoreCase(kept.get(i).label())) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code getter} gives kept column {@code index}'s exact value. */
    boolean isExact(int index, int getter) {
        return (kept.get(index).exactGetters() & getter) != 0;
    }

    /** Reads kept column {@code index} of the current row as the guard compares it. */
    Object read(ResultSet rs, int index) throws SQLException {
        return read(rs, kept.get(index));
    }

    int size() {
        return kept.size();
    }

    String column(int index) {
        return kept.get(index).column();
    }

    /**
     * Whether kept column {@code index}'s own equality may call different texts equal (a case-insensitive
     * collation or type): it is compared by its text's bytes, a key column too.
     */
    boolean isLooseText(int index) {
        return kept.get(index).looseText();
    }

    /** Kept column {@code index}'s name as the catalog stores it, to quote it exactly. */
    String stored(int index) {
        return kept.get(index).stored();
    }

    String typeName(int index) {
        return kept.get(index).typeName();
    }

    /** Columns of the result that can never be compared (json, arrays, ...). */
    List<String> skipped() {
        return skipped;
    }

    /**
     * The table column (normalized) a result column is: one the select list names, or one of
     * {@code t.*}. A label the result has twice is neither: one of the two may be an expression.
     */
    private static String tableColumn(KeyedSelect select, String label, List<String> labels) {
        String lower = label.toLowerCase(Locale.ROOT);
        if (labels.indexOf(lower) != labels.lastIndexOf(lower)) {
            return null;
        }
        String mapped = select.columnsByLabel().get(lower);
        if (mapped != null) {
            return KeyCatalog.normalize(mapped);
        }
        return select.selectsAll() ? KeyCatalog.normalize(label) : null;
    }

    private static Object read(ResultSet rs, Kept column) throws SQLException {
        if (column.exactType() != null) {
            try {
                return rs.getObject(column.index(), column.exactType());
            } catch (SQLException | RuntimeException e) {
                // this driver cannot give that type: its own will do
            }
        }
        return rs.getObject(column.index());
    }

    /**
     * A plain getObject is exact unless a java.time type is needed; getString, getLong and
     * getBytes are where the column's type makes them give what getObject gives.
     */
    private static int exactGetters(int type, Class<?> exactType) {
        int getters = exactType == null ? ReadCapture.GET_OBJECT : 0;
        if (CHARACTER.contains(type)) {
            getters |= ReadCapture.GET_STRING;
        } else if (INTEGRAL.contains(type)) {
            getters |= ReadCapture.GET_LONG;
        } else if (BINARY.contains(type)) {
            getters |= ReadCapture.GET_BYTES;
        }
        return getters;
    }

    /**
     * MariaDB's driver gives {@code TINYINT(1)} as a Boolean (it holds 2 too) and {@code YEAR} as a
     * {@code java.sql.Date}, whose year 0 it cannot read: as numbers both are exact.
     */
    private static Class<?> mariadbExactType(int type, String typeName) {
        return type == Types.BOOLEAN ? Long.class : "YEAR".equalsIgnoreCase(typeName) ? Short.class : null;
    }

    /** LOB and array values are handles to data elsewhere, not the data: they cannot be compared. */
    static boolean isLocator(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof byte[]) {
            return false; // the usual values, told apart by class checks cheaper than interface checks
        }
        return value instanceof Blob || value instanceof Clob || value instanceof Array || value instanceof SQLXML
                || value instanceof Struct || value instanceof Ref;
    }

    /**
     * Why this database's driver gives no value of a column of this type that compares equal to
     * the row it came from; null when it does.
     */
    private static String inexact(Dialect dialect, String typeName, boolean indexed) {
        String name = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
        if (dialect == Dialect.H2 && indexed && name.equals("VARCHAR_IGNORECASE")) {
            return "VARCHAR_IGNORECASE under an index: after a change of case alone, H2 gives the index's copy of the"
                    + " value (the old case) or the row's, by the path a query takes";
        }
        if (dialect == Dialect.MARIADB) {
            switch (name) {
                case "FLOAT":
                    return "FLOAT: the driver gives a decimal rendering, which does not compare equal to the stored float";
                case "TIME":
                    return "TIME: values beyond a day, negative or fractional have no exact Java value";
                case "DATE":
                    return "DATE: the driver reads a zero date as NULL, and one with a zero month or day as another"
                            + " date (or not at all, as a LocalDate)";
                case "DATETIME", "TIMESTAMP":
                    return name + ": the driver reads a zero date as NULL, and moves a time in the JVM zone's"
                            + " daylight-saving gap out of it (its getObject, getString and LocalDateTime alike)";
                default:
                    return null;
            }
        }
        if (dialect == Dialect.POSTGRESQL) {
            switch (name) {
                case "FLOAT4", "FLOAT8":
                    return name.toLowerCase(Locale.ROOT) + ": the driver's value follows the session's"
                            + " extra_float_digits (0 or less rounds it)";
                case "INTERVAL":
                    return "interval: the driver's value follows the session's IntervalStyle";
                default:
                    return null;
            }
        }
        return null;
    }

    /**
     * Whether a column's equality may call different texts equal: on MariaDB any character column (its
     * default collations ignore case and trailing spaces), on H2 {@code VARCHAR_IGNORECASE}, on PostgreSQL
     * {@code citext} (a domain over it too: results name the base type) and a nondeterministic collation,
     * on SQLite a column an index collates other than {@code BINARY} (a {@code NOCASE} key). SQLite compares
     * every column with {@code BINARY}; a loose key column is compared too, though the write's WHERE names it.
     */
    private static boolean looseText(Dialect dialect, int type, String typeName, String column, TableKeys keys) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        return switch (dialect) {
            case MARIADB -> CHARACTER.contains(type);
            case H2 -> name.equals("varchar_ignorecase"); // an indexed one is not compared at all
            case POSTGRESQL -> name.equals("citext") || name.endsWith(".citext") || name.endsWith(".\"citext\"")
                    || keys.collatedLoosely(column);
            case SQLITE -> keys.collatedLoosely(column);
        };
    }

    private static boolean isComparable(int type, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        return !UNCOMPARABLE.contains(type) && !UNCOMPARABLE_NAMES.contains(name) && !name.startsWith("_");
    }
}
