package io.reckoning.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * A Spring Boot integration test on a random port, with a PostgreSQL database of its own
 * (dropped afterwards) and the JVM's Kafka broker; see {@link InfrastructureInitializer}.
 * Each test class gets a new context, hence a new database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ContextConfiguration(initializers = InfrastructureInitializer.class)
public @interface ReckoningIntegrationTest {

    /** Extra {@code key=value} properties, as in {@link SpringBootTest#properties()}. */
    @AliasFor(annotation = SpringBootTest.class)
    String[] properties() default {};

    /** The configuration classes, as in {@link SpringBootTest#classes()}; found by search when empty. */
    @AliasFor(annotation = SpringBootTest.class)
    Class<?>[] classes() default {};
}
