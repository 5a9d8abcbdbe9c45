package dev.safejdbc.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.sql.Driver;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The agent's class file transformer: every method {@code connect(String, Properties)},
 * {@code getConnection()} and {@code getConnection(String, String)} that returns a
 * {@code Connection} and has a body gets the calls of {@link HookCalls}. It needs only the ASM
 * inside Byte Buddy, ready the moment the agent starts: no type description, no class hierarchy
 * (the hook tells a driver or a data source from any other class at run time, with
 * {@code instanceof}), so a program that connects at once does not wait for it.
 */
final class ConnectionMethods implements ClassFileTransformer {
    static final String CONNECT = "(Ljava/lang/String;Ljava/util/Properties;)Ljava/sql/Connection;";
    static final String GET_CONNECTION = "()Ljava/sql/Connection;";
    static final String GET_CONNECTION_AS = "(Ljava/lang/String;Ljava/lang/String;)Ljava/sql/Connection;";
    private static final int NO_BODY = Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_STATIC;

    private ConnectionMethods() {
    }

    /**
     * Registers the transformer and instruments the drivers and pools already loaded (attached to a
     * running JVM).
     */
    static void install(Instrumentation instrumentation) {
        Class<?>[] loadedBefore = instrumentation.getAllLoadedClasses();
        instrumentation.addTransformer(new ConnectionMethods(), true);
        retransform(instrumentation, loadedBefore);
    }

    private static void retransform(Instrumentation instrumentation, Class<?>[] loadedBefore) {
        List<Class<?>> jdbc = new ArrayList<>();
        for (Class<?> type : loadedBefore) {
            if ((Driver.class.isAssignableFrom(type) || DataSource.class.isAssignableFrom(type))
                    && !type.isInterface() && instrumentation.isModifiableClass(type)
                    && !JdbcClasses.isIgnored(type.getName().replace('.', '/'))) {
                jdbc.add(type);
            }
        }
        try {
            if (!jdbc.isEmpty()) {
                instrumentation.retransformClasses(jdbc.toArray(new Class<?>[0]));
            }
        } catch (UnmodifiableClassException | RuntimeException e) {
            AgentLog.failure("could not instrument the drivers and pools loaded before the agent", e);
        }
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain domain, byte[] classFile) {
        if (className == null || JdbcClasses.isIgnored(className) || className.contains("$$Lambda")
                || !JdbcClasses.mayDeclareConnectionMethods(classFile)) {
            return null;
        }
        try {
            return rewrite(loader, className, classFile);
        } catch (RuntimeException | LinkageError e) {
            AgentLog.failure("could not instrument " + className, e);
            return null;
        }
    }

    /** The class with its connection methods calling the hook, or null when it has none (or cannot see the hook). */
    static byte[] rewrite(ClassLoader loader, String className, byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        if ((reader.getAccess() & (Opcodes.ACC_INTERFACE | Opcodes.ACC_SYNTHETIC)) != 0) {
            return null;
        }
        Methods found = new Methods(null, className);
        reader.accept(found, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        if (found.found == 0) {
            return null; // it only calls such a method: most classes that pass the byte scan
        }
        if (!seesHook(loader)) {
            AgentLog.warning("cannot protect the connections of " + className.replace('/', '.') + ": its class loader "
                    + loader + " does not see the agent's hook " + ConnectionHook.class.getName()
                    + " on the system class path");
            return null;
        }
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new Methods(writer, className), 0);
        return writer.toByteArray();
    }

    /**
     * Whether code defined by {@code classLoader} would find the agent's hook: true for the system
     * class loader and the loaders below it (application servers, Spring Boot); false for the
     * JDK's own loaders and for isolated module systems that do not delegate to it.
     */
    private static boolean seesHook(ClassLoader classLoader) {
        try {
            return classLoader != null
                    && Class.forName(ConnectionHook.class.getName(), false, classLoader) == ConnectionHook.class;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Finds the connection methods of one class and, writing to {@code writer}, hands their bodies
     * to {@link HookCalls}; with no writer it only counts them.
     */
    private static final class Methods extends ClassVisitor {
        private final String owner;
        private boolean withFrames;
        int found;

        Methods(ClassWriter writer, String owner) {
            super(Opcodes.ASM9, writer);
            this.owner = owner;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            withFrames = (version & 0xFFFF) >= Opcodes.V1_6;
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
            if ((access & NO_BODY) != 0) {
                return method;
            }
            boolean connect = name.equals("connect") && descriptor.equals(CONNECT);
            if (connect || name.equals("getConnection")
                    && (descriptor.equals(GET_CONNECTION) || descriptor.equals(GET_CONNECTION_AS))) {
                found++;
                return method == null ? null : new HookCalls(method, owner, connect, withFrames);
            }
            return method;
        }
    }
}
