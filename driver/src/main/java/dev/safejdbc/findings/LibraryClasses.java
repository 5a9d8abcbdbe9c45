package dev.safejdbc.findings;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which {@code dev.safejdbc} classes are safe-jdbc itself, read from the package structure of
 * the jar (or classes directory) that holds this class instead of from a hand-kept list: the
 * library is its top-level {@code dev.safejdbc} classes and every subpackage it has. Tests and
 * examples that live under {@code dev.safejdbc} in a package of their own are the application;
 * so is a class in the top-level package that the library does not have. Under the agent, the
 * holder is the agent jar, so the agent and its relocated copies count as the library too.
 */
final class LibraryClasses {
    private static final String ROOT_PACKAGE = "dev.safejdbc.";

    /**
     * The location this class was loaded from, ending in '/'; null when it cannot be told or read
     * (a class loader whose URLs do not resolve relative names).
     */
    private static final URL ROOT = readable(rootOf(LibraryClasses.class));

    /** The answers so far, by top-level class (root package) or by first subpackage segment. */
    private static final Map<String, Boolean> KNOWN = new ConcurrentHashMap<>();

    private LibraryClasses() {
    }

    static boolean contains(String className) {
        if (!className.startsWith(ROOT_PACKAGE)) {
            return false;
        }
        if (ROOT == null) {
            return true; // nothing to read the structure from: keep the library out of the messages
        }
        String rest = className.substring(ROOT_PACKAGE.length());
        int dot = rest.indexOf('.');
        String path = dot >= 0 ? rest.substring(0, dot) + "/" : topLevel(rest) + ".class";
        return KNOWN.computeIfAbsent(path, LibraryClasses::exists);
    }

    private static String topLevel(String simpleName) {
        int nested = simpleName.indexOf('$');
        return nested >= 0 ? simpleName.substring(0, nested) : simpleName;
    }

    private static boolean exists(String pathUnderRootPackage) {
        return exists(ROOT, ROOT_PACKAGE.replace('.', '/') + pathUnderRootPackage);
    }

    private static boolean exists(URL root, String path) {
        try {
            URLConnection connection = new URL(root, path).openConnection();
            try (InputStream ignored = connection.getInputStream()) {
                return true;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static URL readable(URL root) {
        String self = LibraryClasses.class.getName().replace('.', '/') + ".class";
        return root != null && exists(root, self) ? root : null;
    }

    private static URL rootOf(Class<?> type) {
        String file = type.getName().replace('.', '/') + ".class";
        URL self = type.getResource("/" + file);
        if (self == null) {
            return null;
        }
        String text = self.toString();
        try {
            return text.endsWith(file) ? new URL(text.substring(0, text.length() - file.length())) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
