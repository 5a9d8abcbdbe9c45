package dev.safejdbc.agent;

import java.sql.Connection;
import java.sql.SQLException;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into every {@code javax.sql.DataSource.getConnection()} and
 * {@code getConnection(String, String)}; see {@link ConnectAdvice}.
 */
final class GetConnectionAdvice {
    private GetConnectionAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter() {
        ConnectionHook.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object dataSource,
                     @Advice.Return(readOnly = false) Connection connection,
                     @Advice.Thrown(readOnly = false) Throwable thrown) {
        try {
            connection = ConnectionHook.exitGetConnection(dataSource, thrown == null ? connection : null);
        } catch (SQLException e) {
            thrown = e;
        }
    }
}
