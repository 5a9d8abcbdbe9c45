package dev.safejdbc.agent;

/**
 * Recognises safe-jdbc's own classes by name, so that a copy the application bundles (loaded by
 * another class loader than the agent's) is recognised too.
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
        return WALKER.walk(frames -> frames.anyMatch(frame -> isOpener(frame.getClassName())));
    }

    static boolean isSafeConnectionClass(Class<?> type) {
        return type.getName().equals(SAFE_CONNECTION);
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
