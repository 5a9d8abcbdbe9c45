package dev.safejdbc.agent;

/** {@code java -jar safe-jdbc-agent.jar}: says how to attach the agent instead. */
public final class Usage {
    private Usage() {
    }

    public static void main(String[] args) {
        System.out.println("safe-jdbc agent " + SafeJdbcAgent.version()
                + ": attach it to your application instead of running it:\n"
                + "  java -javaagent:safe-jdbc-agent-" + SafeJdbcAgent.version()
                + ".jar[=key=value,...] -jar app.jar\n"
                + "Arguments (system properties -Dsafe.<key>=... override them):\n"
                + AgentArguments.allowed());
    }
}
