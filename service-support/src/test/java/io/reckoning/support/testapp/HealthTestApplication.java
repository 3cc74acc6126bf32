package io.reckoning.support.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A service with nothing but what service-support gives every service: health, metrics, Kafka, problem details. */
@SpringBootApplication
public class HealthTestApplication {
}
