package io.reckoning.command.config;

import io.reckoning.command.notification.AttestationNotifier;
import io.reckoning.command.publishing.RunEventPublisher;
import io.reckoning.command.workflow.WorkflowCatalog;
import io.reckoning.eventstore.EventStoreTables;
import io.reckoning.support.config.ProcessorProperties;
import io.reckoning.support.db.SchemaMigration;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import javax.sql.DataSource;
import java.util.concurrent.Executors;

/** command-service's schema, event processors and command gateway. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({CommandProperties.class, ProcessorProperties.class})
public class CommandConfiguration {

    public static final String SCHEMA = "command";

    @Bean
    SchemaMigration commandSchema(DataSource dataSource) {
        return new SchemaMigration(dataSource, SCHEMA);
    }

    /**
     * The workflow catalog is written in the registering transaction; the publisher tracks the store with its
     * position in command-service's own token table. So does the attestation notifier, which starts at the head
     * of the store when it has no position yet (a new deployment does not notify every wait in history). Both
     * handle up to {@code reckoning.processors.batch-size} events per transaction.
     */
    @Bean
    ConfigurerModule commandProcessing(ConnectionProvider connections, SchemaMigration commandSchema,
                                       ProcessorProperties processors) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(WorkflowCatalog.GROUP)
                .registerTrackingEventProcessor(RunEventPublisher.GROUP, config -> config.eventStore(),
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(processors.batchSize()))
                .registerTokenStore(RunEventPublisher.GROUP, config -> tokenStore(connections, config))
                .registerTrackingEventProcessor(AttestationNotifier.GROUP, config -> config.eventStore(),
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(processors.batchSize())
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .registerTokenStore(AttestationNotifier.GROUP, config -> tokenStore(connections, config)));
    }

    private static TokenStore tokenStore(ConnectionProvider connections, org.axonframework.config.Configuration config) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .schema(EventStoreTables.tokenSchema(SCHEMA))
                .serializer(config.serializer())
                .build();
    }

    /**
     * Retries a command that lost an optimistic-locking race with another process (two replicas appending to the
     * same run); every other failure is an answer and goes straight back.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(Executors.newSingleThreadScheduledExecutor())
                        .retryInterval(50)
                        .maxRetryCount(5)
                        .nonTransientFailurePredicate(failure -> !(failure instanceof ConcurrencyException))
                        .build())
                .build();
    }
}
