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
    private final boolean guarded;

    private DeferredTransformer(boolean guarded) {
        this.guarded = guarded;
    }

    /**
     * Registers the transformer and starts Byte Buddy: in the background at JVM start; at once when
     * attached to a running JVM, whose drivers and pools are loaded already and must be
     * instrumented before the attach returns.
     *
     * @param guarded whether the check-then-act guard will parse SQL (enforce or report mode, guard on)
     */
    static void install(Instrumentation instrumentation, boolean inBackground, boolean guarded) {
        DeferredTransformer transformer = new DeferredTransformer(guarded);
        Class<?>[] loadedBefore = instrumentation.getAllLoadedClasses();
        instrumentation.addTransformer(transformer, true);
        if (!inBackground) {
            transformer.start(instrumentation, loadedBefore);
            return;
        }
        Thread starter = new Thread(() -> transformer.start(instrumentation, loadedBefore), "safe-jdbc-agent-start");
        starter.setDaemon(true);
        starter.start();
    }

    private void start(Instrumentation instrumentation, Class<?>[] loadedBefore) {
        try {
            byteBuddy.complete(Instrumenter.transformer());
        } catch (RuntimeException | LinkageError e) {
            byteBuddy.completeExceptionally(e);
            AgentLog.failure("could not start Byte Buddy, connections are handed out unprotected", e);
            return;
        }
        retransform(instrumentation, loadedBefore);
        if (guarded) {
            // the first statement would otherwise wait for the SQL parser's classes to load
            new SqlAnalyzer(1).analyze("SELECT owner FROM warm_up WHERE id = ?");
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
