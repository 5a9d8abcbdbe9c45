package dev.safejdbc.guard;

import dev.safejdbc.findings.AppFrames;
import dev.safejdbc.guard.sql.KeyedSelect;
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
import java.util.LinkedHashMap;
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

    /** A column kept: its position in the result, its table column, type name and how to read it. */
    private record Kept(int index, String column, String typeName, Class<?> exactType) {
    }

    private final List<Kept> kept;
    private final List<String> skipped;

    private ColumnPlan(List<Kept> kept, List<String> skipped) {
        this.kept = kept;
        this.skipped = skipped;
    }

    /** @param javaTime read dates and times as java.time values (PostgreSQL: no time-zone shifts, micros kept) */
    static ColumnPlan of(ResultSetMetaData meta, KeyedSelect select, boolean javaTime) throws SQLException {
        List<Kept> kept = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String column = tableColumn(select, meta.getColumnLabel(i));
            if (column == null || seen.contains(column)) {
                continue;
            }
            seen.add(column);
            int type = meta.getColumnType(i);
            String typeName = meta.getColumnTypeName(i);
            if (isComparable(type, typeName)) {
                kept.add(new Kept(i, column, typeName, javaTime ? EXACT_TYPES.get(type) : null));
            } else {
                skipped.add(column);
            }
        }
        return new ColumnPlan(List.copyOf(kept), List.copyOf(skipped));
    }

    /** What the current row shows of the kept columns; LOB handles found in it are skipped too. */
    Observation observe(ResultSet rs, boolean exact, AppFrames where) throws SQLException {
        Map<String, Observation.Observed> observed = new LinkedHashMap<>();
        List<String> notCompared = new ArrayList<>(skipped);
        for (Kept column : kept) {
            Object value = read(rs, column);
            if (isLocator(value)) {
                notCompared.add(column.column());
            } else {
                observed.put(column.column(), new Observation.Observed(value, column.typeName()));
            }
        }
        return new Observation(true, observed, notCompared, exact, where);
    }

    private static String tableColumn(KeyedSelect select, String label) {
        String mapped = select.columnsByLabel().get(label.toLowerCase(Locale.ROOT));
        if (mapped != null) {
            return mapped;
        }
        return select.selectsAll() ? label : null;
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

    /** LOB and array values are handles to data elsewhere, not the data: they cannot be compared. */
    private static boolean isLocator(Object value) {
        return value instanceof Blob || value instanceof Clob || value instanceof Array || value instanceof SQLXML
                || value instanceof Struct || value instanceof Ref;
    }

    private static boolean isComparable(int type, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        return !UNCOMPARABLE.contains(type) && !UNCOMPARABLE_NAMES.contains(name) && !name.startsWith("_");
    }
}
