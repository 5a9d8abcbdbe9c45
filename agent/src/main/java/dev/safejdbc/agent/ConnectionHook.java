package dev.safejdbc.agent;

import java.util.Properties;

/**
 * The one class of the agent that instrumented code calls: the advice inlined into drivers and
 * pools calls its static methods. It is on the system class path, so code of every class loader
 * that delegates to it finds the hook; the protections themselves live in the agent's own class
 * loader and are installed here as an instance. It names no type outside {@code java.base}, so
 * it stays a plain dispatcher: connections pass as {@code Object}, and {@code SQLException}s as
 * {@code Exception}.
 */
public abstract class ConnectionHook {
    private static volatile ConnectionHook installed;

    /**
     * Installs the agent's hook; only the first call counts.
     *
     * @param hook the protections, from the agent's own class loader
     */
    public static synchronized void install(ConnectionHook hook) {
        if (installed == null) {
            installed = hook;
        }
    }

    /** Entering {@code Driver.connect}. */
    public static void enter() {
        ConnectionHook hook = installed;
        if (hook != null) {
            hook.onEnter();
        }
    }

    /**
     * Entering {@code DataSource.getConnection(..)}; may refuse a nested checkout with an {@code SQLException}.
     *
     * @param dataSource the data source asked for a connection
     * @throws Exception the {@code SQLException} that refuses a nested checkout
     */
    public static void enterGetConnection(Object dataSource) throws Exception {
        ConnectionHook hook = installed;
        if (hook != null) {
            hook.onEnterGetConnection(dataSource);
        }
    }

    /**
     * The connection {@code driver.connect(url, info)} hands out instead of {@code opened} (null when it failed).
     *
     * @param driver the driver that was asked
     * @param url    the URL it was asked for
     * @param info   the properties it was given
     * @param opened the connection the driver opened, or null
     * @return the protected connection, or {@code opened} when no hook is installed
     * @throws Exception an {@code SQLException} from protecting the connection
     */
    public static Object exitConnect(Object driver, String url, Properties info, Object opened) throws Exception {
        ConnectionHook hook = installed;
        return hook == null ? opened : hook.onExitConnect(driver, url, info, opened);
    }

    /**
     * The connection {@code dataSource.getConnection(..)} hands out instead of {@code handedOut} (null when it failed).
     *
     * @param dataSource the data source that was asked
     * @param handedOut  the connection it handed out, or null
     * @return the protected connection, or {@code handedOut} when no hook is installed
     * @throws Exception an {@code SQLException} from protecting the connection
     */
    public static Object exitGetConnection(Object dataSource, Object handedOut) throws Exception {
        ConnectionHook hook = installed;
        return hook == null ? handedOut : hook.onExitGetConnection(dataSource, handedOut);
    }

    /** What {@link #enter()} does once a hook is installed. */
    protected abstract void onEnter();

    /**
     * What {@link #enterGetConnection} does once a hook is installed.
     *
     * @param dataSource the data source asked for a connection
     * @throws Exception the {@code SQLException} that refuses a nested checkout
     */
    protected abstract void onEnterGetConnection(Object dataSource) throws Exception;

    /**
     * What {@link #exitConnect} does once a hook is installed.
     *
     * @param driver the driver that was asked
     * @param url    the URL it was asked for
     * @param info   the properties it was given
     * @param opened the connection the driver opened, or null
     * @return the connection to hand out
     * @throws Exception an {@code SQLException} from protecting the connection
     */
    protected abstract Object onExitConnect(Object driver, String url, Properties info, Object opened) throws Exception;

    /**
     * What {@link #exitGetConnection} does once a hook is installed.
     *
     * @param dataSource the data source that was asked
     * @param handedOut  the connection it handed out, or null
     * @return the connection to hand out
     * @throws Exception an {@code SQLException} from protecting the connection
     */
    protected abstract Object onExitGetConnection(Object dataSource, Object handedOut) throws Exception;
}
