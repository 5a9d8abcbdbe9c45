package dev.safejdbc.agent;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The agent jar's entry points: {@code -javaagent:} ({@link #premain}), attaching to a running JVM
 * ({@link #agentmain}) and {@code java -jar} ({@link #main}, which only shows the usage). The JVM
 * loads this class from the system class path, where the application can see it, so it only
 * hands over to the agent's own {@link AgentClassLoader}, out of the application's sight. Only
 * these two classes and {@link ConnectionHook} are at the jar's root, none of them with a
 * dependency. (The jar is not put on the bootstrap class path: that would switch off the JVM's
 * class data sharing for the application's classes, and print a warning saying so.)
 */
public final class SafeJdbcAgent {
    private static final String START = "dev.safejdbc.agent.AgentStart";
    private static final String USAGE = "dev.safejdbc.agent.Usage";

    private static ClassLoader agentClasses;

    private SafeJdbcAgent() {
    }

    /**
     * Started by {@code -javaagent:}; hands over to {@link AgentStart#premain}.
     *
     * @param arguments       what follows {@code =} in {@code -javaagent:}; may be null
     * @param instrumentation the JVM's
     */
    public static void premain(String arguments, Instrumentation instrumentation) {
        start("premain", arguments, instrumentation);
    }

    /**
     * Attached to a running JVM; hands over to {@link AgentStart#agentmain}.
     *
     * @param arguments       the attach's arguments; may be null
     * @param instrumentation the JVM's
     */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start("agentmain", arguments, instrumentation);
    }

    /**
     * {@code java -jar safe-jdbc-agent.jar}: says how to attach the agent instead.
     *
     * @param args ignored
     * @throws Exception if the agent's classes cannot be loaded from the jar
     */
    public static void main(String[] args) throws Exception {
        invoke(Class.forName(USAGE, true, new AgentClassLoader(agentJar(), ConnectionHook.class))
                        .getMethod("main", String[].class),
                (Object) args);
    }

    private static synchronized void start(String entry, String arguments, Instrumentation instrumentation) {
        try {
            if (agentClasses == null) {
                agentClasses = new AgentClassLoader(agentJar(), ConnectionHook.class);
            }
            invoke(Class.forName(START, true, agentClasses).getMethod(entry, String.class, Instrumentation.class),
                    arguments, instrumentation);
        } catch (IOException | URISyntaxException | ReflectiveOperationException | LinkageError e) {
            System.err.println("safe-jdbc agent: could not start, the application runs without safe-jdbc's protections: "
                    + e);
            e.printStackTrace();
        }
    }

    /** Calls {@code method}; what it throws is thrown on as it is (a bad argument fails an attach). */
    private static void invoke(Method method, Object... arguments) throws ReflectiveOperationException {
        try {
            method.invoke(null, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static Path agentJar() throws URISyntaxException {
        return Path.of(SafeJdbcAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
