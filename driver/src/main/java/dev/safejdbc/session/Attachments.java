package dev.safejdbc.session;

import java.util.Arrays;

/**
 * The {@link TransactionState}s attached to one session, one per {@link Attachment}, made on
 * first use. Looking one up is a scan of a tiny array (one kind today), with no lock once it exists.
 */
final class Attachments {

    /** Kinds and their states, alternating; replaced (never changed) when one is added. */
    private volatile Object[] entries = new Object[0];

    /** Kept small, so that the JIT inlines it into every statement; the first use of a kind makes it apart. */
    @SuppressWarnings("unchecked")
    <S extends TransactionState> S get(Attachment<S> kind) {
        Object[] known = entries;
        for (int i = 0; i < known.length; i += 2) {
            if (known[i] == kind) {
                return (S) known[i + 1];
            }
        }
        return made(kind);
    }

    @SuppressWarnings("unchecked")
    private <S extends TransactionState> S made(Attachment<S> kind) {
        synchronized (this) {
            Object[] known = entries;
            for (int i = 0; i < known.length; i += 2) {
                if (known[i] == kind) {
                    return (S) known[i + 1];
                }
            }
            S state = kind.make();
            Object[] more = Arrays.copyOf(known, known.length + 2);
            more[known.length] = kind;
            more[known.length + 1] = state;
            entries = more;
            return state;
        }
    }

    void clear() {
        Object[] known = entries;
        for (int i = 1; i < known.length; i += 2) {
            ((TransactionState) known[i]).clear();
        }
    }
}
