package io.reckoning.query.runmetrics;

import io.reckoning.query.config.QueryConfiguration;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The run metrics ride on the run-view processor: they read what its read models wrote in the same transaction. */
@Configuration(proxyBeanMethods = false)
class RunMetricsConfiguration {

    @Bean
    ConfigurerModule runMetricsProcessing() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.assignProcessingGroup(RunMetrics.GROUP, QueryConfiguration.RUN_VIEW));
    }
}
