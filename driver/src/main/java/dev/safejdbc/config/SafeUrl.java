package dev.safejdbc.config;

import dev.safejdbc.error.InvalidConfigurationException;

/** The {@code jdbc:safe:<rest>} URL: recognising it and turning it into the real driver's {@code jdbc:<rest>}. */
public final class SafeUrl {
    public static final String PREFIX = "jdbc:safe:";

    private static final String JDBC = "jdbc:";
    private static final String EXPECTED = "expected jdbc:safe:<subprotocol>:<rest>, for example "
            + "jdbc:safe:sqlite::memory: or jdbc:safe:postgresql://host:5432/db";

    /**
     * The last URL turned, and what it became. A pool opens one URL again and again, and the real driver keeps
     * the string it was given with each connection: handing it the same string each time keeps one copy, as the
     * raw driver keeps the application's own.
     */
    private static volatile Turned last;

    private record Turned(String safeUrl, String realUrl) {
    }

    private SafeUrl() {
    }

    /** Whether this is a {@code jdbc:safe:} URL: a pure prefix check, as {@code Driver.acceptsURL} requires. */
    public static boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    /** The real driver's URL: {@code jdbc:safe:<rest>} becomes {@code jdbc:<rest>} (the prefix is removed once). */
    public static String toRealUrl(String url) throws InvalidConfigurationException {
        if (url == null) {
            throw new InvalidConfigurationException("Invalid jdbc:safe: URL: none was given (null); " + EXPECTED);
        }
        Turned known = last;
        if (known != null && known.safeUrl().equals(url)) {
            return known.realUrl();
        }
        if (!accepts(url)) {
            throw invalid(url, notSafeReason(url));
        }
        String rest = url.substring(PREFIX.length());
        if (rest.isEmpty()) {
            throw invalid(url, "nothing follows jdbc:safe:");
        }
        if (Character.isWhitespace(rest.charAt(0))) {
            throw invalid(url, "whitespace follows jdbc:safe:");
        }
        if (rest.regionMatches(true, 0, "safe:", 0, "safe:".length())) {
            throw invalid(url, "jdbc:safe: must appear once");
        }
        if (rest.indexOf(':') <= 0) {
            throw invalid(url, "no sub-protocol (such as sqlite: or postgresql:) follows jdbc:safe:");
        }
        String realUrl = JDBC + rest;
        String subprotocol = subprotocol(realUrl);
        if (subprotocol.equalsIgnoreCase("jdbc")) {
            throw invalid(url, "jdbc: must not be repeated after jdbc:safe:");
        }
        if (!isWord(subprotocol)) {
            throw invalid(url, "the sub-protocol '" + subprotocol + "' is not a single word");
        }
        last = new Turned(url, realUrl);
        return realUrl;
    }

    /** The sub-protocol of a real JDBC URL, e.g. {@code sqlite} for {@code jdbc:sqlite::memory:}. */
    public static String subprotocol(String realUrl) {
        String subprotocol = subprotocolOrNull(realUrl);
        if (subprotocol == null) {
            throw new IllegalArgumentException("Not a jdbc:<subprotocol>: URL: " + DatabaseKey.redact(realUrl));
        }
        return subprotocol;
    }

    /** {@link #subprotocol}, or null when {@code url} is not a {@code jdbc:<subprotocol>:} URL. */
    public static String subprotocolOrNull(String url) {
        int colon = url.startsWith(JDBC) ? url.indexOf(':', JDBC.length()) : -1;
        return colon < 0 ? null : url.substring(JDBC.length(), colon);
    }

    private static String notSafeReason(String url) {
        if (url.strip().startsWith(PREFIX)) {
            return "it starts with whitespace";
        }
        if (url.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return "jdbc:safe: must be written in lower case";
        }
        return "it does not start with jdbc:safe:";
    }

    /** Letters, digits and - _ . + only: what real sub-protocols (h2, log4jdbc, p6spy, ...) are made of. */
    private static boolean isWord(String subprotocol) {
        for (int i = 0; i < subprotocol.length(); i++) {
            char c = subprotocol.charAt(i);
            if (!Character.isLetterOrDigit(c) && "-_.+".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static InvalidConfigurationException invalid(String url, String problem) {
        return new InvalidConfigurationException(
                "Invalid jdbc:safe: URL '" + DatabaseKey.redact(url) + "': " + problem + "; " + EXPECTED);
    }
}
