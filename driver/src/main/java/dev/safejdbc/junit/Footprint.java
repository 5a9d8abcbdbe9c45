package dev.safejdbc.junit;

import dev.safejdbc.guard.sql.TableAccess;
import dev.safejdbc.session.Boundary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one step may touch, to tell which steps of different tasks commute: two steps whose footprints do not
 * conflict give the same results in either order, so only one of the two orders needs running.
 *
 * <ul>
 *   <li>a statement: the tables its text reads and writes (opaque text touches everything); the first
 *       statement of a transaction also reads every table, since it may take the transaction's snapshot, and
 *       another task's commit before or after it can decide what the whole transaction sees;</li>
 *   <li>commit, rollback and close: they write every table the transaction touched (they publish its writes
 *       and release its locks);</li>
 *   <li>checkout and close also take and give back a pooled connection, which every checkout and close touch.</li>
 * </ul>
 *
 * @param access   the tables read and written
 * @param snapshot it reads every table (the first statement of a transaction)
 * @param pool     it takes or gives back a connection
 */
record Footprint(TableAccess access, boolean snapshot, boolean pool) {
    private static final TableAccess NOTHING = new TableAccess(Set.of(), Set.of());

    boolean conflicts(Footprint other) {
        return pool && other.pool || access.conflicts(other.access)
                || snapshot && other.writesAny() || other.snapshot && writesAny();
    }

    /** Whether every conflict this footprint can have, {@code declared} has too. */
    boolean coveredBy(Footprint declared) {
        if (declared.access.opaque()) {
            return (!pool || declared.pool) && (!snapshot || declared.snapshot);
        }
        if (access.opaque()) {
            return false;
        }
        Set<String> declaredTouches = new HashSet<>(declared.access.reads());
        declaredTouches.addAll(declared.access.writes());
        return declaredTouches.containsAll(access.reads()) && declared.access.writes().containsAll(access.writes())
                && (!snapshot || declared.snapshot) && (!pool || declared.pool);
    }

    private boolean writesAny() {
        return access.opaque() || !access.writes().isEmpty();
    }

    /** The footprints of one task's steps, in order. */
    static List<Footprint> of(List<Arrival> arrivals) {
        List<Footprint> footprints = new ArrayList<>(arrivals.size());
        Set<String> touched = new HashSet<>();
        boolean touchedAnything = false;
        boolean transactionStarts = true;
        for (Arrival arrival : arrivals) {
            switch (arrival.boundary()) {
                case STATEMENT -> {
                    TableAccess access = TableAccess.of(arrival.sql());
                    footprints.add(new Footprint(access, transactionStarts, false));
                    transactionStarts = false;
                    if (access.opaque()) {
                        touchedAnything = true;
                    } else {
                        touched.addAll(access.reads());
                        touched.addAll(access.writes());
                    }
                }
                case CHECKOUT -> footprints.add(new Footprint(NOTHING, false, true));
                case COMMIT, ROLLBACK, CLOSE -> {
                    TableAccess published = touchedAnything ? TableAccess.OPAQUE
                            : new TableAccess(Set.of(), Set.copyOf(touched));
                    footprints.add(new Footprint(published, false, arrival.boundary() == Boundary.CLOSE));
                    touched.clear();
                    touchedAnything = false;
                    transactionStarts = true;
                }
            }
        }
        return footprints;
    }
}
