package dev.safejdbc.junit;

/** Application code the harness runs on a thread of its own: a DAO call, a service method. */
@FunctionalInterface
public interface Task {
    /**
     * Runs the application code; its JDBC calls are the steps the harness schedules.
     *
     * @return anything the invariant wants to look at (may be null)
     * @throws Exception anything the code throws; it is kept in the {@link Run}, not rethrown
     */
    Object run() throws Exception;
}
