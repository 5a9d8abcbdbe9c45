package dev.safejdbc.config;

import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/** Options read from a {@link Properties}, defaults chain included. */
final class PropertiesOptionSource implements OptionSource {
    private final String name;
    private final Properties properties;

    PropertiesOptionSource(String name, Properties properties) {
        this.name = name;
        this.properties = properties;
    }

    @Override
    public String name() {
        return name;
    }

    /** A non-String value (props.put("safe.checkoutTimeoutMs", 500)) is read as its text, never ignored. */
    @Override
    public Optional<OptionValue> lookup(OptionKey key) {
        String text = properties.getProperty(key.propertyKey());
        if (text == null) {
            Object value = properties.get(key.propertyKey());
            text = value == null ? null : String.valueOf(value);
        }
        return OptionValue.ifSet(text, name);
    }

    @Override
    public Set<String> safeKeys() {
        // sorted, so that the first misspelt key reported is the same on every run
        Set<String> keys = new TreeSet<>();
        for (String propertyName : properties.stringPropertyNames()) {
            if (OptionKey.isSafeKey(propertyName)) {
                keys.add(propertyName);
            }
        }
        return keys;
    }
}
