package dev.safejdbc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's test example is two real files of this module's tests, so it compiles and passes
 * as printed; this keeps the README's copy the same as the files, and the README free of links
 * that leave the repository.
 */
class ReadmeExampleTest {
    /** Maven runs a module's tests in the module's folder; the README is the reactor's. */
    private static final Path README = Path.of("..", "README.md");

    @ParameterizedTest
    @ValueSource(strings = {"LockService.java", "LockServiceRaceTest.java"})
    void theReadmeShowsTheFileExactly(String file) throws IOException {
        String code = Files.readString(Path.of("src", "test", "java", file));

        assertThat(Files.readString(README)).contains("```java\n" + code + "```\n");
    }

    @Test
    void theReadmeNeverPointsOutsideTheRepository() throws IOException {
        assertThat(Files.readString(README)).doesNotContain("../");
    }
}
