package dev.safejdbc.agent.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding of the agent's private copy of SLF4J (relocated, in the agent's class loader):
 * safe-jdbc's log lines go to the application's own SLF4J, found only when a line is logged (see
 * {@link ApplicationLogger}), so the agent never sets up the application's logging before the
 * application does.
 */
public final class ApplicationLoggingProvider implements SLF4JServiceProvider, ILoggerFactory {
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    /** Itself, rather than a lambda: a lambda's first link costs more at start-up (the first connection) than this. */
    @Override
    public ILoggerFactory getLoggerFactory() {
        return this;
    }

    @Override
    public Logger getLogger(String name) {
        return new ApplicationLogger(name);
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // nothing to set up: the application's logging is looked up at the first line logged
    }
}
