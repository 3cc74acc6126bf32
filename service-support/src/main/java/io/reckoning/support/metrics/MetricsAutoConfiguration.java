package io.reckoning.support.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.reckoning.support.config.ReckoningProperties;
import io.reckoning.support.db.SchemaMigration;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;

/** The meters every service shares; registered once per process, however many services share it. */
@AutoConfiguration
public class MetricsAutoConfiguration {

    @Bean
    StorageGauges storageGauges(DataSource dataSource, ReckoningProperties properties, MeterRegistry meters) {
        return new StorageGauges(dataSource, properties, meters);
    }

    /** The meters of the services in this process that run Axon. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Configuration.class)
    static class AxonMetersConfiguration {

        /** Instead of axon-micrometer, which no service depends on any more (see {@link AxonMessageMeters}). */
        @Bean
        ConfigurerModule axonMessageMeters(MeterRegistry meters) {
            return new AxonMessageMeters(meters, Clock.systemUTC());
        }

        /**
         * The lag of the tracking processors. The processors exist once Axon has started, so their gauges are
         * registered when the application is ready.
         */
        @Bean
        ApplicationListener<ApplicationReadyEvent> processorLagGauges(ObjectProvider<Configuration> axon,
                                                                      ObjectProvider<EventSchema> eventSchema,
                                                                      ObjectProvider<SchemaMigration> schemas,
                                                                      DataSource dataSource, MeterRegistry meters) {
            return ready -> {
                Configuration configuration = axon.getIfAvailable();
                EventSchema events = eventSchema.getIfAvailable();
                if (configuration == null || events == null) {
                    return;
                }
                Set<String> groups = new TreeSet<>();
                configuration.eventProcessingConfiguration().eventProcessors().forEach((name, processor) -> {
                    if (processor instanceof StreamingEventProcessor) {
                        groups.add(name);
                    }
                });
                new ProcessorLag(dataSource, events.domainEventTable(),
                        schemas.orderedStream().map(schema -> schema.schema() + ".token_entry").toList(),
                        configuration.serializer(), Clock.systemUTC()).register(groups, meters);
            };
        }
    }
}
