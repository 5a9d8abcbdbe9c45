package dev.safejdbc.junit;

/** Application code the harness runs on a thread of its own: a DAO call, a service method. */
@FunctionalInterface
public interface Task {
    /** @return anything the invariant wants to look at (may be null) */
    Object run() throws Exception;
}
