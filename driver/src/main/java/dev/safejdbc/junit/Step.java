package dev.safejdbc.junit;

/**
 * One scheduling point of one task: its {@code number}-th JDBC boundary (checkout, statement,
 * commit, rollback, close). Written {@code A2} in schedules.
 */
record Step(int task, int number) {

    static String taskName(int task) {
        return String.valueOf((char) ('A' + task));
    }

    @Override
    public String toString() {
        return taskName(task) + number;
    }
}
