package dev.safejdbc.guard;

import dev.safejdbc.findings.AppFrames;
import dev.safejdbc.guard.sql.KeyedSelect;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
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
    private static final Set<Integer> UNCOMPARABLE = Set.of(Types.ARRAY, Types.BLOB, Types.CLOB, Types.NCLOB,
            Types.SQLXML, Types.STRUCT, Types.REF, Types.JAVA_OBJECT, Types.DATALINK);
    private static final Set<String> UNCOMPARABLE_NAMES = Set.of("json", "jsonb", "xml");

    private final ReadLog log;
    private final ReadLog.RowKey key;
    private final KeyedSelect select;
    private final boolean exact;
    private final AppFrames where;

    ReadCapture(ReadLog log, ReadLog.RowKey key, KeyedSelect select, boolean exact) {
        this.log = log;
        this.key = key;
        this.select = select;
        this.exact = exact;
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
                String typeName = meta.getColumnTypeName(i);
                if (isComparable(meta.getColumnType(i), typeName)) {
                    observed.put(column, new Observation.Observed(rs.getObject(i), typeName));
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

    private static boolean isComparable(int type, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        return !UNCOMPARABLE.contains(type) && !UNCOMPARABLE_NAMES.contains(name) && !name.startsWith("_");
    }
}
