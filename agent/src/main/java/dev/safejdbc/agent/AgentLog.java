package dev.safejdbc.agent;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's own messages. They go to {@code System.err}, not SLF4J: an application without an
 * SLF4J binding must still see that the agent is active, or that it could not do its work.
 */
final class AgentLog {
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private AgentLog() {
    }

    static void line(String message) {
        System.err.println(message);
    }

    /** Something the agent cannot do, shown once. */
    static void warning(String message) {
        if (REPORTED.add(message)) {
            System.err.println("safe-jdbc agent: " + message);
        }
    }

    /** A failure of the agent's own machinery, shown once per place and kind, with its stack trace. */
    static void failure(String what, Throwable error) {
        if (REPORTED.add(what + " " + error.getClass().getName())) {
            System.err.println("safe-jdbc agent: " + what + " (shown once): " + error);
            error.printStackTrace();
        }
    }

    /** The agent's version, from its jar's manifest. */
    static String version() {
        String version = AgentLog.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }
}
