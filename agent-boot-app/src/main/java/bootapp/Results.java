package bootapp;

/** One {@code RESULT key=value} line on standard output. */
final class Results {
    private Results() {
    }

    static void print(String key, Object value) {
        System.out.println("RESULT " + key + "=" + value);
    }
}
