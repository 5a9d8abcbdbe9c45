package bootapp;

import javax.sql.DataSource;
import org.slf4j.LoggerFactory;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application as Boot builds it: an executable jar, Logback, an auto-configured
 * HikariCP pool over a raw SQLite URL, no safe-jdbc anywhere. It logs which logging it runs on,
 * runs {@link NestedCheckout} and exits; the agent's integration tests read its {@code RESULT} lines.
 */
@SpringBootApplication
public class BootApp {
    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(BootApp.class, args)));
    }

    @Bean
    CommandLineRunner scenario(DataSource dataSource) {
        return args -> {
            LoggerFactory.getLogger(BootApp.class).info("logging through {}",
                    LoggerFactory.getILoggerFactory().getClass().getName());
            Results.print("logging", LoggerFactory.getILoggerFactory().getClass().getName());
            NestedCheckout.run(dataSource);
            Results.print("done", "true");
        };
    }
}
