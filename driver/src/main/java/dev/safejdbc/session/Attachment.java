package dev.safejdbc.session;

import java.util.function.Supplier;

/**
 * One kind of {@link TransactionState} a session carries for another layer, declared once by that
 * layer: the session package never knows its type.
 */
public final class Attachment<S extends TransactionState> {
    private final Supplier<S> make;

    public Attachment(Supplier<S> make) {
        this.make = make;
    }

    S make() {
        return make.get();
    }
}
