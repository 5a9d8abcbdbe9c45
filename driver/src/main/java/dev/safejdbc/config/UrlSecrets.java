package dev.safejdbc.config;

import java.util.Locale;

/**
 * Finds the secrets in a JDBC URL: the password of a {@code //user:password@host} userinfo and the
 * values of parameters named like a secret ({@code ?password=}, {@code ;PASSWORD=},
 * MySQL's {@code (password=...)}), and masks them.
 */
final class UrlSecrets {
    static final String MASK = "***";

    private static final String[] SECRET_WORDS = {"password", "passwd", "pwd", "secret", "token", "key"};
    /** Characters that end a parameter value, provided another parameter or the end follows. */
    private static final String VALUE_SEPARATORS = "&;,)";
    /** Characters that can never be part of a parameter name. */
    private static final String NOT_IN_NAMES = "?&;,()/:=@#";

    /** Where a {@code //user:password@} userinfo is: from {@code start} up to and including the '@' at {@code at}. */
    record Userinfo(int start, int at) {
    }

    private UrlSecrets() {
    }

    static String redact(String url) {
        // parameters first: a SQL Server "password=p@ss" must not be mistaken for a userinfo
        return maskUserinfoPassword(maskSecretParameters(url));
    }

    /** The userinfo after the first "//", or null when there is none (RFC 3986: the authority ends at / ? #). */
    static Userinfo userinfo(String url) {
        int slashes = url.indexOf("//");
        if (slashes < 0) {
            return null;
        }
        int start = slashes + 2;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        // the last '@', because an unencoded '@' in the password is common
        int at = url.lastIndexOf('@', end - 1);
        return at >= start ? new Userinfo(start, at) : null;
    }

    private static String maskUserinfoPassword(String url) {
        Userinfo userinfo = userinfo(url);
        if (userinfo == null) {
            return url;
        }
        int colon = url.indexOf(':', userinfo.start());
        if (colon < 0 || colon > userinfo.at()) {
            return url;
        }
        return url.substring(0, colon + 1) + MASK + url.substring(userinfo.at());
    }

    private static String maskSecretParameters(String url) {
        StringBuilder masked = new StringBuilder(url.length());
        int copied = 0;
        int equals = url.indexOf('=');
        while (equals >= 0) {
            int valueEnd = valueEnd(url, equals + 1);
            if (isSecretName(nameBefore(url, equals))) {
                masked.append(url, copied, equals + 1).append(MASK);
                copied = valueEnd;
            }
            equals = url.indexOf('=', valueEnd);
        }
        return masked.append(url, copied, url.length()).toString();
    }

    private static String nameBefore(String url, int equals) {
        int start = equals;
        while (start > 0 && isNameChar(url.charAt(start - 1))) {
            start--;
        }
        return url.substring(start, equals);
    }

    /**
     * A value runs to a separator that is followed by the next {@code name=}, the end, or a new
     * MySQL address part; so a password such as {@code a,b&c} is masked whole, not in part.
     */
    private static int valueEnd(String url, int from) {
        for (int i = from; i < url.length(); i++) {
            if (VALUE_SEPARATORS.indexOf(url.charAt(i)) >= 0 && endsValue(url, i + 1)) {
                return i;
            }
        }
        return url.length();
    }

    private static boolean endsValue(String url, int next) {
        if (next == url.length() || url.charAt(next) == '(' || url.charAt(next) == '/') {
            return true;
        }
        int nameEnd = next;
        while (nameEnd < url.length() && isNameChar(url.charAt(nameEnd))) {
            nameEnd++;
        }
        return nameEnd > next && nameEnd < url.length() && url.charAt(nameEnd) == '=';
    }

    private static boolean isNameChar(char c) {
        return !Character.isWhitespace(c) && NOT_IN_NAMES.indexOf(c) < 0;
    }

    private static boolean isSecretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
