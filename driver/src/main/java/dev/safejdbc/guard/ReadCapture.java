package dev.safejdbc.guard;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Records what a read's result set showed the application, row by row as its cursor lands on
 * them: the comparable columns of each row recorded, their values as the application reads them,
 * and the rest when the cursor leaves the row. A keyed read records its first row, or that there
 * was none ({@link KeyedReadCapture}); another read records the rows it returns by the keys they
 * carry ({@link ReturnedRowsCapture}); any other read records nothing ({@link #NONE}).
 */
public sealed interface ReadCapture permits KeyedReadCapture, ReturnedRowsCapture, ReadCapture.Nothing {
    /** A read the guard records nothing of: its result set need not ask it anything. */
    ReadCapture NONE = new Nothing();

    /** Getters that can give a column's exact value, so that the guard need not read it again. */
    int GET_OBJECT = 1;
    int GET_STRING = 2;
    int GET_LONG = 4;
    int GET_BYTES = 8;

    /**
     * The cursor moved ({@code next()}), onto a row if {@code present}: returns whether values are
     * still to be taken from this row.
     */
    boolean onRow(ResultSet rs, boolean present) throws SQLException;

    /** Whether a later row is recorded too; once not, the result set asks no more. */
    boolean recordsMore();

    /**
     * Whether a getter may convert the row's values in place (SQLite: reading a blob as text
     * makes it text), so a getter the guard takes nothing from must let it read the row first.
     */
    boolean convertsInPlace();

    /** The application read column {@code index} with {@code getter} (one of {@code GET_*}). */
    void read(int index, int getter, Object value);

    void read(String label, int getter, Object value);

    /** The application called a getter the guard takes nothing from. */
    void otherRead();

    /**
     * What the result set's {@code wasNull()} must say: the application's last getter's answer
     * when the guard has read the row since (1 true, 0 false); -1 when the driver's own is right.
     */
    int wasNull();

    /** The cursor is about to leave the row: what the application did not read is read now. */
    void leaveRow();

    /** Records nothing: no row is taken, no value kept. */
    final class Nothing implements ReadCapture {
        private Nothing() {
        }

        @Override
        public boolean onRow(ResultSet rs, boolean present) {
            return false;
        }

        @Override
        public boolean recordsMore() {
            return false;
        }

        @Override
        public boolean convertsInPlace() {
            return false;
        }

        @Override
        public void read(int index, int getter, Object value) {
        }

        @Override
        public void read(String label, int getter, Object value) {
        }

        @Override
        public void otherRead() {
        }

        @Override
        public int wasNull() {
            return -1;
        }

        @Override
        public void leaveRow() {
        }
    }
}
