package dev.safejdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.Protection;
import dev.safejdbc.config.SafeOptions;
import dev.safejdbc.database.Database;
import dev.safejdbc.function.SqlFunction;
import dev.safejdbc.guard.ReadCapture;
import dev.safejdbc.session.CursorPin;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Calls every method of each wrapper over a recording {@link Proxy} and checks that the call
 * reaches the delegate with the same arguments, that the delegate's exceptions come back
 * unchanged, and that JDBC objects the delegate returns come back wrapped.
 *
 * <p>Statements, result sets and metadata hang off a real {@code jdbc:safe:h2:mem:} connection
 * (their executions need its session); the connection's own plain-delegation methods are checked
 * over a recording physical connection given the same protections as the driver gives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DelegationBehaviourTest {
    /** Nothing here is a write the guard rewrites, so no guarded form is ever prepared. */
    private static final SqlFunction<String, PreparedStatement> NO_GUARDED_FORM = sql -> {
        throw new AssertionError("unexpected guarded form: " + sql);
    };

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** The JDBC types whose objects the wrappers must hand out wrapped, and their wrappers. */
    private static final Map<Class<?>, Class<?>> WRAPPER_OF = Map.of(
            Statement.class, SafeStatement.class,
            PreparedStatement.class, SafePreparedStatement.class,
            CallableStatement.class, SafeCallableStatement.class,
            ResultSet.class, SafeResultSet.class,
            DatabaseMetaData.class, SafeDatabaseMetaData.class);

    /** unwrap and isWrapperFor answer for the wrapper first (see WrapperIdentityTest). */
    private static final Set<String> WRAPPER_METHODS = Set.of("unwrap(Class)", "isWrapperFor(Class)");

    private SafeConnection parent;
    private final List<Connection> opened = new ArrayList<>();

    @BeforeEach
    void openParentConnection() throws SQLException {
        parent = (SafeConnection) DriverManager.getConnection("jdbc:safe:h2:mem:deleg" + DATABASES.incrementAndGet());
    }

    @AfterEach
    void closeConnections() throws SQLException {
        for (Connection connection : opened) {
            connection.close();
        }
        opened.clear();
        parent.close();
    }

    Stream<Wrapped<?>> wrappers() {
        return Stream.of(
                new Wrapped<>(Connection.class, this::protect,
                        // per-thread settings and transactions are the session's (see the lease tests)
                        "getAutoCommit()", "setAutoCommit(boolean)", "commit()", "rollback()",
                        "isReadOnly()", "setReadOnly(boolean)",
                        "getTransactionIsolation()", "setTransactionIsolation(int)",
                        "isClosed()", "abort(Executor)"),
                new Wrapped<>(Statement.class, d -> new SafeStatement(parent, d), "getConnection()"),
                new Wrapped<>(PreparedStatement.class, d -> new SafePreparedStatement(parent, d, "select 1", NO_GUARDED_FORM), "getConnection()"),
                new Wrapped<>(CallableStatement.class, d -> new SafeCallableStatement(parent, d, "{call p()}", NO_GUARDED_FORM), "getConnection()"),
                new Wrapped<>(ResultSet.class, d -> new SafeResultSet(null, d, CursorPin.NONE, ReadCapture.NONE), "getStatement()"),
                new Wrapped<>(DatabaseMetaData.class, d -> new SafeDatabaseMetaData(parent, d), "getConnection()"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrappers")
    void everyCallReachesTheDelegateWithTheSameArguments(Wrapped<?> wrapped) throws Exception {
        List<String> misses = new ArrayList<>();
        for (Method method : wrapped.delegatedMethods()) {
            Recorder recorder = new Recorder(null);
            Object wrapper = wrapped.over(recorder);
            Object[] args = sampleArguments(method);
            try {
                method.invoke(wrapper, args);
            } catch (InvocationTargetException e) {
                misses.add(signature(method) + " threw " + e.getCause());
                continue;
            }
            if (recorder.callOf(method, args) == null) {
                misses.add(signature(method) + " with " + Arrays.deepToString(args) + " reached the delegate as "
                        + recorder.calls());
            }
        }
        assertThat(misses).as("%s calls that did not reach the delegate unchanged", wrapped).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrappers")
    void everyExceptionOfTheDelegatePropagatesUnchanged(Wrapped<?> wrapped) throws Exception {
        List<String> misses = new ArrayList<>();
        for (Method method : wrapped.delegatedMethods()) {
            Recorder recorder = new Recorder(method);
            Object wrapper = wrapped.over(recorder);
            try {
                method.invoke(wrapper, sampleArguments(method));
                misses.add(signature(method) + " returned normally");
            } catch (InvocationTargetException e) {
                if (e.getCause() != recorder.failure) {
                    misses.add(signature(method) + " threw " + e.getCause() + " instead of " + recorder.failure);
                }
            }
        }
        assertThat(misses).as("%s calls whose exception did not propagate as the same instance", wrapped).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrappers")
    void jdbcObjectsOfTheDelegateComeBackWrapped(Wrapped<?> wrapped) throws Exception {
        List<String> misses = new ArrayList<>();
        for (Method method : wrapped.delegatedMethods()) {
            Class<?> wrapperType = WRAPPER_OF.get(method.getReturnType());
            if (wrapperType == null) {
                continue;
            }
            Recorder recorder = new Recorder(null);
            Object[] args = sampleArguments(method);
            Object result = method.invoke(wrapped.over(recorder), args);
            Call call = recorder.callOf(method, args);
            if (call == null) {
                misses.add(signature(method) + " did not reach the delegate");
            } else if (!wrapperType.isInstance(result)) {
                misses.add(signature(method) + " returned " + result + ", expected a " + wrapperType.getSimpleName());
            } else if (((java.sql.Wrapper) result).unwrap(call.returned.getClass()) != call.returned) {
                misses.add(signature(method) + " returned a wrapper over something else than " + call.returned);
            }
        }
        assertThat(misses).as("%s calls that handed out an unwrapped JDBC object", wrapped).isEmpty();
    }

    @Test
    void backReferencesReturnTheWrappersNeverTheDelegates() throws SQLException {
        SafeStatement statement = new SafeStatement(parent, Recorder.proxy(Statement.class, new Recorder(null)));
        SafeResultSet resultSet = new SafeResultSet(statement, Recorder.proxy(ResultSet.class, new Recorder(null)),
                CursorPin.NONE, ReadCapture.NONE);
        SafeDatabaseMetaData metaData = new SafeDatabaseMetaData(parent,
                Recorder.proxy(DatabaseMetaData.class, new Recorder(null)));

        assertThat(statement.getConnection()).isSameAs(parent);
        assertThat(resultSet.getStatement()).isSameAs(statement);
        assertThat(metaData.getConnection()).isSameAs(parent);
        assertThat(statement.executeQuery("select 1").getStatement()).isSameAs(statement);
        assertThat(metaData.getTables(null, null, null, null).getStatement())
                .as("metadata result sets have no statement").isNull();
    }

    /** The driver's protections (enforce mode) over a recording physical connection. */
    private Connection protect(Connection physical) throws SQLException {
        Properties enforce = new Properties();
        enforce.setProperty("safe.mode", "enforce");
        Connection connection = Protection.protect(physical,
                Database.named("recorded-" + DATABASES.incrementAndGet(), "recorded"), SafeOptions.resolve(enforce));
        opened.add(connection);
        return connection;
    }

    // --- calls with recognisable arguments: each position gets its own value ---

    private static Object[] sampleArguments(Method method) {
        Class<?>[] types = method.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = sample(types[i], i + 1);
        }
        return args;
    }

    private static Object sample(Class<?> type, int position) {
        if (type == int.class) {
            return position;
        } else if (type == long.class) {
            return (long) position;
        } else if (type == short.class) {
            return (short) position;
        } else if (type == byte.class) {
            return (byte) position;
        } else if (type == float.class) {
            return position + 0.5f;
        } else if (type == double.class) {
            return position + 0.5d;
        } else if (type == boolean.class) {
            return true;
        } else if (type == String.class) {
            return "arg" + position;
        } else if (type.isArray()) {
            return Array.newInstance(type.getComponentType(), 0);
        }
        return null;
    }

    private static String signature(Method method) {
        return method.getName() + Arrays.stream(method.getParameterTypes())
                .map(Class::getSimpleName)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static boolean sameSignature(Method a, Method b) {
        return a.getName().equals(b.getName()) && Arrays.equals(a.getParameterTypes(), b.getParameterTypes());
    }

    // --- the wrappers under test ---

    @FunctionalInterface
    interface Wrap<T> {
        Object over(T delegate) throws SQLException;
    }

    /** One JDBC interface, how to wrap a delegate of it, and which methods are not plain delegation. */
    static final class Wrapped<T> {
        private final Class<T> jdbcInterface;
        private final Wrap<T> wrap;
        private final Set<String> notPlainDelegation;

        Wrapped(Class<T> jdbcInterface, Wrap<T> wrap, String... notPlainDelegation) {
            this.jdbcInterface = jdbcInterface;
            this.wrap = wrap;
            this.notPlainDelegation = Set.of(notPlainDelegation);
        }

        Object over(Recorder recorder) throws SQLException {
            return wrap.over(Recorder.proxy(jdbcInterface, recorder));
        }

        List<Method> delegatedMethods() {
            return Arrays.stream(jdbcInterface.getMethods())
                    .filter(m -> !Modifier.isStatic(m.getModifiers()))
                    .filter(m -> !WRAPPER_METHODS.contains(signature(m)))
                    .filter(m -> !notPlainDelegation.contains(signature(m)))
                    .collect(Collectors.toList());
        }

        @Override
        public String toString() {
            return jdbcInterface.getSimpleName();
        }
    }

    // --- the recording delegate ---

    record Call(Method method, Object[] args, Object returned) {
        @Override
        public String toString() {
            return method.getName() + Arrays.deepToString(args);
        }
    }

    /**
     * Records every call and answers with default values; JDBC objects that have a wrapper are
     * answered with further recording proxies. One chosen method throws instead.
     */
    static final class Recorder implements InvocationHandler {
        private final Method failOn;
        private final List<Call> calls = new ArrayList<>();
        Exception failure;

        Recorder(Method failOn) {
            this.failOn = failOn;
            this.failure = failOn == null ? null : failureFor(failOn);
        }

        static <T> T proxy(Class<T> jdbcInterface, Recorder recorder) {
            return jdbcInterface.cast(Proxy.newProxyInstance(DelegationBehaviourTest.class.getClassLoader(),
                    new Class<?>[] {jdbcInterface}, recorder));
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object[] given = args == null ? new Object[0] : args;
            switch (method.getName()) {
                case "equals":
                    if (method.getParameterCount() == 1 && method.getParameterTypes()[0] == Object.class) {
                        return proxy == given[0];
                    }
                    break;
                case "hashCode":
                    if (method.getParameterCount() == 0) {
                        return System.identityHashCode(proxy);
                    }
                    break;
                case "toString":
                    if (method.getParameterCount() == 0) {
                        return "recording " + proxy.getClass().getInterfaces()[0].getSimpleName();
                    }
                    break;
                default:
                    break;
            }
            if (failOn != null && sameSignature(method, failOn)) {
                calls.add(new Call(method, given, null));
                throw failure;
            }
            Object answer = answer(method);
            calls.add(new Call(method, given, answer));
            return answer;
        }

        private static Object answer(Method method) {
            Class<?> type = method.getReturnType();
            if (method.getName().equals("getAutoCommit")) {
                return true; // a fresh connection is in autocommit, as JDBC says
            }
            if (type == void.class) {
                return null;
            }
            if (type.isPrimitive()) {
                return Array.get(Array.newInstance(type, 1), 0); // 0, false, ...
            }
            if (WRAPPER_OF.containsKey(type)) {
                return proxy(type, new Recorder(null));
            }
            return null;
        }

        /** A checked exception the proxy may throw from {@code method} (else it would be wrapped). */
        private static Exception failureFor(Method method) {
            List<Class<?>> declared = Arrays.asList(method.getExceptionTypes());
            if (declared.stream().anyMatch(t -> t.isAssignableFrom(SQLException.class))) {
                return new SQLException("recorded failure of " + signature(method), "XX999");
            }
            if (declared.contains(SQLClientInfoException.class)) {
                return new SQLClientInfoException("recorded failure of " + signature(method), Map.of());
            }
            return new IllegalStateException("recorded failure of " + signature(method));
        }

        /** The recorded call of {@code method} with these arguments, or null. */
        Call callOf(Method method, Object[] args) {
            return calls.stream()
                    .filter(c -> sameSignature(c.method, method) && Arrays.deepEquals(c.args, args))
                    .findFirst()
                    .orElse(null);
        }

        List<Call> calls() {
            return calls;
        }
    }
}
