package com.example.shop;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small Spring Boot application, as a user writes one: JdbcTemplate, Spring Data JPA, Flyway. */
@SpringBootApplication
public class ShopApplication {
}
