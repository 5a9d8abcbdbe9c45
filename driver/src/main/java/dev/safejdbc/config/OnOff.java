package dev.safejdbc.config;

/** The words of a switch option such as {@code safe.guard}; it resolves to a boolean. */
enum OnOff implements OptionChoice {
    ON("on"),
    OFF("off");

    private final String text;

    OnOff(String text) {
        this.text = text;
    }

    @Override
    public String text() {
        return text;
    }
}
