package dev.safejdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wrappers' two hand-kept rules, checked on their source so that a new method cannot skip
 * them: every column getter of {@link SafeResultSet} hands the value it read to the guard
 * ({@code seen}, {@code seenLong}) or says that it takes none ({@code otherGetter}), and every
 * positional setter of the prepared statement (and so of the callable one, which inherits them and
 * adds only named ones) records the value it bound ({@code bound}). The methods are listed from the
 * JDBC interfaces, so none is forgotten here.
 */
class GuardHandOffTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/safejdbc/jdbc");
    private static final Pattern METHOD = Pattern.compile(
            "public\\s+(?:<[^>]+>\\s+)?[\\w.<>\\[\\], ?]+?\\s+(\\w+)\\(([^)]*)\\)[^{;]*\\{");

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("SafeResultSet", ResultSet.class, "get", List.of("seen(", "seenLong(", "otherGetter()")),
                Arguments.of("SafePreparedStatement", PreparedStatement.class, "set", List.of("bound.", "bound(")));
    }

    @ParameterizedTest(name = "{0}: every {2}ter by position or label hands over to the guard")
    @MethodSource("rules")
    void everyValueMethodHandsOverToTheGuard(String wrapper, Class<?> jdbcInterface, String prefix,
            List<String> handOffs) throws IOException {
        Map<String, String> bodies = methodBodies(Files.readString(SOURCES.resolve(wrapper + ".java")));
        List<String> checked = new ArrayList<>();
        List<String> skipping = new ArrayList<>();
        for (Method method : jdbcInterface.getMethods()) {
            if (!appliesTo(method, prefix)) {
                continue;
            }
            String signature = signature(method);
            String body = bodies.get(signature);
            if (body == null) {
                skipping.add(signature + " (not found in the source)");
                continue;
            }
            checked.add(signature);
            if (handOffs.stream().noneMatch(body::contains)) {
                skipping.add(signature);
            }
        }
        assertThat(checked).as("the %s methods of %s found in %s", prefix, jdbcInterface.getSimpleName(), wrapper)
                .isNotEmpty();
        assertThat(skipping).as("%s methods of %s that skip the guard (%s)", prefix, wrapper, handOffs).isEmpty();
    }

    /** A getter of a column's value (by index or label), or a setter of a parameter by position. */
    private static boolean appliesTo(Method method, String prefix) {
        Class<?>[] types = method.getParameterTypes();
        if (Modifier.isStatic(method.getModifiers()) || !method.getName().startsWith(prefix) || types.length == 0) {
            return false;
        }
        if (prefix.equals("set")) {
            return types[0] == int.class && method.getDeclaringClass() == PreparedStatement.class; // not Statement's
        }
        return (types[0] == int.class || types[0] == String.class) && !method.getName().equals("getStatement");
    }

    private static String signature(Method method) {
        return method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(",", "(", ")"));
    }

    /** Each public method's body, by name and parameter types as {@link #signature} spells them. */
    private static Map<String, String> methodBodies(String source) {
        Map<String, String> bodies = new HashMap<>();
        Matcher matcher = METHOD.matcher(source);
        while (matcher.find()) {
            int open = matcher.end() - 1;
            int depth = 0;
            int end = open;
            do {
                char c = source.charAt(end++);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            } while (depth > 0);
            bodies.put(matcher.group(1) + parameterTypes(matcher.group(2)), source.substring(open, end));
        }
        return bodies;
    }

    private static String parameterTypes(String parameters) {
        List<String> types = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : (parameters + ",").toCharArray()) {
            depth += c == '<' ? 1 : c == '>' ? -1 : 0;
            if (c == ',' && depth == 0) {
                String parameter = current.toString().trim();
                if (!parameter.isEmpty()) {
                    types.add(simpleName(parameter.substring(0, parameter.lastIndexOf(' ')).trim()));
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        return types.stream().collect(Collectors.joining(",", "(", ")"));
    }

    /** {@code java.util.Map<String, Class<?>>} is {@code Map}; {@code final byte[]} is {@code byte[]}. */
    private static String simpleName(String type) {
        String plain = type.replaceAll("<.*>", "").replace("final ", "").trim();
        return plain.substring(plain.lastIndexOf('.') + 1);
    }
}
