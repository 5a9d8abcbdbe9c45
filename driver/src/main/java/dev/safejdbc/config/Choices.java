package dev.safejdbc.config;

/** Parsing and listing of {@link OptionChoice} words, shared by every choice-valued option. */
final class Choices {
    private Choices() {
    }

    /** The choice whose word equals {@code text} (trimmed, ignoring case), or null when none does. */
    static <C extends OptionChoice> C find(C[] choices, String text) {
        String word = text.strip();
        for (C choice : choices) {
            if (choice.text().equalsIgnoreCase(word)) {
                return choice;
            }
        }
        return null;
    }

    /** The words separated by commas, for "expected one of: ..." messages. */
    static String list(OptionChoice[] choices) {
        StringBuilder words = new StringBuilder();
        for (OptionChoice choice : choices) {
            if (words.length() > 0) {
                words.append(", ");
            }
            words.append(choice.text());
        }
        return words.toString();
    }
}
