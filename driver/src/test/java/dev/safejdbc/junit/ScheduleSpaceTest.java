package dev.safejdbc.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.session.Boundary;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The schedules exploreAll runs: one per class of orders that differ only by commuting steps, and no fewer. */
class ScheduleSpaceTest {

    @Test
    void tasksOnOneRowOfOneTableKeepEveryOrderButTheirFirstReads() {
        List<Arrival> lockService = List.of(statement("SELECT owner FROM locks WHERE id = ?"),
                statement("UPDATE locks SET owner = ? WHERE id = ?"), new Arrival(Boundary.COMMIT, null));
        ScheduleSpace space = space(lockService, lockService);
        assertThat(space.orders()).isEqualTo(BigInteger.valueOf(20));
        List<String> schedules = names(space.schedules(true, 100));
        assertThat(schedules).hasSize(14).contains("A1 B1 A2 A3 B2 B3").doesNotContain("B1 A1 A2 A3 B2 B3");
        assertOnePerClass(space);
    }

    @Test
    void transactionsOnUnrelatedTablesRunTenTimesFewerSchedules() {
        ScheduleSpace space = space(transaction("accounts"), transaction("audit"));
        assertThat(space.orders()).isEqualTo(BigInteger.valueOf(252));
        assertThat(space.schedules(true, 1_000)).hasSize(22);
        assertOnePerClass(space);
    }

    @Test
    void autocommitReadsOfUnrelatedTablesCommuteButCheckoutsAndClosesDoNot() {
        List<Arrival> reads = List.of(new Arrival(Boundary.CHECKOUT, null), statement("SELECT * FROM a"),
                statement("SELECT * FROM b"), new Arrival(Boundary.CLOSE, null));
        ScheduleSpace space = space(reads, reads);
        assertThat(space.schedules(true, 1_000).size()).isLessThan(space.orders().intValue());
        assertOnePerClass(space);
    }

    @Test
    void opaqueStatementsCommuteWithNothing() {
        List<Arrival> opaque = List.of(statement("SELECT nextval('s')"), statement("CALL p(?)"));
        List<Arrival> other = List.of(statement("SELECT * FROM t"), statement("SELECT * FROM u"));
        ScheduleSpace space = space(opaque, other);
        assertThat(space.schedules(true, 100)).hasSize(6);
    }

    @Test
    void threeTasksAreReducedToOnePerClassToo() {
        ScheduleSpace space = space(transaction("a"), transaction("b").subList(1, 4), transaction("a").subList(1, 3));
        assertOnePerClass(space);
    }

    @Test
    void theLimitCutsTheSearch() {
        ScheduleSpace space = space(transaction("a"), transaction("a"));
        assertThat(space.schedules(false, 7)).hasSize(7);
        assertThat(space.schedules(false, 1_000)).hasSize(252);
    }

    /** Brute force: group every order by the orders reachable by swapping adjacent commuting steps. */
    private static void assertOnePerClass(ScheduleSpace space) {
        List<String> every = names(space.schedules(false, 100_000));
        Set<String> reduced = new HashSet<>(names(space.schedules(true, 100_000)));
        Set<String> seen = new HashSet<>();
        int classes = 0;
        for (String order : every) {
            if (seen.contains(order)) {
                continue;
            }
            Set<String> members = equivalents(space, order);
            seen.addAll(members);
            classes++;
            Set<String> representatives = new HashSet<>(members);
            representatives.retainAll(reduced);
            assertThat(representatives).as("representatives of the class of " + order).hasSize(1);
            assertThat(representatives.iterator().next()).isEqualTo(members.stream().sorted().findFirst().get());
        }
        assertThat(reduced).hasSize(classes);
    }

    private static Set<String> equivalents(ScheduleSpace space, String order) {
        Set<String> members = new HashSet<>(Set.of(order));
        Deque<String> todo = new ArrayDeque<>(members);
        while (!todo.isEmpty()) {
            String[] steps = todo.pop().split(" ");
            for (int i = 0; i + 1 < steps.length; i++) {
                if (steps[i].charAt(0) != steps[i + 1].charAt(0)
                        && !space.footprint(step(steps[i])).conflicts(space.footprint(step(steps[i + 1])))) {
                    String[] swapped = steps.clone();
                    swapped[i] = steps[i + 1];
                    swapped[i + 1] = steps[i];
                    String other = String.join(" ", swapped);
                    if (members.add(other)) {
                        todo.push(other);
                    }
                }
            }
        }
        return members;
    }

    private static Step step(String name) {
        return new Step(name.charAt(0) - 'A', Integer.parseInt(name.substring(1)));
    }

    private static List<Arrival> transaction(String table) {
        return List.of(new Arrival(Boundary.CHECKOUT, null), statement("SELECT v FROM " + table + " WHERE id = ?"),
                statement("UPDATE " + table + " SET v = ? WHERE id = ?"), new Arrival(Boundary.COMMIT, null),
                new Arrival(Boundary.CLOSE, null));
    }

    private static Arrival statement(String sql) {
        return new Arrival(Boundary.STATEMENT, sql);
    }

    @SafeVarargs
    private static ScheduleSpace space(List<Arrival>... tasks) {
        return new ScheduleSpace(Arrays.stream(tasks).map(Footprint::of).collect(Collectors.toList()));
    }

    private static List<String> names(List<Schedule> schedules) {
        List<String> names = new ArrayList<>();
        schedules.forEach(s -> names.add(s.toString()));
        return names;
    }
}
