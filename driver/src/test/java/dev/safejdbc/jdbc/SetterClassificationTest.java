package dev.safejdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.Protection;
import dev.safejdbc.config.SafeOptions;
import dev.safejdbc.database.Database;
import dev.safejdbc.guard.BoundValues;
import dev.safejdbc.jdbc.DelegationBehaviourTest.Recorder;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every positional setter of {@link PreparedStatement}, listed by reflection (so a setter JDBC adds
 * cannot be missed): called on a guarded statement, it is either replayed exactly (the same JDBC
 * method, with arguments equal to the application's, reaches the guarded form) or marks its parameter
 * unreplayable with a finding that names that very setter. {@code setObject} with a value that is read
 * as it is sent (a stream, a reader, a LOB) is unreplayable too, and says which class it was.
 */
class SetterClassificationTest {
    private static final String INSERT = "INSERT INTO t (a) VALUES (?)";

    static Stream<Method> setters() {
        return Arrays.stream(PreparedStatement.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && m.getName().startsWith("set")
                        && m.getDeclaringClass() == PreparedStatement.class
                        && m.getParameterCount() > 1 && m.getParameterTypes()[0] == int.class)
                .sorted((a, b) -> signature(a).compareTo(signature(b)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setters")
    void everySetterIsReplayedExactlyOrNamedInTheFinding(Method setter) throws Exception {
        Object[] args = sampleArguments(setter);
        BoundValues bound = bind(setter, args);

        String why = bound.unreplayable(1);
        if (why == null) {
            Recorder replayed = new Recorder(null);
            bound.replayOnto(Recorder.proxy(PreparedStatement.class, replayed), 1);
            assertThat(replayed.calls()).as("the one call replayed").hasSize(1);
            assertThat(signature(replayed.calls().get(0).method())).isEqualTo(signature(setter));
            assertThat(replayed.calls().get(0).args()).as("the application's arguments").isEqualTo(args);
        } else {
            assertThat(why).contains("parameter 1 was bound with " + signature(setter));
        }
    }

    static Stream<Object> readOnceValues() throws SQLException {
        return Stream.of(new ByteArrayInputStream(new byte[] {1}), new StringReader("x"),
                Recorder.proxy(Blob.class, new Recorder(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readOnceValues")
    void setObjectWithAStreamReaderOrLobIsNamedWithItsClass(Object value) throws Exception {
        for (Method setter : List.of(
                PreparedStatement.class.getMethod("setObject", int.class, Object.class),
                PreparedStatement.class.getMethod("setObject", int.class, Object.class, int.class),
                PreparedStatement.class.getMethod("setObject", int.class, Object.class, int.class, int.class),
                PreparedStatement.class.getMethod("setObject", int.class, Object.class, SQLType.class),
                PreparedStatement.class.getMethod("setObject", int.class, Object.class, SQLType.class, int.class))) {
            Object[] args = sampleArguments(setter);
            args[1] = value;
            assertThat(bind(setter, args).unreplayable(1))
                    .contains(signature(setter) + " with a " + value.getClass().getName());
        }
    }

    /** The statement guard's record after {@code setter} ran with {@code args} on a guarded INSERT. */
    private static BoundValues bind(Method setter, Object[] args) throws Exception {
        Properties enforce = new Properties();
        enforce.setProperty("safe.mode", "enforce");
        try (Connection connection = Protection.protect(Recorder.proxy(Connection.class, new Recorder(null)),
                Database.named("setters", "recorded"), SafeOptions.resolve(enforce))) {
            SafePreparedStatement statement = (SafePreparedStatement) connection.prepareStatement(INSERT);
            setter.invoke(statement, args);
            return statement.guard.parameters();
        }
    }

    private static Object[] sampleArguments(Method setter) throws Exception {
        Class<?>[] types = setter.getParameterTypes();
        Object[] args = new Object[types.length];
        args[0] = 1;
        for (int i = 1; i < types.length; i++) {
            args[i] = sample(types[i], i);
        }
        return args;
    }

    /** A value of {@code type} that equals only itself; an int after the value is a type or a length. */
    private static Object sample(Class<?> type, int position) throws Exception {
        if (type == int.class) {
            return position == 1 ? 42 : Types.VARCHAR;
        }
        if (type == long.class) {
            return 7L;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == byte.class) {
            return (byte) 3;
        }
        if (type == short.class) {
            return (short) 4;
        }
        if (type == float.class) {
            return 1.5f;
        }
        if (type == double.class) {
            return 2.5d;
        }
        if (type == String.class) {
            return position == 1 ? "value" : "VARCHAR";
        }
        if (type == BigDecimal.class) {
            return new BigDecimal("1.50");
        }
        if (type == byte[].class) {
            return new byte[] {1, 2};
        }
        if (type == Date.class) {
            return Date.valueOf("2026-03-29");
        }
        if (type == Time.class) {
            return Time.valueOf("02:30:00");
        }
        if (type == Timestamp.class) {
            return Timestamp.valueOf("2026-03-29 02:30:00.123456");
        }
        if (type == Calendar.class) {
            return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        }
        if (type == SQLType.class) {
            return JDBCType.VARCHAR;
        }
        if (type == Object.class) {
            return "object";
        }
        if (type == InputStream.class) {
            return new ByteArrayInputStream(new byte[] {1});
        }
        if (type == Reader.class) {
            return new StringReader("x");
        }
        if (type == URL.class) {
            return URI.create("http://example.invalid/").toURL();
        }
        if (type.isInterface()) {
            return Proxy.newProxyInstance(SetterClassificationTest.class.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, a) -> switch (method.getName()) {
                        case "equals" -> proxy == a[0];
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "toString" -> "a " + type.getSimpleName();
                        default -> null;
                    });
        }
        throw new AssertionError("no sample value of " + type + ": add one");
    }

    /** As BoundValues.Setter and the findings spell it: {@code setObject(int, Object, SQLType)}. */
    private static String signature(Method method) {
        return method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
