package legacy;

/** The machine-readable lines the tests parse: {@code RESULT key=value}. */
final class Results {
    static final String PREFIX = "RESULT ";

    private Results() {
    }

    static void print(String key, Object value) {
        System.out.println(PREFIX + key + "=" + value);
    }
}
