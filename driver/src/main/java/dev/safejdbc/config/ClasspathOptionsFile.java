package dev.safejdbc.config;

import dev.safejdbc.error.InvalidConfigurationException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The optional {@code safe-jdbc.properties} resource: read on first use, then kept for the JVM's life. */
final class ClasspathOptionsFile {
    static final String RESOURCE = "safe-jdbc.properties";

    private ClasspathOptionsFile() {
    }

    static OptionSource cached() throws InvalidConfigurationException {
        Loaded loaded = Holder.LOADED;
        if (loaded.failure() != null) {
            // a fresh exception, so the stack trace shows the caller rather than the first loader
            throw new InvalidConfigurationException(loaded.failure().getMessage(), loaded.failure());
        }
        return loaded.source();
    }

    /** Reads {@code resource} from the first of {@code loaders} (nulls skipped) that has it. */
    static OptionSource load(String resource, ClassLoader... loaders) throws InvalidConfigurationException {
        URL url = find(resource, loaders);
        Properties properties = new Properties();
        if (url == null) {
            return new PropertiesOptionSource(resource, properties);
        }
        try (InputStream in = url.openStream(); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: a malformed unicode escape in the file
            throw new InvalidConfigurationException("Cannot read " + url + ": " + e.getMessage()
                    + "; expected a properties file of safe.* keys", e);
        }
        return new PropertiesOptionSource(resource + " at " + url, properties);
    }

    private static URL find(String resource, ClassLoader... loaders) {
        for (ClassLoader loader : loaders) {
            URL url = loader == null ? null : loader.getResource(resource);
            if (url != null) {
                return url;
            }
        }
        return null;
    }

    /** Either the source or why the file could not be read. */
    private record Loaded(OptionSource source, InvalidConfigurationException failure) {
    }

    /** Lazy holder: the file is read once, by whichever thread first resolves options. */
    private static final class Holder {
        static final Loaded LOADED = loadOnce();

        private static Loaded loadOnce() {
            try {
                return new Loaded(load(RESOURCE, SafeOptions.class.getClassLoader(),
                        Thread.currentThread().getContextClassLoader()), null);
            } catch (InvalidConfigurationException e) {
                return new Loaded(null, e);
            }
        }
    }
}
