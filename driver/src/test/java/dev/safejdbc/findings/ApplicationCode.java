package dev.safejdbc.findings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.tools.ToolProvider;

/**
 * Application classes for the frame tests, compiled at test time. They cannot be ordinary test
 * classes: everything in this test package is {@code dev.safejdbc.findings}, which AppFrames
 * rightly skips as the library. Each class calls the given supplier from {@code apply}, so the
 * supplier (a lambda of the test, i.e. "the library") sees the application class as its caller.
 */
final class ApplicationCode {
    /** The line of {@code call.get()} in {@link #PROBE}. */
    static final int PROBE_CALL_LINE = 7;

    private static final String PROBE = """
            package com.example;
            import java.util.function.Function;
            import java.util.function.Supplier;

            public class Probe implements Function<Supplier<Object>, Object> {
                public Object apply(Supplier<Object> call) {
                    return call.get();
                }
            }
            """;

    /** Application code may live under dev.safejdbc too (examples, the user's own tests). */
    private static final String SHOP = """
            package dev.safejdbc.examples;
            import java.util.function.Function;
            import java.util.function.Supplier;

            public class Shop implements Function<Supplier<Object>, Object> {
                public Object apply(Supplier<Object> call) {
                    return call.get();
                }
            }
            """;

    /** Recurses well past the frame limit before calling. */
    private static final String DEEP = """
            package com.example;
            import java.util.function.Function;
            import java.util.function.Supplier;

            public class Deep implements Function<Supplier<Object>, Object> {
                public Object apply(Supplier<Object> call) {
                    return down(call, 20);
                }

                private Object down(Supplier<Object> call, int depth) {
                    return depth == 0 ? call.get() : down(call, depth - 1);
                }
            }
            """;

    private final ClassLoader loader;

    private ApplicationCode(ClassLoader loader) {
        this.loader = loader;
    }

    /** Compiles the application classes into {@code directory} and loads them. */
    static ApplicationCode compile(Path directory) throws IOException {
        Path classes = directory.resolve("classes");
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString()));
        arguments.add(source(directory, "Probe", PROBE));
        arguments.add(source(directory, "Shop", SHOP));
        arguments.add(source(directory, "Deep", DEEP));
        compile(arguments);
        return new ApplicationCode(new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ApplicationCode.class.getClassLoader()));
    }

    private static void compile(List<String> arguments) {
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler()
                .run(null, messages, messages, arguments.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("application code did not compile:\n"
                    + messages.toString(StandardCharsets.UTF_8));
        }
    }

    private static String source(Path directory, String name, String text) throws IOException {
        Path file = directory.resolve(name + ".java");
        Files.writeString(file, text);
        return file.toString();
    }

    /**
     * A call stack made of the named classes, outermost first, each calling the next from
     * {@code apply} and the innermost calling the supplier: framework-style stacks with the
     * frameworks' own class names ({@code org.hibernate...}, {@code ...$$SpringCGLIB$$0}), compiled
     * into {@code directory}, which must be new for each call.
     */
    static Function<Supplier<Object>, Object> stack(Path directory, String... outermostFirst) throws IOException {
        Path classes = directory.resolve("classes");
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString()));
        for (String className : outermostFirst) {
            Path file = directory.resolve("src").resolve(className.replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, layer(className));
            arguments.add(file.toString());
        }
        compile(arguments);
        ClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ApplicationCode.class.getClassLoader());
        Function<Supplier<Object>, Object> next = null;
        for (int i = outermostFirst.length - 1; i >= 0; i--) {
            next = layerInstance(loader, outermostFirst[i], next);
        }
        return next;
    }

    /** The line of {@code apply}'s call in every {@link #stack} layer. */
    static final int LAYER_CALL_LINE = 9;

    private static String layer(String className) {
        int dot = className.lastIndexOf('.');
        return """
                package %s;
                import java.util.function.Function;
                import java.util.function.Supplier;
                public class %s implements Function<Object, Object> {
                    private final Function<Object, Object> next;
                    public %s(Function<Object, Object> next) { this.next = next; }
                    public Object apply(Object call) { // no generic bridge: one frame per layer
                        Object result =
                            next == null ? ((Supplier<?>) call).get() : next.apply(call);
                        return result;
                    }
                }
                """.formatted(className.substring(0, dot), className.substring(dot + 1), className.substring(dot + 1));
    }

    @SuppressWarnings("unchecked")
    private static Function<Supplier<Object>, Object> layerInstance(ClassLoader loader, String className,
            Function<Supplier<Object>, Object> next) {
        try {
            return (Function<Supplier<Object>, Object>) loader.loadClass(className)
                    .getDeclaredConstructor(Function.class).newInstance(next);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    Function<Supplier<Object>, Object> probe() {
        return instance("com.example.Probe");
    }

    Function<Supplier<Object>, Object> shop() {
        return instance("dev.safejdbc.examples.Shop");
    }

    Function<Supplier<Object>, Object> deep() {
        return instance("com.example.Deep");
    }

    @SuppressWarnings("unchecked")
    private Function<Supplier<Object>, Object> instance(String className) {
        try {
            return (Function<Supplier<Object>, Object>) loader.loadClass(className)
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
