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
 * Records what a keyed read's result set showed the application: its first row's comparable
 * columns, or that there was no row. Called once, on the first {@code next()}.
 */
public final class ReadCapture {
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

    private final ReadLog log;
    private final ReadLog.RowKey key;
    private final KeyedSelect select;
    private final boolean exact;
    private final AppFrames where;
    private final boolean javaTime;

    /** @param javaTime read dates and times as java.time values (PostgreSQL: no time-zone shifts, micros kept) */
    ReadCapture(ReadLog log, ReadLog.RowKey key, KeyedSelect select, boolean exact, boolean javaTime) {
        this.log = log;
        this.key = key;
        this.select = select;
        this.exact = exact;
        this.javaTime = javaTime;
        this.where = AppFrames.here();
    }

    public void firstRow(ResultSet rs, boolean present) throws SQLException {
        Map<String, Observation.Observed> observed = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        if (present) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String column = tableColumn(meta.getColumnLabel(i));
                if (column == null || observed.containsKey(column)) {
                    continue;
                }
                int type = meta.getColumnType(i);
                String typeName = meta.getColumnTypeName(i);
                boolean comparable = isComparable(type, typeName);
                Object value = comparable ? read(rs, i, type) : null;
                if (comparable && !isLocator(value)) {
                    observed.put(column, new Observation.Observed(value, typeName));
                } else {
                    skipped.add(column);
                }
            }
        }
        log.record(key, new Observation(present, observed, skipped, exact, where));
    }

    private String tableColumn(String label) {
        String lower = label.toLowerCase(Locale.ROOT);
        String mapped = select.columnsByLabel().get(lower);
        if (mapped != null) {
            return mapped;
        }
        return select.selectsAll() ? label : null;
    }

    private Object read(ResultSet rs, int column, int type) throws SQLException {
        Class<?> exactType = javaTime ? EXACT_TYPES.get(type) : null;
        if (exactType != null) {
            try {
                return rs.getObject(column, exactType);
            } catch (SQLException | RuntimeException e) {
                // this driver cannot give that type: its own will do
            }
        }
        return rs.getObject(column);
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
