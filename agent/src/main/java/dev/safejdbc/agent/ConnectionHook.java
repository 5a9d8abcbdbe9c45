package dev.safejdbc.agent;

import java.util.Properties;

/**
 * The one class of the agent that instrumented code calls: the calls {@code HookCalls} writes into
 * drivers and pools reach its static methods. It is on the system class path, so code of every class loader
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

    /**
     * Entering a method {@code connect(String, Properties)} that returns a connection. A failure
     * of the hook itself is ignored: the driver goes on as without the agent.
     *
     * @param driver the instance, a {@code Driver} or (rarely) another class with such a method
     */
    public static void enterConnect(Object driver) {
        ConnectionHook hook = installed;
        if (hook != null) {
            try {
                hook.onEnterConnect(driver);
            } catch (RuntimeException | LinkageError e) {
                // the agent's own failure: the connection is handed out as the driver made it
            }
        }
    }

    /**
     * The connection {@code driver.connect(url, info)} returns instead of {@code opened}.
     *
     * @param opened the connection the driver opened (or null, as it returned)
     * @param driver the instance
     * @param url    the URL it was asked for
     * @param info   the properties it was given
     * @return the protected connection, or {@code opened}
     * @throws Exception an {@code SQLException} from protecting the connection
     */
    public static Object returnConnect(Object opened, Object driver, String url, Properties info) throws Exception {
        ConnectionHook hook = installed;
        try {
            return hook == null ? opened : hook.onExitConnect(driver, url, info, opened);
        } catch (RuntimeException | LinkageError e) {
            return opened;
        }
    }

    /**
     * {@code driver.connect(..)} is throwing {@code thrown}: what it throws instead.
     *
     * @param thrown what the driver threw
     * @param driver the instance
     * @return {@code thrown}, or an {@code SQLException} of the hook's
     */
    public static Throwable thrownFromConnect(Throwable thrown, Object driver) {
        ConnectionHook hook = installed;
        try {
            if (hook != null) {
                hook.onExitConnect(driver, null, null, null);
            }
        } catch (RuntimeException | LinkageError e) {
            // the agent's own failure: the driver's throwable goes on
        } catch (Exception e) {
            return e;
        }
        return thrown;
    }

    /**
     * Entering a method {@code getConnection()} or {@code getConnection(String, String)} that
     * returns a connection; may refuse a nested checkout with an {@code SQLException}.
     *
     * @param dataSource the instance, a {@code DataSource} or another class with such a method
     * @throws Exception the {@code SQLException} that refuses a nested checkout
     */
    public static void enterGetConnection(Object dataSource) throws Exception {
        ConnectionHook hook = installed;
        if (hook != null) {
            hook.onEnterGetConnection(dataSource);
        }
    }

    /**
     * The connection {@code dataSource.getConnection(..)} returns instead of {@code handedOut}.
     *
     * @param handedOut  the connection it handed out (or null, as it returned)
     * @param dataSource the instance
     * @return the protected connection, or {@code handedOut}
     * @throws Exception an {@code SQLException} from protecting the connection
     */
    public static Object returnGetConnection(Object handedOut, Object dataSource) throws Exception {
        ConnectionHook hook = installed;
        try {
            return hook == null ? handedOut : hook.onExitGetConnection(dataSource, handedOut);
        } catch (RuntimeException | LinkageError e) {
            return handedOut;
        }
    }

    /**
     * {@code dataSource.getConnection(..)} is throwing {@code thrown}: what it throws instead.
     *
     * @param thrown     what the data source threw
     * @param dataSource the instance
     * @return {@code thrown}, or an {@code SQLException} of the hook's
     */
    public static Throwable thrownFromGetConnection(Throwable thrown, Object dataSource) {
        ConnectionHook hook = installed;
        try {
            if (hook != null) {
                hook.onExitGetConnection(dataSource, null);
            }
        } catch (RuntimeException | LinkageError e) {
            // the agent's own failure: the data source's throwable goes on
        } catch (Exception e) {
            return e;
        }
        return thrown;
    }

    /**
     * What {@link #enterConnect} does once a hook is installed.
     *
     * @param driver the instance
     */
    protected abstract void onEnterConnect(Object driver);

    /**
     * What {@link #enterGetConnection} does once a hook is installed.
     *
     * @param dataSource the data source asked for a connection
     * @throws Exception the {@code SQLException} that refuses a nested checkout
     */
    protected abstract void onEnterGetConnection(Object dataSource) throws Exception;

    /**
     * What {@link #returnConnect} and {@link #thrownFromConnect} do once a hook is installed.
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
     * What {@link #returnGetConnection} and {@link #thrownFromGetConnection} do once a hook is installed.
     *
     * @param dataSource the data source that was asked
     * @param handedOut  the connection it handed out, or null
     * @return the connection to hand out
     * @throws Exception an {@code SQLException} from protecting the connection
     */
    protected abstract Object onExitGetConnection(Object dataSource, Object handedOut) throws Exception;
}
