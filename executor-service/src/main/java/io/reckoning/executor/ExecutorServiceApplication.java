package io.reckoning.executor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** executor-service on its own: consumes step tasks from Kafka and reports results. No Axon here. */
@SpringBootApplication
public class ExecutorServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExecutorServiceApplication.class, args);
    }
}
