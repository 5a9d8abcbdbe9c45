package dev.safejdbc.config;

/**
 * Recognises the SQLite URLs that name an in-memory database and gives the key under which all
 * logical connections share it: the whole URL for the anonymous forms, the name for
 * {@code file:NAME?mode=memory}.
 */
public final class MemoryUrls {
    private static final String SQLITE = "jdbc:sqlite:";

    private MemoryUrls() {
    }

    /** The shared-database key of {@code realUrl}, or null when it is not an in-memory SQLite URL. */
    public static String sharedKey(String realUrl) {
        if (realUrl == null || !realUrl.startsWith(SQLITE)) {
            return null;
        }
        String rest = realUrl.substring(SQLITE.length());
        if (rest.equals(":memory:") || rest.startsWith(":memory:?") || rest.startsWith("file::memory:")) {
            return realUrl;
        }
        if (!rest.startsWith("file:")) {
            return null;
        }
        int query = rest.indexOf('?');
        if (query < 0 || !hasParameter(rest.substring(query + 1), "mode", "memory")) {
            return null;
        }
        return SQLITE + "file:" + rest.substring("file:".length(), query) + "?mode=memory";
    }

    private static boolean hasParameter(String query, String name, String value) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equalsIgnoreCase(name)
                    && pair.substring(eq + 1).equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }
}
