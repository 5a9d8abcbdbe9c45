package dev.safejdbc.config;

import dev.safejdbc.error.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClasspathOptionsFileTest {
    private static final String RESOURCE = ClasspathOptionsFile.RESOURCE;

    @TempDir
    Path dir;

    @Test
    void readsTheFileAndNamesItInMessages() throws Exception {
        write("safe.mode=report\nsafe.report=/tmp/r\u00e9port.json\n");

        OptionSource file = ClasspathOptionsFile.load(RESOURCE, loader());

        assertThat(file.name()).startsWith("safe-jdbc.properties at file:");
        assertThat(SafeOptions.resolve(List.of(file)))
                .extracting(SafeOptions::mode, SafeOptions::reportPath)
                .containsExactly(Mode.REPORT, "/tmp/r\u00e9port.json");
    }

    @Test
    void badValueInTheFileNamesTheFile() throws Exception {
        write("safe.onConflict=retry\n");
        OptionSource file = ClasspathOptionsFile.load(RESOURCE, loader());

        assertThatThrownBy(() -> SafeOptions.resolve(List.of(file)))
                .hasMessageContaining("'retry' for safe.onConflict (set in safe-jdbc.properties at file:")
                .hasMessageContaining("expected one of: throw, zero-rows");
    }

    @Test
    void unknownKeyInTheFileIsRejected() throws Exception {
        write("safe.onconflict=throw\n");
        OptionSource file = ClasspathOptionsFile.load(RESOURCE, loader());

        assertThatThrownBy(() -> SafeOptions.resolve(List.of(file))).hasMessageContaining("did you mean safe.onConflict?");
    }

    @Test
    void missingFileGivesNoValues() throws Exception {
        OptionSource file = ClasspathOptionsFile.load(RESOURCE, loader());

        assertThat(SafeOptions.resolve(List.of(file)).mode()).isEqualTo(Mode.ENFORCE);
    }

    @Test
    void laterLoaderIsTriedWhenTheFirstHasNoFileOrIsNull() throws Exception {
        write("safe.nested=warn\n");
        ClassLoader empty = new URLClassLoader(new URL[0], null);

        OptionSource file = ClasspathOptionsFile.load(RESOURCE, null, empty, loader());

        assertThat(SafeOptions.resolve(List.of(file)).nested()).isEqualTo(NestedPolicy.WARN);
    }

    @Test
    void malformedFileIsAConfigurationErrorNotARuntimeException() throws Exception {
        write("safe.mode=\\uZZZZ\n");

        assertThatThrownBy(() -> ClasspathOptionsFile.load(RESOURCE, loader()))
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.getSQLState()).isEqualTo("08001"))
                .hasMessageContaining("Cannot read file:")
                .hasMessageContaining("safe-jdbc.properties");
    }

    @Test
    void theClassPathFileIsReadOnceAndReused() throws Exception {
        assertThatCode(OptionSource::classpathFile).doesNotThrowAnyException();
        assertThat(OptionSource.classpathFile()).isSameAs(OptionSource.classpathFile());
    }

    private void write(String content) throws IOException {
        Files.writeString(dir.resolve(RESOURCE), content, StandardCharsets.UTF_8);
    }

    private ClassLoader loader() throws MalformedURLException {
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
    }
}
