package dev.safejdbc.agent;

import dev.safejdbc.config.Mode;
import dev.safejdbc.config.SafeOptions;
import dev.safejdbc.error.InvalidConfigurationException;
import java.lang.instrument.Instrumentation;

/**
 * The agent's start inside its own class loader, called by {@link SafeJdbcAgent}: {@code -javaagent:}
 * ({@link #premain}) and attaching to a running JVM ({@link #agentmain}). Bad arguments or options
 * stop the start with a message saying what is allowed; any other failure to start leaves the
 * application running without protections, and says so.
 */
public final class AgentStart {
    private static boolean started;

    private AgentStart() {
    }

    /**
     * Started by {@code -javaagent:}: bad arguments or options end the JVM with a message, before
     * the application runs without the protections it was meant to get.
     *
     * @param arguments       what follows {@code =} in {@code -javaagent:}, such as {@code mode=report}; may be null
     * @param instrumentation the JVM's, to instrument drivers and pools with
     */
    public static void premain(String arguments, Instrumentation instrumentation) {
        try {
            start(arguments, instrumentation);
        } catch (IllegalArgumentException e) {
            // the application must not run without the protections it was meant to get; a throw
            // from here would abort the JVM with a native crash report, so exit cleanly instead
            AgentLog.line(e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Attached to a running JVM: bad arguments fail the attach, and the application goes on.
     *
     * @param arguments       the attach's arguments, such as {@code mode=report}; may be null
     * @param instrumentation the JVM's, to instrument drivers and pools with
     */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation);
    }

    private static synchronized void start(String arguments, Instrumentation instrumentation) {
        if (started) {
            AgentLog.line("safe-jdbc agent: already active, arguments '" + arguments + "' ignored");
            return;
        }
        AgentOptions options = new AgentOptions(AgentArguments.parse(arguments));
        SafeOptions resolved = validated(options, arguments);
        try {
            ParserWarmUp warmUp = new ParserWarmUp(resolved.guard() && resolved.mode() != Mode.OFF);
            ConnectionHook.install(new ProtectingHook(new Protector(options, warmUp)));
            ConnectionMethods.install(instrumentation);
        } catch (RuntimeException | LinkageError e) {
            AgentLog.failure("could not start, the application runs without safe-jdbc's protections", e);
            return;
        }
        started = true;
        AgentLog.line("safe-jdbc agent " + AgentLog.version() + " active, mode=" + resolved.mode().text() + " ("
                + optionsInForce(resolved) + ")");
    }

    /**
     * The options that the mode makes use of: report mode never fails, rewrites or leases, so
     * {@code onConflict} and {@code checkoutTimeoutMs} do not apply there, nor {@code onConflict}
     * without the guard; off mode uses none.
     */
    static String optionsInForce(SafeOptions resolved) {
        if (resolved.mode() == Mode.OFF) {
            return "connections pass through unchanged";
        }
        StringBuilder line = new StringBuilder().append("nested=").append(resolved.nested().text())
                .append(", guard=").append(resolved.guard() ? "on" : "off");
        if (resolved.mode() == Mode.ENFORCE) {
            if (resolved.guard()) {
                line.append(", onConflict=").append(resolved.onConflict().text());
            }
            line.append(", checkoutTimeoutMs=").append(resolved.checkoutTimeoutMs());
        }
        return line.append(", report=").append(resolved.reportPath() == null ? "none" : resolved.reportPath())
                .toString();
    }

    /** The options as the first connection would see them; a bad value stops the start here, not later. */
    private static SafeOptions validated(AgentOptions options, String arguments) {
        try {
            return options.resolve(null);
        } catch (InvalidConfigurationException e) {
            throw new IllegalArgumentException("safe-jdbc agent: " + e.getMessage()
                    + ". Agent arguments were '" + arguments + "'; allowed:\n" + AgentArguments.allowed(), e);
        }
    }
}
