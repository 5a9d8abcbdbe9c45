package dev.safejdbc.agent;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * What the instrumented {@code Driver.connect} and {@code DataSource.getConnection} methods call:
 * each thread's {@link CallChain} decides which call protects the connection, the
 * {@link Protector} wraps it. Public because the advice is inlined into the drivers' and pools'
 * own classes; it lives on the system class loader with the rest of the agent, and only classes
 * whose loader sees it are instrumented.
 */
public final class ConnectionHook {
    private static final ThreadLocal<CallChain> CHAINS = ThreadLocal.withInitial(CallChain::new);
    private static volatile Protector protector;

    private ConnectionHook() {
    }

    /** Set before anything is instrumented. */
    static void install(Protector agent) {
        protector = agent;
    }

    public static void enter() {
        CallChain chain = CHAINS.get();
        if (chain.isOutermost()) {
            protector.checkoutStarts();
        }
        chain.enter();
    }

    /**
     * Before {@code dataSource.getConnection(..)}: refuses a nested checkout (SQLState 25001), then
     * enters the call. Any other failure of the agent's own is logged and ignored.
     */
    public static void enterGetConnection(Object dataSource) throws SQLException {
        CallChain chain = CHAINS.get();
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

    /** What {@code driver.connect(url, info)} hands out instead of {@code opened} (null when it failed). */
    public static Connection exitConnect(Object driver, String url, Properties info, Connection opened)
            throws SQLException {
        return CHAINS.get().exit(opened, connection -> protector.fromDriver(driver, url, info, connection));
    }

    /** What {@code dataSource.getConnection(..)} hands out instead of {@code handedOut} (null when it failed). */
    public static Connection exitGetConnection(Object dataSource, Connection handedOut) throws SQLException {
        Connection result = CHAINS.get().exit(handedOut, connection -> protector.fromDataSource(dataSource, connection));
        if (result != null) {
            protector.learnDatabase(dataSource, result);
        }
        return result;
    }
}
