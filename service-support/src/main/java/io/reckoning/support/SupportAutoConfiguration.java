package io.reckoning.support;

import io.reckoning.support.config.ReckoningProperties;
import io.reckoning.support.health.HealthController;
import io.reckoning.support.json.ContractJsonModule;
import io.reckoning.support.web.ProblemAdvice;
import io.reckoning.support.web.RequestSizeLimit;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Registered once per application, however many services share the process. */
@AutoConfiguration
@EnableConfigurationProperties(ReckoningProperties.class)
@Import({HealthController.class, ProblemAdvice.class, RequestSizeLimit.class})
public class SupportAutoConfiguration {

    /** Spring Boot registers every module bean with the {@code JsonMapper} it configures. */
    @Bean
    ContractJsonModule contractJsonModule() {
        return new ContractJsonModule();
    }
}
