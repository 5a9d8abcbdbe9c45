package dev.safejdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JDBC 4.3 method of each wrapped interface is implemented by the wrapper class itself: no
 * interface default (which would bypass the delegate, e.g. {@code enquoteLiteral} or
 * {@code setObject(.., SQLType)}) and nothing abstract is left in place.
 */
class DelegationCoverageTest {

    static Stream<Arguments> wrappers() {
        return Stream.of(
                Arguments.of(SafeConnection.class, Connection.class),
                Arguments.of(SafeStatement.class, Statement.class),
                Arguments.of(SafePreparedStatement.class, PreparedStatement.class),
                Arguments.of(SafeCallableStatement.class, CallableStatement.class),
                Arguments.of(SafeResultSet.class, ResultSet.class),
                Arguments.of(SafeDatabaseMetaData.class, DatabaseMetaData.class));
    }

    @ParameterizedTest(name = "{0} implements every method of {1}")
    @MethodSource("wrappers")
    void wrapperImplementsEveryInterfaceMethodItself(Class<?> wrapper, Class<?> jdbcInterface) {
        List<String> misses = new ArrayList<>();
        for (Method declared : jdbcInterface.getMethods()) { // public, incl. inherited (Wrapper, AutoCloseable) and defaults
            if (Modifier.isStatic(declared.getModifiers())) {
                continue;
            }
            Method implemented = implementation(wrapper, declared);
            Class<?> owner = implemented.getDeclaringClass();
            if (owner.isInterface()) {
                misses.add(signature(declared) + " is left to " + owner.getSimpleName()
                        + (implemented.isDefault() ? "'s default" : " (abstract)"));
            } else if (!owner.getPackageName().equals(SafeStatement.class.getPackageName())) {
                misses.add(signature(declared) + " is declared by " + owner.getName());
            } else if (Modifier.isAbstract(implemented.getModifiers())) {
                misses.add(signature(declared) + " is abstract in " + owner.getSimpleName());
            }
        }
        assertThat(misses)
                .as("methods of %s that %s does not implement itself", jdbcInterface.getName(), wrapper.getSimpleName())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0} is a concrete public class")
    @MethodSource("wrappers")
    void wrapperIsConcrete(Class<?> wrapper, Class<?> jdbcInterface) {
        assertThat(jdbcInterface).isAssignableFrom(wrapper);
        assertThat(Modifier.isAbstract(wrapper.getModifiers())).as("%s is abstract", wrapper).isFalse();
        assertThat(wrapper.isInterface()).isFalse();
    }

    private static Method implementation(Class<?> wrapper, Method declared) {
        try {
            return wrapper.getMethod(declared.getName(), declared.getParameterTypes());
        } catch (NoSuchMethodException e) {
            throw new AssertionError(wrapper + " has no public " + signature(declared), e);
        }
    }

    private static String signature(Method method) {
        return method.getName() + Arrays.stream(method.getParameterTypes())
                .map(Class::getSimpleName)
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
