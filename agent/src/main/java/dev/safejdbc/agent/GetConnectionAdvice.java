package dev.safejdbc.agent;

import java.sql.Connection;
import java.sql.SQLException;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into every {@code javax.sql.DataSource.getConnection()} and
 * {@code getConnection(String, String)}; see {@link ConnectAdvice}. On entry it refuses a nested
 * checkout, as {@code SafeDataSource} does: a small pool would otherwise wait for itself.
 */
final class GetConnectionAdvice {
    private GetConnectionAdvice() {
    }

    /** Not suppressed: a nested checkout is refused here, before the pool is asked (25001). */
    @Advice.OnMethodEnter
    static void enter(@Advice.This Object dataSource) throws Exception {
        ConnectionHook.enterGetConnection(dataSource);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object dataSource,
                     @Advice.Return(readOnly = false) Connection connection,
                     @Advice.Thrown(readOnly = false) Throwable thrown) throws Exception {
        try {
            connection = (Connection) ConnectionHook.exitGetConnection(dataSource, thrown == null ? connection : null);
        } catch (SQLException e) {
            thrown = e;
        }
    }
}
