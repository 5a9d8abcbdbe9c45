package dev.safejdbc.agent.logging;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.slf4j.event.Level;

/**
 * The application's own SLF4J, reached by reflection: the one the current thread's context class
 * loader sees (a Spring Boot jar's or an application server's), else the system class loader's.
 * It is looked up when safe-jdbc first logs, never at the agent's start, and only used when it has
 * a binding (not SLF4J's no-operation fallback).
 */
final class ApplicationSlf4j {
    /*
     * The application's class names, built at run time: the agent's build relocates every constant
     * "org.slf4j..." string to the agent's private copy, and these must name the application's.
     */
    private static final String SLF4J = String.join(".", "org", "slf4j");
    private static final String NO_BINDING = SLF4J + ".helpers.NOPLoggerFactory";
    private static final Map<ClassLoader, Optional<ApplicationSlf4j>> BY_LOADER =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final Method getLogger;
    private final Map<Level, Method> isEnabled;
    private final Map<Level, Method> log;

    private ApplicationSlf4j(Class<?> loggerFactory, Class<?> logger) throws NoSuchMethodException {
        getLogger = loggerFactory.getMethod("getLogger", String.class);
        isEnabled = new EnumMap<>(Level.class);
        log = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            String method = level.name().toLowerCase(Locale.ROOT);
            isEnabled.put(level, logger.getMethod("is" + Character.toUpperCase(method.charAt(0)) + method.substring(1)
                    + "Enabled"));
            log.put(level, logger.getMethod(method, String.class, Throwable.class));
        }
    }

    /** The application's SLF4J as this thread sees it, or null when there is none with a binding. */
    static ApplicationSlf4j current() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ApplicationSlf4j seen = context == null ? null : of(context);
        return seen != null ? seen : of(ClassLoader.getSystemClassLoader());
    }

    private static ApplicationSlf4j of(ClassLoader loader) {
        Optional<ApplicationSlf4j> known = BY_LOADER.get(loader);
        if (known == null) {
            known = Optional.ofNullable(find(loader));
            BY_LOADER.put(loader, known);
        }
        return known.orElse(null);
    }

    private static ApplicationSlf4j find(ClassLoader loader) {
        try {
            Class<?> loggerFactory = Class.forName(SLF4J + ".LoggerFactory", true, loader);
            if (loggerFactory == org.slf4j.LoggerFactory.class) {
                return null; // the agent's own SLF4J (the application's, in an unshaded test run): not another
            }
            Object factory = loggerFactory.getMethod("getILoggerFactory").invoke(null);
            if (factory == null || factory.getClass().getName().equals(NO_BINDING)) {
                return null;
            }
            return new ApplicationSlf4j(loggerFactory, Class.forName(SLF4J + ".Logger", false, loader));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null; // no SLF4J there, or one safe-jdbc cannot use
        }
    }

    boolean isEnabled(String name, Level level) {
        try {
            return (Boolean) isEnabled.get(level).invoke(getLogger.invoke(null, name));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return level.toInt() >= Level.WARN.toInt();
        }
    }

    /** Logs the line through the application's logger; false if that failed. */
    boolean log(String name, Level level, String message, Throwable throwable) {
        try {
            Object logger = getLogger.invoke(null, name);
            if ((Boolean) isEnabled.get(level).invoke(logger)) {
                log.get(level).invoke(logger, message, throwable);
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
