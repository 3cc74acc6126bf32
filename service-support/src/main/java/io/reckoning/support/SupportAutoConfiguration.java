package io.reckoning.support;

import io.reckoning.support.config.ReckoningProperties;
import io.reckoning.support.health.DatabaseHealth;
import io.reckoning.support.health.DurabilityCheck;
import io.reckoning.support.health.HealthController;
import io.reckoning.support.json.ContractJsonModule;
import io.reckoning.support.web.JsonNestingLimit;
import io.reckoning.support.web.ProblemAdvice;
import io.reckoning.support.web.RequestSizeLimit;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import javax.sql.DataSource;

/** Registered once per application, however many services share the process. */
@AutoConfiguration
@EnableConfigurationProperties(ReckoningProperties.class)
@Import({HealthController.class, ProblemAdvice.class, RequestSizeLimit.class, JsonNestingLimit.class})
public class SupportAutoConfiguration {

    /** Spring Boot registers every module bean with the {@code JsonMapper} it configures. */
    @Bean
    ContractJsonModule contractJsonModule() {
        return new ContractJsonModule();
    }

    /** Checked as soon as the data source exists: no service runs on a database that may lose commits. */
    @Bean
    static DurabilityCheck durabilityCheck() {
        return new DurabilityCheck();
    }

    /** The database part of readiness ({@code management.endpoint.health.group.readiness}). */
    @Bean("database")
    DatabaseHealth databaseHealth(DataSource dataSource) {
        return new DatabaseHealth(dataSource);
    }
}
