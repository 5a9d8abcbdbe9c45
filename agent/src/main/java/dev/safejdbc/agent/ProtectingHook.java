package dev.safejdbc.agent;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * What the instrumented {@code Driver.connect} and {@code DataSource.getConnection} methods reach
 * through {@link ConnectionHook}: each thread's {@link CallChain} decides which call protects the
 * connection, the {@link Protector} wraps it.
 */
final class ProtectingHook extends ConnectionHook {
    /** Each thread's chain; a plain {@code ThreadLocal}, since a lambda's first link costs more at start-up than this. */
    private static final ThreadLocal<CallChain> CHAINS = new ThreadLocal<>();
    private final Protector protector;

    ProtectingHook(Protector protector) {
        this.protector = protector;
    }

    /** Entering {@code Driver.connect}: the outermost call of a thread's chain is its checkout, announced. */
    @Override
    protected void onEnterConnect(Object driver) {
        if (!(driver instanceof Driver)) {
            return; // a method of that shape on another class: nothing to protect
        }
        CallChain chain = chain();
        if (chain.isOutermost()) {
            protector.checkoutStarts();
        }
        chain.enter();
    }

    /**
     * Before {@code dataSource.getConnection(..)}: refuses a nested checkout (SQLState 25001), then
     * enters the call. Any other failure of the agent's own is logged and ignored.
     */
    @Override
    protected void onEnterGetConnection(Object dataSource) throws SQLException {
        if (!(dataSource instanceof DataSource)) {
            return; // a method of that shape on another class (a statement's, say): nothing to protect
        }
        CallChain chain = chain();
        try {
            if (chain.isOutermost()) {
                protector.checkoutStarts();
            }
            protector.beforeCheckout(dataSource);
        } catch (SQLException e) {
            if (SafeLayer.isDeliberate(e)) {
                throw e;
            }
            AgentLog.failure("could not check a checkout from " + dataSource.getClass().getName(), e);
        } catch (RuntimeException | LinkageError e) {
            AgentLog.failure("could not check a checkout from " + dataSource.getClass().getName(), e);
        }
        chain.enter();
    }

    @Override
    protected Connection onExitConnect(Object driver, String url, Properties info, Object opened) throws SQLException {
        if (!(driver instanceof Driver)) {
            return (Connection) opened;
        }
        return chain().exit((Connection) opened, connection -> protector.fromDriver(driver, url, info, connection));
    }

    @Override
    protected Connection onExitGetConnection(Object dataSource, Object handedOut) throws SQLException {
        if (!(dataSource instanceof DataSource)) {
            return (Connection) handedOut;
        }
        Connection result = chain().exit((Connection) handedOut,
                connection -> protector.fromDataSource(dataSource, connection));
        if (result != null) {
            protector.handedOut(dataSource, result);
        }
        return result;
    }

    private static CallChain chain() {
        CallChain chain = CHAINS.get();
        if (chain == null) {
            chain = new CallChain();
            CHAINS.set(chain);
        }
        return chain;
    }
}
