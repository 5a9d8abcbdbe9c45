package dev.safejdbc.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safejdbc.agent.fixtures.ConnectionMethodShapes;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transformer's rewrite of a body, run for real: the class is rewritten, defined (and so
 * verified) in a loader of its own, and its methods called. The hook sees one entry and one exit
 * per call, the connection it returns is the one the method returns, and the body's own handlers,
 * loops and {@code finally} behave as written.
 */
class ConnectionMethodsTest {
    private static final List<String> CALLS = new CopyOnWriteArrayList<>();
    private static final Connection PHYSICAL = connection("physical");
    private static final Connection PROTECTED = connection("protected");
    private static Class<?> rewritten;

    @BeforeAll
    static void rewriteTheShapes() throws IOException {
        ConnectionHook.install(new RecordingHook());
        String name = ConnectionMethodShapes.class.getName();
        byte[] original;
        try (InputStream in = ConnectionMethodShapes.class.getResourceAsStream("ConnectionMethodShapes.class")) {
            original = in.readAllBytes();
        }
        byte[] changed = ConnectionMethods.rewrite(ConnectionMethodsTest.class.getClassLoader(),
                name.replace('.', '/'), original);
        assertThat(changed).as("rewritten").isNotNull();
        rewritten = new ClassLoader(ConnectionMethodsTest.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(name, changed, 0, changed.length);
            }
        }.define();
    }

    @BeforeEach
    void forget() {
        CALLS.clear();
    }

    @Test
    void connectEntersAndReturnsWhatTheHookReturns() throws Throwable {
        Object shapes = shapes("plain");
        assertThat(call(shapes, "connect", "jdbc:x", new Properties())).isSameAs(PROTECTED);
        assertThat(CALLS).containsExactly("enterConnect", "returnConnect physical jdbc:x");
        assertThat(trace(shapes)).isEqualTo("012");
    }

    @Test
    void aNullReturnGoesThroughTheHookToo() throws Throwable {
        assertThat(call(shapes("plain"), "connect", null, new Properties())).isNull();
        assertThat(CALLS).containsExactly("enterConnect", "returnConnect null null");
    }

    @Test
    void aThrowingBodyExitsThroughTheHookOnceAndItsExceptionGoesOn() {
        Object shapes = shapes("throw");
        assertThatThrownBy(() -> call(shapes, "connect", "jdbc:x", new Properties()))
                .isInstanceOf(SQLException.class).hasMessage("refused by the driver");
        assertThat(CALLS).containsExactly("enterConnect", "thrownFromConnect");
        assertThatThrownBy(() -> call(shapes, "getConnection", "user", "secret"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(CALLS).endsWith("enterGetConnection", "thrownFromGetConnection");
    }

    @Test
    void theBodysOwnHandlerAndFinallyRunAsWritten() throws Throwable {
        Object shapes = shapes("catch");
        assertThat(call(shapes, "getConnection")).isSameAs(PROTECTED);
        assertThat(trace(shapes)).isEqualTo("caught;finally;");
        assertThat(CALLS).containsExactly("enterGetConnection", "returnGetConnection physical");
    }

    @Test
    void aPlainGetConnectionAndItsFinally() throws Throwable {
        Object shapes = shapes("plain");
        assertThat(call(shapes, "getConnection")).isSameAs(PROTECTED);
        assertThat(call(shapes, "getConnection", "user", "secret")).isSameAs(PROTECTED);
        assertThat(trace(shapes)).isEqualTo("finally;");
        assertThat(CALLS).containsExactly("enterGetConnection", "returnGetConnection physical",
                "enterGetConnection", "returnGetConnection physical");
    }

    @Test
    void aClassWithoutConnectionMethodsIsLeftAsItIs() throws IOException {
        byte[] original;
        try (InputStream in = ConnectionMethodsTest.class.getResourceAsStream("ConnectionMethodsTest.class")) {
            original = in.readAllBytes();
        }
        assertThat(ConnectionMethods.rewrite(getClass().getClassLoader(), "dev/safejdbc/agent/ConnectionMethodsTest",
                original)).isNull();
    }

    private static Object shapes(String mode) {
        try {
            return rewritten.getConstructor(Connection.class, String.class).newInstance(PHYSICAL, mode);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Object call(Object target, String name, Object... arguments) throws Throwable {
        Class<?>[] types = arguments.length == 0 ? new Class<?>[0]
                : name.equals("connect") ? new Class<?>[] {String.class, Properties.class}
                : new Class<?>[] {String.class, String.class};
        Method method = rewritten.getMethod(name, types);
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static String trace(Object shapes) throws ReflectiveOperationException {
        return rewritten.getField("trace").get(shapes).toString();
    }

    private static Connection connection(String name) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> method.getName().equals("toString") ? name : null);
    }

    /** Records every call; hands out {@link #PROTECTED} for any connection. */
    private static final class RecordingHook extends ConnectionHook {
        @Override
        protected void onEnterConnect(Object driver) {
            CALLS.add("enterConnect");
        }

        @Override
        protected void onEnterGetConnection(Object dataSource) {
            CALLS.add("enterGetConnection");
        }

        @Override
        protected Object onExitConnect(Object driver, String url, Properties info, Object opened) {
            CALLS.add(url == null && info == null ? "thrownFromConnect" : "returnConnect " + opened + " " + url);
            return opened == null ? null : PROTECTED;
        }

        @Override
        protected Object onExitGetConnection(Object dataSource, Object handedOut) {
            CALLS.add(handedOut == null ? "thrownFromGetConnection" : "returnGetConnection " + handedOut);
            return handedOut == null ? null : PROTECTED;
        }
    }
}
