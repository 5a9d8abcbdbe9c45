package dev.safejdbc.agent;

import java.nio.charset.StandardCharsets;

/**
 * Which classes may hand out connections, decided cheaply before ASM looks closer: nearly every
 * class an application loads is let through here. It runs for every class the JVM loads after the
 * agent starts, so it reads no more of a class file than its constant pool.
 */
final class JdbcClasses {
    /** Packages without JDBC drivers or pools, as class files name them: the JDK, Byte Buddy, and the agent itself (with its relocated libraries). */
    private static final String[] IGNORED_PACKAGES =
            {"java/", "javax/", "jdk/", "sun/", "com/sun/", "net/bytebuddy/", "dev/safejdbc/"};

    /** The descriptors of the methods {@link ConnectionMethods} instruments. */
    private static final byte[][] DESCRIPTORS = {bytes(ConnectionMethods.CONNECT),
            bytes(ConnectionMethods.GET_CONNECTION), bytes(ConnectionMethods.GET_CONNECTION_AS)};

    private static final int UTF8 = 1;
    private static final int LONG = 5;
    private static final int DOUBLE = 6;

    private JdbcClasses() {
    }

    /** {@code internalName} as in class files, e.g. {@code org/sqlite/JDBC}. */
    static boolean isIgnored(String internalName) {
        for (String prefix : IGNORED_PACKAGES) {
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
     * sorts those out. A constant of a kind unknown here (a later class file version) lets the class
     * through; a truncated constant pool does not (the JVM rejects such a class).
     */
    static boolean mayDeclareConnectionMethods(byte[] classFile) {
        if (classFile.length < 10) {
            return false;
        }
        int count = unsignedShort(classFile, 8);
        int at = 10;
        for (int index = 1; index < count; index++) {
            if (at + 3 > classFile.length) {
                return false;
            }
            int tag = classFile[at];
            if (tag == UTF8) {
                int length = unsignedShort(classFile, at + 1);
                if (isDescriptor(classFile, at + 3, length)) {
                    return true;
                }
                at += 3 + length;
            } else {
                int size = constantSize(tag);
                if (size == 0) {
                    return true;
                }
                at += size;
                if (tag == LONG || tag == DOUBLE) {
                    index++; // these take two entries of the pool
                }
            }
        }
        return false;
    }

    /** The bytes a constant other than UTF-8 takes, its tag included; 0 for a tag unknown here. */
    private static int constantSize(int tag) {
        return switch (tag) {
            case 7, 8, 16, 19, 20 -> 3; // class, string, method type, module, package
            case 15 -> 4; // method handle
            case 3, 4, 9, 10, 11, 12, 17, 18 -> 5; // int, float, field, method and interface method ref, name and type, (invoke) dynamic
            case LONG, DOUBLE -> 9;
            default -> 0;
        };
    }

    private static boolean isDescriptor(byte[] classFile, int start, int length) {
        if (start + length > classFile.length) {
            return false;
        }
        for (byte[] descriptor : DESCRIPTORS) {
            if (descriptor.length == length && regionMatches(classFile, start, descriptor)) {
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

    private static int unsignedShort(byte[] data, int at) {
        return (data[at] & 0xFF) << 8 | data[at + 1] & 0xFF;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
