package dev.safejdbc.agent;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into every {@code java.sql.Driver.connect(String, Properties)}: the connection the
 * driver opened leaves through {@link ConnectionHook}. A failure of the hook itself is suppressed,
 * so the driver's own connection goes out; an {@link SQLException} the hook means the
 * application to see is thrown instead of the method's result.
 */
final class ConnectAdvice {
    private ConnectAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter() {
        ConnectionHook.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object driver,
                     @Advice.Argument(0) String url,
                     @Advice.Argument(1) Properties info,
                     @Advice.Return(readOnly = false) Connection connection,
                     @Advice.Thrown(readOnly = false) Throwable thrown) throws Exception {
        try {
            connection = (Connection) ConnectionHook.exitConnect(driver, url, info, thrown == null ? connection : null);
        } catch (SQLException e) {
            thrown = e;
        }
    }
}
