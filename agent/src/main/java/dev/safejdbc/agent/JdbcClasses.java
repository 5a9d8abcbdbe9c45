package dev.safejdbc.agent;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Which classes may hand out connections, decided cheaply on the class file's bytes before Byte
 * Buddy looks closer: nearly every class an application loads is let through here.
 */
final class JdbcClasses {
    /** Packages without JDBC drivers or pools: the JDK, Byte Buddy, and the agent itself (with its relocated libraries). */
    static final List<String> IGNORED_PACKAGES =
            List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "net.bytebuddy.", "dev.safejdbc.");

    private static final List<String> IGNORED_INTERNAL =
            IGNORED_PACKAGES.stream().map(name -> name.replace('.', '/')).toList();

    /** What every descriptor of {@code connect(String, Properties)} and {@code getConnection(..)} ends with. */
    private static final byte[] RETURNS_CONNECTION = bytes(")Ljava/sql/Connection;");

    /** Their parameter lists, in front of {@link #RETURNS_CONNECTION}. */
    private static final List<byte[]> PARAMETERS = List.of(
            bytes("(Ljava/lang/String;Ljava/util/Properties;"), bytes("("), bytes("(Ljava/lang/String;Ljava/lang/String;"));

    private JdbcClasses() {
    }

    /** {@code internalName} as in class files, e.g. {@code org/sqlite/JDBC}. */
    static boolean isIgnored(String internalName) {
        for (String prefix : IGNORED_INTERNAL) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the class file may declare {@code connect(String, Properties)} or {@code getConnection()}
     * / {@code getConnection(String, String)} returning a {@code Connection}: a class that declares one
     * has its descriptor among its constants. A class that only calls one has it too; {@link ConnectionMethods}
     * sorts those out.
     */
    static boolean mayDeclareConnectionMethods(byte[] classFile) {
        int last = classFile.length - RETURNS_CONNECTION.length;
        for (int at = 0; at <= last; at++) {
            if (classFile[at] == ')' && regionMatches(classFile, at, RETURNS_CONNECTION) && hasParameters(classFile, at)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasParameters(byte[] classFile, int end) {
        for (byte[] parameters : PARAMETERS) {
            int start = end - parameters.length;
            if (start >= 0 && regionMatches(classFile, start, parameters)) {
                return true;
            }
        }
        return false;
    }

    private static boolean regionMatches(byte[] data, int offset, byte[] expected) {
        for (int i = 0; i < expected.length; i++) {
            if (data[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
