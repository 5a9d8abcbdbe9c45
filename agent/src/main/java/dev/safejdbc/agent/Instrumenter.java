package dev.safejdbc.agent;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isSubTypeOf;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.ClassFileTransformer;
import java.sql.Connection;
import java.sql.Driver;
import java.util.Properties;
import javax.sql.DataSource;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.Nexus;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;
import net.bytebuddy.utility.dispatcher.JavaDispatcher;

/**
 * Byte Buddy's transformer for every implementation of {@code Driver.connect} and
 * {@code DataSource.getConnection}, with advice only: no method or field is added, so classes that
 * are already loaded can be retransformed.
 */
final class Instrumenter {
    private Instrumenter() {
    }

    static ClassFileTransformer transformer() {
        // Both properties belong to the agent's relocated copy of Byte Buddy only. The Nexus serves
        // self-injected type initializers, which disableClassFormatChanges() rules out; merely setting
        // it up generates and injects a class, a quarter of Byte Buddy's start. Byte Buddy's bridges to
        // JDK methods become small generated classes instead of reflective proxies, whose generation
        // made the JIT spend a third of a second compiling the JDK's bytecode writer.
        System.setProperty(Nexus.PROPERTY, "true");
        System.setProperty(JavaDispatcher.GENERATE_PROPERTY, "true");
        return new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                .with(AgentBuilder.PoolStrategy.Default.FAST)
                .with(new FailureListener())
                .ignore(ignoredPackages().or(nameContains("$$Lambda")).or(isSynthetic()))
                .type(isSubTypeOf(Driver.class).and(not(isInterface())))
                .transform(advice(ConnectAdvice.class, named("connect")
                        .and(takesArguments(String.class, Properties.class))))
                .type(isSubTypeOf(DataSource.class).and(not(isInterface())))
                .transform(advice(GetConnectionAdvice.class, named("getConnection")
                        .and(takesArguments(0).or(takesArguments(String.class, String.class)))))
                .makeRaw();
    }

    private static ElementMatcher.Junction<TypeDescription> ignoredPackages() {
        ElementMatcher.Junction<TypeDescription> ignored = none();
        for (String prefix : JdbcClasses.IGNORED_PACKAGES) {
            ignored = ignored.or(nameStartsWith(prefix));
        }
        return ignored;
    }

    private static AgentBuilder.Transformer advice(Class<?> advice, ElementMatcher.Junction<MethodDescription> methods) {
        ClassFileLocator agentClasses = ClassFileLocator.ForClassLoader.of(advice.getClassLoader());
        Advice inlined = Advice.to(TypePool.Default.of(agentClasses).describe(advice.getName()).resolve(), agentClasses);
        ElementMatcher<MethodDescription> concrete = methods.and(returns(Connection.class)).and(not(isAbstract()));
        return (builder, type, classLoader, module, domain) -> {
            if (!seesHook(classLoader)) {
                AgentLog.warning("cannot protect the connections of " + type.getName() + ": its class loader "
                        + classLoader + " does not see the agent's hook " + ConnectionHook.class.getName()
                        + " on the system class path");
                return builder;
            }
            return builder.visit(inlined.on(concrete));
        };
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

    /** Logs a class that could not be instrumented; the class itself stays as it was. */
    private static final class FailureListener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                Throwable throwable) {
            AgentLog.failure("could not instrument " + typeName, throwable);
        }
    }
}
