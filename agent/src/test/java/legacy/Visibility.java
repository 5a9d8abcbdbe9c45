package legacy;

import java.security.CodeSource;

/**
 * What of the agent the application can see: each class named here is looked up through the
 * application's class loader, and printed with the jar it came from, or {@code absent}.
 */
final class Visibility {
    private static final String[] CLASSES = {
        "dev.safejdbc.jdbc.SafeConnection", "dev.safejdbc.SafeDriver", "dev.safejdbc.agent.Protector",
        "net.bytebuddy.ByteBuddy", "dev.safejdbc.agent.shaded.net.bytebuddy.ByteBuddy",
        "net.sf.jsqlparser.parser.CCJSqlParserUtil", "dev.safejdbc.shaded.net.sf.jsqlparser.parser.CCJSqlParserUtil",
        "org.slf4j.LoggerFactory", "dev.safejdbc.agent.shaded.org.slf4j.LoggerFactory",
        "dev.safejdbc.agent.ConnectionHook"};

    private Visibility() {
    }

    static void run() {
        for (String name : CLASSES) {
            Results.print("visible." + name, where(name));
        }
    }

    private static String where(String name) {
        try {
            Class<?> type = Class.forName(name, false, Visibility.class.getClassLoader());
            if (type.getClassLoader() == null) {
                return "bootstrap";
            }
            CodeSource source = type.getProtectionDomain().getCodeSource();
            String location = source == null ? "unknown" : source.getLocation().getPath();
            return location.substring(location.lastIndexOf('/', location.length() - 2) + 1);
        } catch (ClassNotFoundException e) {
            return "absent";
        }
    }
}
