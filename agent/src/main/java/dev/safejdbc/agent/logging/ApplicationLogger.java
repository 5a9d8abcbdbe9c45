package dev.safejdbc.agent.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * A safe-jdbc logger under the agent. Each line goes to the application's SLF4J logger of the same
 * name when the application has SLF4J with a binding ({@link ApplicationSlf4j}); without one,
 * warnings and errors go to {@code System.err}, like the agent's own messages.
 */
final class ApplicationLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    ApplicationLogger(String name) {
        this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
        return isEnabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return isEnabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return isEnabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return isEnabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return isEnabled(Level.ERROR);
    }

    private boolean isEnabled(Level level) {
        ApplicationSlf4j application = ApplicationSlf4j.current();
        return application == null ? level.toInt() >= Level.WARN.toInt() : application.isEnabled(name, level);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
            Throwable throwable) {
        String message = MessageFormatter.basicArrayFormat(pattern, arguments);
        ApplicationSlf4j application = ApplicationSlf4j.current();
        if (application != null && application.log(name, level, message, throwable)) {
            return;
        }
        System.err.println("safe-jdbc " + level + " " + name + ": " + message);
        if (throwable != null) {
            throwable.printStackTrace();
        }
    }
}
