package dev.safejdbc.config;

import dev.safejdbc.error.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SafeUrlTest {
    private static final String SECRET = "s3cret";

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:safe:sqlite::memory:", "jdbc:safe:postgresql://h/db", "jdbc:safe:", "jdbc:safe:safe:x"})
    void acceptsEveryUrlWithThePrefixAndNothingElseMatters(String url) {
        assertThat(SafeUrl.accepts(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "jdbc:sqlite::memory:", "JDBC:SAFE:sqlite::memory:", " jdbc:safe:sqlite::memory:", "jdbc:safe"})
    void rejectsUrlsWithoutThePrefix(String url) {
        assertThat(SafeUrl.accepts(url)).isFalse();
    }

    @Test
    void doesNotAcceptNull() {
        assertThat(SafeUrl.accepts(null)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:safe:sqlite::memory:                              | jdbc:sqlite::memory:",
            "jdbc:safe:sqlite:file::memory:?cache=shared            | jdbc:sqlite:file::memory:?cache=shared",
            "jdbc:safe:sqlite:file:shop?mode=memory&cache=shared    | jdbc:sqlite:file:shop?mode=memory&cache=shared",
            "jdbc:safe:sqlite:                                      | jdbc:sqlite:",
            "jdbc:safe:postgresql://127.0.0.1:5432/test?user=x      | jdbc:postgresql://127.0.0.1:5432/test?user=x",
            "jdbc:safe:h2:mem:x;DB_CLOSE_DELAY=-1                   | jdbc:h2:mem:x;DB_CLOSE_DELAY=-1",
            "jdbc:safe:mariadb://localhost:3306/test                | jdbc:mariadb://localhost:3306/test",
            "jdbc:safe:mysql://root:pw@localhost:3306/test          | jdbc:mysql://root:pw@localhost:3306/test",
            "jdbc:safe:tc:postgresql:16:///db                       | jdbc:tc:postgresql:16:///db",
    })
    void realUrlIsJdbcPlusTheRest(String url, String realUrl) throws InvalidConfigurationException {
        assertThat(SafeUrl.toRealUrl(url)).isEqualTo(realUrl);
    }

    @Test
    void theSameUrlOpenedAgainGivesTheRealDriverTheSameString() throws InvalidConfigurationException {
        String first = SafeUrl.toRealUrl("jdbc:safe:sqlite:/tmp/again.db");
        // the real driver keeps its URL per connection: a pool's thousandth connection must not keep a thousandth copy
        assertThat(SafeUrl.toRealUrl(new String("jdbc:safe:sqlite:/tmp/again.db"))).isSameAs(first);
        assertThat(SafeUrl.toRealUrl("jdbc:safe:sqlite:/tmp/other.db")).isEqualTo("jdbc:sqlite:/tmp/other.db");
    }

    @Test
    void prefixIsRemovedOnceNotEverywhere() throws InvalidConfigurationException {
        assertThat(SafeUrl.toRealUrl("jdbc:safe:sqlite:/tmp/jdbc:safe:dir/a.db")).isEqualTo("jdbc:sqlite:/tmp/jdbc:safe:dir/a.db");
        assertThat(SafeUrl.toRealUrl("jdbc:safe:h2:mem:safe:x")).isEqualTo("jdbc:h2:mem:safe:x");
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> malformedUrls() {
        return Stream.of(
                arguments(null, "none was given"),
                arguments("", "does not start with jdbc:safe:"),
                arguments("jdbc:postgresql://h/db?password=" + SECRET, "does not start with jdbc:safe:"),
                arguments("jdbc:safe", "does not start with jdbc:safe:"),
                arguments("safe:sqlite::memory:", "does not start with jdbc:safe:"),
                arguments(" jdbc:safe:mysql://root:" + SECRET + "@h/db", "starts with whitespace"),
                arguments("JDBC:SAFE:mysql://root:" + SECRET + "@h/db", "lower case"),
                arguments("jdbc:safe:", "nothing follows jdbc:safe:"),
                arguments("jdbc:safe: sqlite::memory:", "whitespace follows jdbc:safe:"),
                arguments("jdbc:safe:\tpostgresql://h/db?password=" + SECRET, "whitespace follows jdbc:safe:"),
                arguments("jdbc:safe:\npostgresql://h/db", "whitespace follows jdbc:safe:"),
                arguments("jdbc:safe:safe:sqlite::memory:", "jdbc:safe: must appear once"),
                arguments("jdbc:safe:safe:mysql://root:" + SECRET + "@h:3306/db", "jdbc:safe: must appear once"),
                arguments("jdbc:safe:SAFE:h2:mem:x;PASSWORD=" + SECRET, "jdbc:safe: must appear once"),
                arguments("jdbc:safe:safe:", "jdbc:safe: must appear once"),
                arguments("jdbc:safe:sqlite", "no sub-protocol"),
                arguments("jdbc:safe::memory:", "no sub-protocol"),
                arguments("jdbc:safe:?password=" + SECRET, "no sub-protocol"),
                arguments("jdbc:safe:postgresql//h/db?password=" + SECRET, "no sub-protocol"),
                arguments("jdbc:safe:jdbc:postgresql://h/db?password=" + SECRET, "jdbc: must not be repeated"),
                arguments("jdbc:safe:sql ite::memory:", "is not a single word"),
                arguments("jdbc:safe:/tmp/a.db:x", "is not a single word"),
                arguments("jdbc:safe:sql\u00a0ite:x?token=" + SECRET, "is not a single word"));
    }

    @ParameterizedTest
    @MethodSource("malformedUrls")
    void malformedUrlIsRejectedWithWhatWasExpectedAndNoSecret(String url, String problem) {
        assertThatThrownBy(() -> SafeUrl.toRealUrl(url))
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.getSQLState()).isEqualTo("08001"))
                .hasMessageContaining(problem)
                .hasMessageContaining("expected jdbc:safe:<subprotocol>:<rest>, for example jdbc:safe:sqlite::memory:")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void rejectedUrlIsQuotedRedacted() {
        assertThatThrownBy(() -> SafeUrl.toRealUrl("jdbc:safe:safe:mysql://root:" + SECRET + "@h:3306/db?password=" + SECRET))
                .hasMessageContaining("'jdbc:safe:safe:mysql://root:***@h:3306/db?password=***'");
    }

    @ParameterizedTest
    @CsvSource({
            "jdbc:sqlite::memory:, sqlite",
            "jdbc:postgresql://h:5432/db, postgresql",
            "jdbc:h2:mem:x, h2",
            "jdbc:mariadb://h/db, mariadb",
            "jdbc:mysql://h/db, mysql",
    })
    void subprotocolIsTheWordAfterJdbc(String realUrl, String subprotocol) {
        assertThat(SafeUrl.subprotocol(realUrl)).isEqualTo(subprotocol);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:sqlite", "sqlite::memory:", ""})
    void subprotocolNeedsARealJdbcUrl(String notReal) {
        assertThatThrownBy(() -> SafeUrl.subprotocol(notReal)).isInstanceOf(IllegalArgumentException.class);
    }
}
