package dev.safejdbc.findings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The application's stack frames at one point. Messages and findings name these, because the
 * infrastructure frames are the same for every call and tell the reader nothing.
 *
 * <p>Frames fall into four tiers. safe-jdbc itself, the JDK, pools, JDBC drivers and test runners
 * are never shown. Frameworks (Spring, Hibernate, jOOQ, ...) and generated classes (CGLIB and
 * Byte Buddy proxies, lambdas) are shown only when a stack has no application frame at all, so
 * that a migration tool's own statements still have a site. The packages named in
 * {@code safe.appPackages} come first, then any other frame.
 */
public final class AppFrames {
    /** Enough to see the caller and its caller's callers; more only bloats messages and reports. */
    static final int MAX_FRAMES = 8;

    /** Never the application and never worth showing. An entry is a package prefix. */
    private static final List<String> PLATFORM = List.of(
            "java.",
            "javax.",
            "jdk.", // includes the jdk.proxyN packages of generated proxies
            "sun.",
            "com.sun.",
            "com.zaxxer.hikari.",
            "org.apache.commons.dbcp2.",
            "org.apache.tomcat.jdbc.",
            "com.mchange.v2.c3p0.",
            "org.sqlite.",
            "org.postgresql.",
            "org.h2.",
            "org.mariadb.",
            "com.mysql.",
            "oracle.jdbc.",
            "com.microsoft.sqlserver.",
            "net.ttddyy.dsproxy.",
            "com.p6spy.",
            "net.bytebuddy.",
            // test runners: the frames under a test method say nothing about the application
            "org.junit.",
            "org.assertj.",
            "org.apache.maven.surefire.",
            "org.gradle.",
            "org.testng.");

    /** Frameworks the application runs under: its site only when no application frame is known. */
    private static final List<String> FRAMEWORKS = List.of(
            "org.springframework.",
            "org.hibernate.",
            "jakarta.",
            "org.jooq.",
            "org.apache.ibatis.",
            "org.mybatis.",
            "org.jdbi.",
            "org.quartz.",
            "org.flywaydb.",
            "liquibase.",
            "io.micronaut.",
            "io.quarkus.",
            "io.smallrye.",
            "io.vertx.",
            "kotlin.",
            "kotlinx.coroutines.",
            "reactor.",
            "io.reactivex.",
            "org.apache.catalina.",
            "org.apache.coyote.",
            "org.apache.tomcat.",
            "org.eclipse.jetty.",
            "io.undertow.",
            "io.netty.",
            "org.glassfish.",
            "org.jboss.",
            "org.aspectj.",
            "io.micrometer.",
            "net.sf.cglib.",
            "groovy.",
            "org.codehaus.groovy.");

    /** Parts of generated class names: proxies and lambdas around the application's own classes. */
    private static final List<String> GENERATED_NAME_PARTS = List.of(
            "$$SpringCGLIB$$",
            "$$EnhancerBy",
            "$$FastClassBy",
            "$HibernateProxy$",
            "$HibernateInstantiator$",
            "$HibernateAccessOptimizer$",
            "$ByteBuddy$",
            "$$Lambda",
            "_$$_");

    /** Proxies of non-public interfaces live in the interface's package, so match the name. */
    private static final String PROXY_CLASS_PREFIX = "$Proxy";

    private static final AppFrames NONE = new AppFrames(List.of());

    /** Package prefixes (each ending in '.') from {@code safe.appPackages}; replaced, never changed. */
    private static volatile List<String> declaredPackages = List.of();

    private enum Tier { DECLARED, APPLICATION, FRAMEWORK, INFRASTRUCTURE }

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

    /** No frames known. */
    public static AppFrames none() {
        return NONE;
    }

    /**
     * Adds the application's own packages ({@code safe.appPackages}): their frames come first from
     * now on. The packages are the application's, not one connection's, so they are kept for the JVM.
     */
    public static void declareApplicationPackages(Collection<String> packageNames) {
        if (packageNames.isEmpty()) {
            return;
        }
        synchronized (AppFrames.class) {
            Set<String> merged = new LinkedHashSet<>(declaredPackages);
            packageNames.forEach(name -> merged.add(name + "."));
            declaredPackages = List.copyOf(merged);
        }
    }

    /** Forgets the declared packages; for tests, which share the one JVM. */
    static synchronized void forgetApplicationPackagesForTests() {
        declaredPackages = List.of();
    }

    /**
     * The declared packages' frames, then the other application frames, in stack order; only when
     * there is neither, the framework frames.
     */
    private static List<StackTraceElement> applicationFrames(StackTraceElement[] stack) {
        List<StackTraceElement> declared = new ArrayList<>();
        List<StackTraceElement> application = new ArrayList<>();
        List<StackTraceElement> framework = new ArrayList<>();
        for (StackTraceElement frame : stack) {
            switch (tier(frame.getClassName())) {
                case DECLARED -> declared.add(frame);
                case APPLICATION -> application.add(frame);
                case FRAMEWORK -> framework.add(frame);
                default -> { }
            }
        }
        declared.addAll(application);
        List<StackTraceElement> chosen = declared.isEmpty() ? framework : declared;
        return chosen.subList(0, Math.min(MAX_FRAMES, chosen.size()));
    }

    static boolean isApplication(String className) {
        Tier tier = tier(className);
        return tier == Tier.DECLARED || tier == Tier.APPLICATION;
    }

    /**
     * A declared package is the application even where it shares a jar with safe-jdbc (a fat jar,
     * such as the demo's, makes every {@code dev.safejdbc} package there look like the library).
     */
    private static Tier tier(String className) {
        boolean declared = startsWithAny(className, declaredPackages);
        if (startsWithAny(className, PLATFORM) || !declared && LibraryClasses.contains(className)) {
            return Tier.INFRASTRUCTURE;
        }
        if (isGenerated(className) || startsWithAny(className, FRAMEWORKS)) {
            return Tier.FRAMEWORK;
        }
        return declared ? Tier.DECLARED : Tier.APPLICATION;
    }

    private static boolean isGenerated(String className) {
        if (className.startsWith(PROXY_CLASS_PREFIX, className.lastIndexOf('.') + 1)) {
            return true;
        }
        for (String part : GENERATED_NAME_PARTS) {
            if (className.contains(part)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(String className, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The frames, innermost (the application's call into the library) first; unmodifiable. */
    public synchronized List<StackTraceElement> frames() {
        if (frames == null) {
            frames = List.copyOf(applicationFrames(snapshot.getStackTrace()));
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
