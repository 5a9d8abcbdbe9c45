package dev.safejdbc.findings;

import java.util.Arrays;
import java.util.List;

/**
 * The application's stack frames at one point: the first few frames that are not safe-jdbc, the
 * JDK, a pool, a JDBC driver or a generated proxy. Messages and findings name these, because the
 * infrastructure frames are the same for every call and tell the reader nothing.
 */
public final class AppFrames {
    /** Enough to see the caller and its caller's callers; more only bloats messages and reports. */
    static final int MAX_FRAMES = 8;

    /**
     * Infrastructure, never the application. An entry ending in '.' is a package prefix; any other
     * entry names one class (and its nested classes). Add a name here to hide it everywhere.
     * Only the listed {@code dev.safejdbc} packages are the library: tests and examples living
     * under {@code dev.safejdbc} are application code.
     */
    private static final List<String> INFRASTRUCTURE = List.of(
            "dev.safejdbc.SafeDriver",
            "dev.safejdbc.SafeDataSource",
            "dev.safejdbc.SafeJdbc",
            "dev.safejdbc.Protection",
            "dev.safejdbc.RealDrivers",
            "dev.safejdbc.config.",
            "dev.safejdbc.error.",
            "dev.safejdbc.findings.",
            "dev.safejdbc.jdbc.",
            "dev.safejdbc.database.",
            "dev.safejdbc.session.",
            "dev.safejdbc.nested.",
            "dev.safejdbc.guard.",
            "dev.safejdbc.agent.",
            "dev.safejdbc.junit.",
            "java.",
            "javax.",
            "jdk.", // includes the jdk.proxyN packages of generated proxies
            "sun.",
            "com.sun.",
            "com.zaxxer.hikari.",
            "org.sqlite.",
            "org.postgresql.",
            "org.h2.",
            "org.mariadb.",
            "com.mysql.",
            "net.ttddyy.dsproxy.",
            "net.bytebuddy.",
            // test runners: the frames under a test method say nothing about the application
            "org.junit.",
            "org.assertj.",
            "org.apache.maven.surefire.",
            "org.gradle.",
            "org.testng.");

    /** Proxies of non-public interfaces live in the interface's package, so match the name. */
    private static final String PROXY_CLASS_PREFIX = "$Proxy";

    private static final AppFrames NONE = new AppFrames(List.of());

    /**
     * The stack as captured, turned into frames (which costs) only when read. A throwable's stack
     * is captured natively in a compact form: several times cheaper than a StackWalker walk, and
     * this is taken whenever a transaction begins.
     */
    private Throwable snapshot;
    private List<StackTraceElement> frames;

    AppFrames(List<StackTraceElement> frames) {
        this.frames = List.copyOf(frames);
    }

    private AppFrames(Throwable snapshot) {
        this.snapshot = snapshot;
    }

    /** The calling thread's application frames (the first {@value #MAX_FRAMES}), described when read. */
    public static AppFrames here() {
        return new AppFrames(new Throwable("stack snapshot"));
    }

    /** Where {@code thread} is now (for example the holder of a lease someone waits for). */
    public static AppFrames of(Thread thread) {
        return new AppFrames(applicationFrames(thread.getStackTrace()));
    }

    private static List<StackTraceElement> applicationFrames(StackTraceElement[] stack) {
        return Arrays.stream(stack).filter(element -> isApplication(element.getClassName())).limit(MAX_FRAMES).toList();
    }

    /** No frames known. */
    public static AppFrames none() {
        return NONE;
    }

    static boolean isApplication(String className) {
        for (String entry : INFRASTRUCTURE) {
            if (matches(className, entry)) {
                return false;
            }
        }
        return !className.startsWith(PROXY_CLASS_PREFIX, className.lastIndexOf('.') + 1);
    }

    private static boolean matches(String className, String entry) {
        if (!className.startsWith(entry)) {
            return false;
        }
        return entry.endsWith(".")
                || className.length() == entry.length()
                || className.charAt(entry.length()) == '$';
    }

    /** The frames, innermost (the application's call into the library) first; unmodifiable. */
    public synchronized List<StackTraceElement> frames() {
        if (frames == null) {
            frames = applicationFrames(snapshot.getStackTrace());
            snapshot = null;
        }
        return frames;
    }

    /** The innermost application frame as {@code Class.method(File:line)}, or {@code <unknown>}. */
    public String site() {
        return frames().isEmpty() ? "<unknown>" : describe(frames().get(0));
    }

    /** One {@code <indent>at Class.method(File:line)} line per frame, each ending in a newline. */
    public String format(String indent) {
        if (frames().isEmpty()) {
            return indent + "at <unknown>\n";
        }
        StringBuilder out = new StringBuilder();
        for (StackTraceElement frame : frames()) {
            out.append(indent).append("at ").append(describe(frame)).append('\n');
        }
        return out.toString();
    }

    /**
     * {@code Class.method(File:line)}: unlike {@link StackTraceElement#toString()}, without the
     * class loader and module prefixes, which differ between runs and add nothing for a reader.
     */
    static String describe(StackTraceElement frame) {
        String where;
        if (frame.isNativeMethod()) {
            where = "Native Method";
        } else if (frame.getFileName() == null) {
            where = "Unknown Source";
        } else if (frame.getLineNumber() >= 0) {
            where = frame.getFileName() + ":" + frame.getLineNumber();
        } else {
            where = frame.getFileName();
        }
        return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AppFrames that && frames().equals(that.frames());
    }

    @Override
    public int hashCode() {
        return frames().hashCode();
    }

    @Override
    public String toString() {
        return site();
    }
}
