package dev.safejdbc.guard.sql;

import java.util.Locale;

/** Identifier normalization shared by tables, columns and labels. */
final class Identifiers {
    private Identifiers() {
    }

    /**
     * "Quoted", `backtick` and [bracket] identifiers lose their quotes and keep their case (a doubled closing
     * quote inside stands for one); unquoted identifiers are lower-cased.
     */
    static String normalize(String raw) {
        if (raw.length() >= 2) {
            char first = raw.charAt(0);
            char last = raw.charAt(raw.length() - 1);
            if (first == '"' && last == '"' || first == '`' && last == '`' || first == '[' && last == ']') {
                String closing = String.valueOf(last);
                return raw.substring(1, raw.length() - 1).replace(closing + closing, closing);
            }
        }
        return raw.toLowerCase(Locale.ROOT);
    }
}
