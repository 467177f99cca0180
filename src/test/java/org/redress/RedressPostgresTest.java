package org.redress;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on the PostgreSQL server at 127.0.0.1:5432 (the production "postgres"
 * profile, pointed at a fresh test database). Every test class with it shares one Spring context,
 * in a JVM of its own (tag "postgres", see pom.xml): Camunda registers engines JVM-wide by name.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("postgres")
@ExtendWith(FreshPostgresDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo", "postgres", "pgtest"})
public @interface RedressPostgresTest {}
