package dev.safejdbc.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.shop.ShopApplication;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.boot.test.context.SpringBootTest;

/** With the starter: the second save is refused with 40001 and no increment is lost. */
@SpringBootTest(classes = ShopApplication.class)
class SafeJpaRaceTest extends JpaRace {
    @Test
    void theStaleSaveIsRefusedAndNoIncrementIsLost() throws Exception {
        Outcome outcome = race();

        assertThat(outcome.second()).isNull();
        assertThat(sqlStateOf(outcome.first())).isEqualTo("40001");
        System.out.println("[conflicts] Spring Data JPA saveAndFlush: " + outcome.first());
        assertThat(outcome.first()).isInstanceOf(CannotAcquireLockException.class); // Spring's, from Hibernate's
        assertThat(outcome.progress()).isEqualTo(1);
    }
}
