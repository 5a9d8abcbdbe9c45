package legacy;

import com.sun.tools.attach.VirtualMachine;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * The agent attached to this running JVM (needs {@code -Djdk.attach.allowAttachSelf=true}): the
 * SQLite driver is loaded and in use before the agent arrives. Prints the class of a connection
 * opened before and of one opened after.
 */
final class Attach {
    private Attach() {
    }

    static void run(String agentJar) throws Exception {
        try (Connection before = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            Results.print("attach.before", before.getClass().getName());
        }
        VirtualMachine self = VirtualMachine.attach(String.valueOf(ProcessHandle.current().pid()));
        try {
            self.loadAgent(agentJar);
        } finally {
            self.detach();
        }
        try (Connection after = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            Results.print("attach.after", after.getClass().getName());
        }
    }
}
