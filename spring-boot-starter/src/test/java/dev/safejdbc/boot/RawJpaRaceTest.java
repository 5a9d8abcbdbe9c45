package dev.safejdbc.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.shop.ShopApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The same application with the starter switched off: both saves succeed and one increment is lost. */
@SpringBootTest(classes = ShopApplication.class, properties = "safe-jdbc.enabled=false")
class RawJpaRaceTest extends JpaRace {
    @Test
    void bothSavesSucceedAndAnIncrementIsLost() throws Exception {
        Outcome outcome = race();

        assertThat(outcome.first()).isNull();
        assertThat(outcome.second()).isNull();
        assertThat(outcome.progress()).isEqualTo(1); // two increments saved, one kept
    }
}
