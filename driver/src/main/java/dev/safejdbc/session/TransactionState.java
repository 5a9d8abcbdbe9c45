package dev.safejdbc.session;

/**
 * What another layer keeps for one session's transaction (the guard: the keyed reads it saw).
 * The session holds it without knowing what it is, and clears it when the transaction ends.
 */
public interface TransactionState {

    /** The transaction ended (commit, rollback, close, or its thread died): forget it. */
    void clear();
}
