package dev.safejdbc.agent;

import java.lang.StackWalker.StackFrame;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Recognises safe-jdbc's own classes by name, so that the copy an application bundles (always
 * another class than the agent's, which lives in its own class loader) is recognised too.
 */
final class SafeLayer {
    private static final String SAFE_CONNECTION = "dev.safejdbc.jdbc.SafeConnection";
    private static final String ERRORS = "dev.safejdbc.error.";
    /** The classes that open a real connection in order to wrap it themselves. */
    private static final String[] OPENERS = {"dev.safejdbc.SafeDriver", "dev.safejdbc.SafeDataSource"};

    private static final StackWalker WALKER = StackWalker.getInstance();

    private SafeLayer() {
    }

    /**
     * Whether safe-jdbc's driver or data source is on this thread's stack: the application uses a
     * {@code jdbc:safe:} URL or a {@code SafeDataSource}, which wrap the real connection they open
     * themselves, so the agent must leave it alone.
     */
    static boolean isOpening() {
        return WALKER.walk(OpenerSearch.INSTANCE);
    }

    /**
     * Whether a stack has a frame of {@link #OPENERS}: one class where two lambdas would be linked at
     * the first connection, which costs more at start-up than loading it.
     */
    private static final class OpenerSearch implements Function<Stream<StackFrame>, Boolean>, Predicate<StackFrame> {
        static final OpenerSearch INSTANCE = new OpenerSearch();

        @Override
        public Boolean apply(Stream<StackFrame> frames) {
            return frames.anyMatch(this);
        }

        @Override
        public boolean test(StackFrame frame) {
            return isOpener(frame.getClassName());
        }
    }

    /**
     * The application's own copy of {@code SafeConnection}, as the class loader of a connection
     * class sees it (a pool's proxy class sees the application's safe-jdbc); null if it sees none
     * other than the agent's.
     */
    private static final ClassValue<Class<?>> APPLICATIONS_SAFE_CONNECTION = new ClassValue<>() {
        @Override
        protected Class<?> computeValue(Class<?> connectionClass) {
            try {
                Class<?> seen = Class.forName(SAFE_CONNECTION, false, connectionClass.getClassLoader());
                return seen.getClassLoader() == SafeLayer.class.getClassLoader() ? null : seen;
            } catch (ClassNotFoundException | LinkageError e) {
                return null;
            }
        }
    };

    static boolean isSafeConnectionClass(Class<?> type) {
        return type.getName().equals(SAFE_CONNECTION);
    }

    /**
     * Whether {@code connection} wraps a {@code SafeConnection} of the application's own safe-jdbc
     * (a pool over a {@code jdbc:safe:} URL that the application opens itself): the agent's
     * {@code SafeConnection} is another class, which such a wrapper does not know.
     */
    static boolean wrapsApplicationsSafeConnection(Connection connection) {
        Class<?> applications = APPLICATIONS_SAFE_CONNECTION.get(connection.getClass());
        try {
            return applications != null && connection.isWrapperFor(applications);
        } catch (SQLException | RuntimeException e) {
            return false; // a wrapper that cannot tell: the call chain still knows whether it protected it
        }
    }

    /** safe-jdbc's own errors (a bad option, a nested session, ...) are meant for the application. */
    static boolean isDeliberate(Throwable error) {
        return error.getClass().getName().startsWith(ERRORS);
    }

    private static boolean isOpener(String className) {
        for (String opener : OPENERS) {
            if (className.startsWith(opener)
                    && (className.length() == opener.length() || className.charAt(opener.length()) == '$')) {
                return true;
            }
        }
        return false;
    }
}
