/**
 * Nested sessions that would wait for their own thread: a pool with no free connection left
 * ({@link dev.safejdbc.nested.PoolProbe}), and a statement waiting on a lock its own thread's
 * other transaction holds ({@link dev.safejdbc.nested.LockWaitWatchdog}).
 */
package dev.safejdbc.nested;
