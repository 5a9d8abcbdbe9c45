package dev.safejdbc.junit;

import dev.safejdbc.findings.FindingKind;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fails a test in which safe-jdbc found something (a nested session, an unguarded check-then-act,
 * a lease time-out, a connection shared between threads inside a transaction), with a readable
 * report; findings made on pool or executor threads while the test runs count too.
 * {@link #expect()} lists the kinds the test means to provoke: those must occur, others may not.
 * Informational kinds ({@code NESTED_TRANSACTION}: a nested session that could not wait for its
 * own thread, so it ran) never fail a test unless expected; {@code safe.nested=strict} turns every
 * nested session into a refused one, which does.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(SafeJdbcExtension.class)
public @interface SafeJdbcTest {
    /**
     * The kinds the test means to provoke: each must occur; a kind not listed fails the test,
     * unless it is informational.
     *
     * @return the expected kinds; none by default
     */
    FindingKind[] expect() default {};
}
