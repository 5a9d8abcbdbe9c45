package dev.safejdbc.jdbc;

import dev.safejdbc.function.SqlFunction;
import dev.safejdbc.function.SqlSupplier;
import dev.safejdbc.guard.BoundValues;
import dev.safejdbc.guard.StatementGuard;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.*;
import java.util.Calendar;

/**
 * A prepared statement whose executions run inside the calling thread's session. Its
 * {@link StatementGuard} analyses its SQL once; when the guard may act on it, the parameters are
 * recorded as they are bound, so that a guarded form can be bound the same way.
 */
public class SafePreparedStatement extends SafeStatement implements PreparedStatement {
    private final PreparedStatement delegate;
    private final String sql;
    private final SqlFunction<String, PreparedStatement> preparer;
    /** Null when the guard has nothing to do with this statement's parameters: binding then costs nothing extra. */
    private final BoundValues bound;
    /** The executions, made once: a method reference made per call would be an allocation per call. */
    private final SqlSupplier<ResultSet> executeQuery;
    private final SqlSupplier<Long> executeUpdate;
    private final SqlSupplier<Long> executeLargeUpdate;
    private final SqlSupplier<Boolean> execute;

    SafePreparedStatement(SafeConnection connection, PreparedStatement delegate, String sql,
            SqlFunction<String, PreparedStatement> preparer) {
        super(connection, delegate, StatementGuard.prepared(connection.guard(), connection.physicalConnection(), sql));
        this.delegate = delegate;
        this.sql = sql;
        this.preparer = preparer;
        this.bound = guard.parameters();
        this.executeQuery = delegate::executeQuery;
        this.executeUpdate = () -> (long) delegate.executeUpdate();
        this.executeLargeUpdate = delegate::executeLargeUpdate;
        this.execute = delegate::execute;
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        return runQuery(sql, executeQuery);
    }

    @Override
    public int executeUpdate() throws SQLException {
        return (int) runWrite(sql, executeUpdate, preparer, PreparedStatement::executeLargeUpdate);
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        return runWrite(sql, executeLargeUpdate, preparer, PreparedStatement::executeLargeUpdate);
    }

    @Override
    public boolean execute() throws SQLException {
        return runExecute(sql, execute, preparer);
    }

    @Override
    SqlFunction<String, PreparedStatement> guardedForms() {
        return preparer;
    }

    @Override
    public void clearParameters() throws SQLException {
        delegate.clearParameters();
        guard.clearParameters();
    }

    // --- parameters: each setter records what it bound for the guard (GuardHandOffTest); nothing reaches the database ---

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        delegate.setNull(parameterIndex, sqlType);
        if (bound != null) {
            bound.setNull(parameterIndex, sqlType);
        }
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        delegate.setBoolean(parameterIndex, x);
        if (bound != null) {
            bound.set(parameterIndex, BoundValues.Setter.BOOLEAN, x);
        }
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        delegate.setByte(parameterIndex, x);
        if (bound != null) {
            bound.set(parameterIndex, BoundValues.Setter.BYTE, x);
        }
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        delegate.setShort(parameterIndex, x);
        if (bound != null) {
            bound.set(parameterIndex, BoundValues.Setter.SHORT, x);
        }
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        delegate.setInt(parameterIndex, x);
        if (bound != null) {
            bound.set(parameterIndex, BoundValues.Setter.INT, x);
        }
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        delegate.setLong(parameterIndex, x);
        if (bound != null) {
            bound.set(parameterIndex, BoundValues.Setter.LONG, x);
        }
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        delegate.setFloat(parameterIndex, x);
        if (bound != null) {
            bound.set(parameterIndex, BoundValues.Setter.FLOAT, x);
        }
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        delegate.setDouble(parameterIndex, x);
        if (bound != null) {
            bound.set(parameterIndex, BoundValues.Setter.DOUBLE, x);
        }
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        delegate.setBigDecimal(parameterIndex, x);
        if (bound != null) {
            bound.set(parameterIndex, BoundValues.Setter.BIG_DECIMAL, x);
        }
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        delegate.setString(parameterIndex, x);
        if (bound != null) {
            bound.set(parameterIndex, BoundValues.Setter.STRING, x);
        }
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        delegate.setBytes(parameterIndex, x);
        if (bound != null) {
            bound.set(parameterIndex, BoundValues.Setter.BYTES, x);
        }
    }

    @Override
    public void setDate(int parameterIndex, java.sql.Date x) throws SQLException {
        delegate.setDate(parameterIndex, x);
        if (bound != null) {
            bound.set(parameterIndex, BoundValues.Setter.DATE, x);
        }
    }

    @Override
    public void setTime(int parameterIndex, java.sql.Time x) throws SQLException {
        delegate.setTime(parameterIndex, x);
        if (bound != null) {
            bound.set(parameterIndex, BoundValues.Setter.TIME, x);
        }
    }

    @Override
    public void setTimestamp(int parameterIndex, java.sql.Timestamp x) throws SQLException {
        delegate.setTimestamp(parameterIndex, x);
        if (bound != null) {
            bound.set(parameterIndex, BoundValues.Setter.TIMESTAMP, x);
        }
    }

    @Override
    public void setAsciiStream(int parameterIndex, java.io.InputStream x, int length) throws SQLException {
        delegate.setAsciiStream(parameterIndex, x, length);
        if (bound != null) {
            bound.opaque(parameterIndex, "setAsciiStream(int, InputStream, int)");
        }
    }

    @Deprecated
    @SuppressWarnings("deprecation") // still delegated: JDBC keeps the method
    @Override
    public void setUnicodeStream(int parameterIndex, java.io.InputStream x, int length) throws SQLException {
        delegate.setUnicodeStream(parameterIndex, x, length);
        if (bound != null) {
            bound.opaque(parameterIndex, "setUnicodeStream(int, InputStream, int)");
        }
    }

    @Override
    public void setBinaryStream(int parameterIndex, java.io.InputStream x, int length) throws SQLException {
        delegate.setBinaryStream(parameterIndex, x, length);
        if (bound != null) {
            bound.opaque(parameterIndex, "setBinaryStream(int, InputStream, int)");
        }
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        delegate.setObject(parameterIndex, x, targetSqlType);
        if (bound != null) {
            bound.setTyped(parameterIndex, x, targetSqlType);
        }
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        delegate.setObject(parameterIndex, x);
        if (bound != null) {
            bound.set(parameterIndex, BoundValues.Setter.OBJECT, x);
        }
    }

    @Override
    public void addBatch() throws SQLException {
        delegate.addBatch();
        guard.addBatch();
    }

    @Override
    public void setCharacterStream(int parameterIndex, java.io.Reader reader, int length) throws SQLException {
        delegate.setCharacterStream(parameterIndex, reader, length);
        if (bound != null) {
            bound.opaque(parameterIndex, "setCharacterStream(int, Reader, int)");
        }
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        delegate.setRef(parameterIndex, x);
        if (bound != null) {
            bound.opaque(parameterIndex, "setRef(int, Ref)");
        }
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        delegate.setBlob(parameterIndex, x);
        if (bound != null) {
            bound.opaque(parameterIndex, "setBlob(int, Blob)");
        }
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        delegate.setClob(parameterIndex, x);
        if (bound != null) {
            bound.opaque(parameterIndex, "setClob(int, Clob)");
        }
    }

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        delegate.setArray(parameterIndex, x);
        if (bound != null) {
            bound.opaque(parameterIndex, "setArray(int, Array)");
        }
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return delegate.getMetaData();
    }

    @Override
    public void setDate(int parameterIndex, java.sql.Date x, Calendar cal) throws SQLException {
        delegate.setDate(parameterIndex, x, cal);
        if (bound != null) {
            bound.setWithCalendar(parameterIndex, BoundValues.Setter.DATE_CALENDAR, x, cal);
        }
    }

    @Override
    public void setTime(int parameterIndex, java.sql.Time x, Calendar cal) throws SQLException {
        delegate.setTime(parameterIndex, x, cal);
        if (bound != null) {
            bound.setWithCalendar(parameterIndex, BoundValues.Setter.TIME_CALENDAR, x, cal);
        }
    }

    @Override
    public void setTimestamp(int parameterIndex, java.sql.Timestamp x, Calendar cal) throws SQLException {
        delegate.setTimestamp(parameterIndex, x, cal);
        if (bound != null) {
            bound.setWithCalendar(parameterIndex, BoundValues.Setter.TIMESTAMP_CALENDAR, x, cal);
        }
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        delegate.setNull(parameterIndex, sqlType, typeName);
        if (bound != null) {
            bound.setNull(parameterIndex, sqlType, typeName);
        }
    }

    @Override
    public void setURL(int parameterIndex, java.net.URL x) throws SQLException {
        delegate.setURL(parameterIndex, x);
        if (bound != null) {
            bound.opaque(parameterIndex, "setURL(int, URL)");
        }
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        return delegate.getParameterMetaData();
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        delegate.setRowId(parameterIndex, x);
        if (bound != null) {
            bound.opaque(parameterIndex, "setRowId(int, RowId)");
        }
    }

    @Override
    public void setNString(int parameterIndex, String value) throws SQLException {
        delegate.setNString(parameterIndex, value);
        if (bound != null) {
            bound.set(parameterIndex, BoundValues.Setter.NSTRING, value);
        }
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        delegate.setNCharacterStream(parameterIndex, value, length);
        if (bound != null) {
            bound.opaque(parameterIndex, "setNCharacterStream(int, Reader, long)");
        }
    }

    @Override
    public void setNClob(int parameterIndex, NClob value) throws SQLException {
        delegate.setNClob(parameterIndex, value);
        if (bound != null) {
            bound.opaque(parameterIndex, "setNClob(int, NClob)");
        }
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        delegate.setClob(parameterIndex, reader, length);
        if (bound != null) {
            bound.opaque(parameterIndex, "setClob(int, Reader, long)");
        }
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        delegate.setBlob(parameterIndex, inputStream, length);
        if (bound != null) {
            bound.opaque(parameterIndex, "setBlob(int, InputStream, long)");
        }
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        delegate.setNClob(parameterIndex, reader, length);
        if (bound != null) {
            bound.opaque(parameterIndex, "setNClob(int, Reader, long)");
        }
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        delegate.setSQLXML(parameterIndex, xmlObject);
        if (bound != null) {
            bound.opaque(parameterIndex, "setSQLXML(int, SQLXML)");
        }
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        delegate.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
        if (bound != null) {
            bound.setScaled(parameterIndex, x, targetSqlType, scaleOrLength);
        }
    }

    @Override
    public void setAsciiStream(int parameterIndex, java.io.InputStream x, long length) throws SQLException {
        delegate.setAsciiStream(parameterIndex, x, length);
        if (bound != null) {
            bound.opaque(parameterIndex, "setAsciiStream(int, InputStream, long)");
        }
    }

    @Override
    public void setBinaryStream(int parameterIndex, java.io.InputStream x, long length) throws SQLException {
        delegate.setBinaryStream(parameterIndex, x, length);
        if (bound != null) {
            bound.opaque(parameterIndex, "setBinaryStream(int, InputStream, long)");
        }
    }

    @Override
    public void setCharacterStream(int parameterIndex, java.io.Reader reader, long length) throws SQLException {
        delegate.setCharacterStream(parameterIndex, reader, length);
        if (bound != null) {
            bound.opaque(parameterIndex, "setCharacterStream(int, Reader, long)");
        }
    }

    @Override
    public void setAsciiStream(int parameterIndex, java.io.InputStream x) throws SQLException {
        delegate.setAsciiStream(parameterIndex, x);
        if (bound != null) {
            bound.opaque(parameterIndex, "setAsciiStream(int, InputStream)");
        }
    }

    @Override
    public void setBinaryStream(int parameterIndex, java.io.InputStream x) throws SQLException {
        delegate.setBinaryStream(parameterIndex, x);
        if (bound != null) {
            bound.opaque(parameterIndex, "setBinaryStream(int, InputStream)");
        }
    }

    @Override
    public void setCharacterStream(int parameterIndex, java.io.Reader reader) throws SQLException {
        delegate.setCharacterStream(parameterIndex, reader);
        if (bound != null) {
            bound.opaque(parameterIndex, "setCharacterStream(int, Reader)");
        }
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        delegate.setNCharacterStream(parameterIndex, value);
        if (bound != null) {
            bound.opaque(parameterIndex, "setNCharacterStream(int, Reader)");
        }
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException {
        delegate.setClob(parameterIndex, reader);
        if (bound != null) {
            bound.opaque(parameterIndex, "setClob(int, Reader)");
        }
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        delegate.setBlob(parameterIndex, inputStream);
        if (bound != null) {
            bound.opaque(parameterIndex, "setBlob(int, InputStream)");
        }
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        delegate.setNClob(parameterIndex, reader);
        if (bound != null) {
            bound.opaque(parameterIndex, "setNClob(int, Reader)");
        }
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        delegate.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
        if (bound != null) {
            bound.setSqlType(parameterIndex, x, targetSqlType, scaleOrLength);
        }
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
        delegate.setObject(parameterIndex, x, targetSqlType);
        if (bound != null) {
            bound.setSqlType(parameterIndex, x, targetSqlType);
        }
    }
}
