package dev.safejdbc.agent;

/** What {@code java -jar safe-jdbc-agent.jar} prints: how to attach the agent, and its arguments. */
public final class Usage {
    private Usage() {
    }

    /**
     * Prints the usage to standard output.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println("safe-jdbc agent " + AgentLog.version()
                + ": not started. It protects an application it is attached to:\n"
                + "  java -javaagent:safe-jdbc-agent-" + AgentLog.version()
                + ".jar[=key=value,...] -jar app.jar\n"
                + "Arguments (system properties -Dsafe.<key>=... override them):\n"
                + AgentArguments.allowed());
    }
}
