package dev.safejdbc.agent;

import dev.safejdbc.guard.sql.SqlAnalyzer;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.sql.Driver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * The agent's class file transformer. Byte Buddy takes a while to start (it loads about a thousand
 * classes), so at JVM start it is built on a background thread while the application starts.
 * Meanwhile this transformer, which needs only the JDK, lets every class through at once, except
 * the few that may declare {@code Driver.connect} or {@code DataSource.getConnection}: their
 * loading waits until Byte Buddy is ready to instrument them, so no connection can be handed out
 * unprotected. Later too, Byte Buddy only ever sees those few classes.
 */
final class DeferredTransformer implements ClassFileTransformer {
    /** Longer than Byte Buddy ever takes to start; only a deadlock would exceed it. */
    private static final long READY_TIMEOUT_SECONDS = 60;

    private final CompletableFuture<ClassFileTransformer> byteBuddy = new CompletableFuture<>();

    private DeferredTransformer() {
    }

    /** Starts building Byte Buddy on a background thread, beside the rest of the agent's start and the application's. */
    static DeferredTransformer startInBackground() {
        DeferredTransformer transformer = new DeferredTransformer();
        inBackground("safe-jdbc-agent-start", transformer::startByteBuddy);
        return transformer;
    }

    /** Builds Byte Buddy on this thread: attached to a running JVM, the attach returns with it ready. */
    static DeferredTransformer startNow() {
        DeferredTransformer transformer = new DeferredTransformer();
        transformer.startByteBuddy();
        return transformer;
    }

    /**
     * Registers the transformer. The drivers and pools already loaded (attached to a running JVM) are
     * instrumented as soon as Byte Buddy is ready: before this returns when it was started now.
     *
     * @param guarded whether the check-then-act guard will parse SQL (enforce or report mode, guard on)
     */
    void install(Instrumentation instrumentation, boolean guarded) {
        Class<?>[] loadedBefore = instrumentation.getAllLoadedClasses();
        instrumentation.addTransformer(this, true);
        byteBuddy.thenRun(() -> retransform(instrumentation, loadedBefore));
        if (guarded) {
            // a program that connects at once waits for Byte Buddy; its first statement, which
            // would otherwise wait for the parser's classes after that, finds them loaded
            inBackground("safe-jdbc-agent-warm-up", () -> new SqlAnalyzer(1).analyze("SELECT owner FROM warm_up WHERE id = ?"));
        }
    }

    private static void inBackground(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void startByteBuddy() {
        try {
            byteBuddy.complete(Instrumenter.transformer());
        } catch (RuntimeException | LinkageError e) {
            byteBuddy.completeExceptionally(e);
            AgentLog.failure("could not start Byte Buddy, connections are handed out unprotected", e);
        }
    }

    /** Drivers and pools loaded before the agent (attached to a running JVM) are instrumented now. */
    private static void retransform(Instrumentation instrumentation, Class<?>[] loadedBefore) {
        List<Class<?>> jdbc = new ArrayList<>();
        for (Class<?> type : loadedBefore) {
            if ((Driver.class.isAssignableFrom(type) || DataSource.class.isAssignableFrom(type))
                    && !type.isInterface() && instrumentation.isModifiableClass(type)
                    && !JdbcClasses.isIgnored(type.getName().replace('.', '/'))) {
                jdbc.add(type);
            }
        }
        try {
            if (!jdbc.isEmpty()) {
                instrumentation.retransformClasses(jdbc.toArray(new Class<?>[0]));
            }
        } catch (UnmodifiableClassException | RuntimeException e) {
            AgentLog.failure("could not instrument the drivers and pools loaded before the agent", e);
        }
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain domain, byte[] classFile) {
        if (className == null || JdbcClasses.isIgnored(className)
                || !JdbcClasses.mayDeclareConnectionMethods(classFile)) {
            return null;
        }
        try {
            return byteBuddy.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .transform(module, loader, className, classBeingRedefined, domain, classFile);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            AgentLog.failure("interrupted while waiting to instrument " + className, e);
        } catch (TimeoutException e) {
            AgentLog.failure("gave up waiting for Byte Buddy to instrument " + className, e);
        } catch (ExecutionException e) {
            // Byte Buddy did not start: said once already
        } catch (IllegalClassFormatException | RuntimeException | LinkageError e) {
            AgentLog.failure("could not instrument " + className, e);
        }
        return null;
    }
}
