package legacy;

import java.util.List;

/**
 * A "legacy" application: raw JDBC URLs, a HikariCP pool, no safe-jdbc anywhere in its code. The
 * agent's integration tests run it in child JVMs, with and without {@code -javaagent}, and read
 * the {@code RESULT} lines it prints.
 *
 * <p>Arguments: the scenarios to run, each {@code name} or {@code name=argument}:
 * {@code locks=<postgres url>} (incident 001), {@code static-memory} (incident 004),
 * {@code nested=<sqlite file>}, {@code wrapping=<sqlite file>}, {@code hello=<url>},
 * {@code attach=<agent jar>} and {@code visibility}.
 */
public final class LegacyApp {
    private LegacyApp() {
    }

    public static void main(String[] args) throws Exception {
        for (String scenario : args) {
            int eq = scenario.indexOf('=');
            String name = eq < 0 ? scenario : scenario.substring(0, eq);
            String argument = eq < 0 ? null : scenario.substring(eq + 1);
            switch (name) {
                case "locks" -> LockRace.run(argument);
                case "static-memory" -> StaticConnection.run();
                case "nested" -> NestedSession.run(argument);
                case "wrapping" -> Wrapping.run(argument);
                case "hello" -> Hello.run(argument);
                case "attach" -> Attach.run(argument);
                case "visibility" -> Visibility.run();
                default -> throw new IllegalArgumentException("unknown scenario " + scenario + "; expected one of "
                        + List.of("locks", "static-memory", "nested", "wrapping", "hello", "attach",
                                "visibility"));
            }
        }
        Results.print("done", "true");
    }
}
