package dev.safejdbc.config;

import java.util.Objects;

/**
 * A sanitized identity for "the same database", used for nested-session detection, findings and
 * messages. It never contains a secret: credentials and connection parameters are not part of
 * which database a URL names.
 */
public final class DatabaseKey {
    private DatabaseKey() {
    }

    /**
     * The real JDBC URL without userinfo, query string and {@code ;key=value} properties, e.g.
     * {@code jdbc:postgresql://host:5432/db?password=x} gives {@code jdbc:postgresql://host:5432/db}
     * and {@code jdbc:h2:mem:x;DB_CLOSE_DELAY=-1} gives {@code jdbc:h2:mem:x}.
     */
    public static String of(String realJdbcUrl) {
        // mask first, so that a secret the cuts below cannot recognise still never survives
        String url = UrlSecrets.redact(Objects.requireNonNull(realJdbcUrl, "realJdbcUrl"));
        UrlSecrets.Userinfo userinfo = UrlSecrets.userinfo(url);
        if (userinfo != null) {
            url = url.substring(0, userinfo.start()) + url.substring(userinfo.at() + 1);
        }
        return cutAt(cutAt(url, '?'), ';');
    }

    /**
     * The whole URL for messages, with the userinfo password and every parameter whose name
     * contains password, passwd, pwd, secret, token or key (any case) replaced by {@code ***}.
     * Null gives null.
     */
    public static String redact(String url) {
        return url == null ? null : UrlSecrets.redact(url);
    }

    private static String cutAt(String url, char from) {
        int index = url.indexOf(from);
        return index < 0 ? url : url.substring(0, index);
    }
}
