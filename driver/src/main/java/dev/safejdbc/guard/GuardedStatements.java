package dev.safejdbc.guard;

import dev.safejdbc.function.SqlFunction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The guarded forms a logical connection prepared with a plain {@code prepareStatement(sql)},
 * kept for its later statements: most applications prepare the same SQL in every transaction,
 * and preparing its guarded form again each time would add a native prepare to every guarded
 * write. Bounded; a form evicted, or left when the connection closes, is closed.
 */
public final class GuardedStatements implements SqlFunction<String, PreparedStatement> {
    private static final int CAPACITY = 32;

    private final Connection physical;
    /** Made with the first guarded form: most connections never prepare one. */
    private Map<String, PreparedStatement> forms;

    public GuardedStatements(Connection physical) {
        this.physical = physical;
    }

    @Override
    public synchronized PreparedStatement apply(String sql) throws SQLException {
        if (forms == null) {
            forms = new LinkedHashMap<>(16, 0.75f, true);
        }
        PreparedStatement form = forms.get(sql);
        if (form == null || form.isClosed()) {
            form = physical.prepareStatement(sql);
            forms.put(sql, form);
            if (forms.size() > CAPACITY) {
                Iterator<PreparedStatement> eldest = forms.values().iterator();
                PreparedStatement evicted = eldest.next();
                eldest.remove();
                evicted.close();
            }
        }
        return form;
    }

    public synchronized void close() throws SQLException {
        if (forms == null) {
            return;
        }
        SQLException failure = null;
        for (PreparedStatement form : forms.values()) {
            try {
                form.close();
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        forms.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
