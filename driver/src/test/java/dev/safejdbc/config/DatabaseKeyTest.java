package dev.safejdbc.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseKeyTest {
    private static final String SECRET = "s3cret";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://127.0.0.1:5432/test?user=x&password=y    | jdbc:postgresql://127.0.0.1:5432/test",
            "jdbc:mysql://root:pw@localhost:3306/test                   | jdbc:mysql://localhost:3306/test",
            "jdbc:h2:mem:x;DB_CLOSE_DELAY=-1                            | jdbc:h2:mem:x",
            "jdbc:sqlite:/tmp/a.db                                      | jdbc:sqlite:/tmp/a.db",
            "jdbc:sqlite::memory:                                       | jdbc:sqlite::memory:",
            "jdbc:sqlite:file::memory:?cache=shared                     | jdbc:sqlite:file::memory:",
            "jdbc:sqlite:file:shop?mode=memory&cache=shared             | jdbc:sqlite:file:shop",
            "jdbc:mariadb://app@localhost:3306/test                     | jdbc:mariadb://localhost:3306/test",
            "jdbc:mysql://root:p@ss@localhost/test                      | jdbc:mysql://localhost/test",
            "jdbc:mysql://root:pa;ss@localhost/test                     | jdbc:mysql://localhost/test",
            "jdbc:postgresql://h/db?user=a@b.example                    | jdbc:postgresql://h/db",
            "jdbc:h2:tcp://localhost/~/test;USER=sa;PASSWORD=x          | jdbc:h2:tcp://localhost/~/test",
            "jdbc:sqlserver://h:1433;user=a;password=p@ss               | jdbc:sqlserver://h:1433",
            "jdbc:mysql://address=(host=h)(user=u)(password=x)/db       | jdbc:mysql://address=(host=h)(user=u)(password=***)/db",
    })
    void keyIsTheUrlWithoutCredentialsAndParameters(String realUrl, String key) {
        assertThat(DatabaseKey.of(realUrl)).isEqualTo(key);
    }

    @Test
    void sameDatabaseWithOtherCredentialsHasTheSameKey() {
        assertThat(DatabaseKey.of("jdbc:mysql://root:one@h:3306/db?useSSL=false"))
                .isEqualTo(DatabaseKey.of("jdbc:mysql://app:two@h:3306/db"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:mysql://root:" + SECRET + "@h/db",
            "jdbc:postgresql://h/db?password=" + SECRET,
            "jdbc:h2:mem:x;PASSWORD=" + SECRET,
            "jdbc:mysql://address=(host=h)(password=" + SECRET + ")/db",
            "jdbc:mysql://(host=h,password=" + SECRET + ")/db",
            "jdbc:sqlserver://h:1433;password=p@" + SECRET,
            "jdbc:mysql://root:a%2F" + SECRET + "@h/db",
    })
    void keyNeverContainsASecret(String realUrl) {
        assertThat(DatabaseKey.of(realUrl)).doesNotContain(SECRET);
    }

    @Test
    void keyNeedsAUrl() {
        assertThatThrownBy(() -> DatabaseKey.of(null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://h:5432/db?user=x&password=s3cret&ssl=true | jdbc:postgresql://h:5432/db?user=x&password=***&ssl=true",
            "jdbc:mysql://root:s3cret@localhost:3306/test                | jdbc:mysql://root:***@localhost:3306/test",
            "jdbc:mysql://root:s3@cret@localhost:3306/test               | jdbc:mysql://root:***@localhost:3306/test",
            "jdbc:mysql://root:s3;cret@localhost/test                    | jdbc:mysql://root:***@localhost/test",
            "jdbc:h2:mem:x;DB_CLOSE_DELAY=-1;PASSWORD=s3cret             | jdbc:h2:mem:x;DB_CLOSE_DELAY=-1;PASSWORD=***",
            "jdbc:postgresql://h/db?password=s3,c&r;et&user=x            | jdbc:postgresql://h/db?password=***&user=x",
            "jdbc:postgresql://h/db?token=abc==&x=1                      | jdbc:postgresql://h/db?token=***&x=1",
            "jdbc:postgresql://h/db?password=                            | jdbc:postgresql://h/db?password=***",
            "jdbc:sqlserver://h:1433;password=p@ss;databaseName=d        | jdbc:sqlserver://h:1433;password=***;databaseName=d",
            "jdbc:mysql://(host=h,password=s3cret,port=3306)/db          | jdbc:mysql://(host=h,password=***,port=3306)/db",
            "jdbc:mysql://address=(host=h)(password=s3cret)/db           | jdbc:mysql://address=(host=h)(password=***)/db",
    })
    void redactMasksPasswordsButKeepsTheRest(String url, String redacted) {
        assertThat(DatabaseKey.redact(url)).isEqualTo(redacted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "PassWord", "passwd", "pwd", "secret", "clientSecret", "token", "key", "apiKey", "sslpassword"})
    void redactMasksEverySecretLookingParameter(String name) {
        assertThat(DatabaseKey.redact("jdbc:x://h/db?" + name + "=" + SECRET + "&a=1"))
                .isEqualTo("jdbc:x://h/db?" + name + "=***&a=1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:h2:mem:x;DB_CLOSE_DELAY=-1",
            "jdbc:sqlite:file:shop?mode=memory&cache=shared",
            "jdbc:mysql://root@localhost/test?user=root",
            "jdbc:sqlite::memory:",
    })
    void redactLeavesUrlsWithoutSecretsAlone(String url) {
        assertThat(DatabaseKey.redact(url)).isEqualTo(url);
    }

    @Test
    void redactIsNullSafe() {
        assertThat(DatabaseKey.redact(null)).isNull();
    }
}
