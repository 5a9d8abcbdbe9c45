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

    /** Installs the agent's hook; only the first call counts. */
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

    /** Entering {@code DataSource.getConnection(..)}; may refuse a nested checkout with an {@code SQLException}. */
    public static void enterGetConnection(Object dataSource) throws Exception {
        ConnectionHook hook = installed;
        if (hook != null) {
            hook.onEnterGetConnection(dataSource);
        }
    }

    /** The connection {@code driver.connect(url, info)} hands out instead of {@code opened} (null when it failed). */
    public static Object exitConnect(Object driver, String url, Properties info, Object opened) throws Exception {
        ConnectionHook hook = installed;
        return hook == null ? opened : hook.onExitConnect(driver, url, info, opened);
    }

    /** The connection {@code dataSource.getConnection(..)} hands out instead of {@code handedOut} (null when it failed). */
    public static Object exitGetConnection(Object dataSource, Object handedOut) throws Exception {
        ConnectionHook hook = installed;
        return hook == null ? handedOut : hook.onExitGetConnection(dataSource, handedOut);
    }

    protected abstract void onEnter();

    protected abstract void onEnterGetConnection(Object dataSource) throws Exception;

    protected abstract Object onExitConnect(Object driver, String url, Properties info, Object opened) throws Exception;

    protected abstract Object onExitGetConnection(Object dataSource, Object handedOut) throws Exception;
}
