package io.reckoning.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration;
import org.axonframework.springboot.autoconfig.TransactionAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/**
 * The event store as every Axon-based service sees it; registered once per process, however many services
 * share it. Axon 4.13's own auto-configuration orders itself after Spring Boot 3's class names, which Boot 4
 * moved, so the data source, its connection provider and the Spring transaction manager are wired here
 * explicitly: without them Axon would silently append events outside the database transaction.
 */
@AutoConfiguration(
        after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class},
        before = {AxonAutoConfiguration.class, JdbcAutoConfiguration.class, TransactionAutoConfiguration.class,
                NoOpTransactionAutoConfiguration.class})
public class EventStoreAutoConfiguration {

    private static final String UNIQUE_VIOLATION = "23505";

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return new WireNameSerializer();
    }

    /** Picked up by Axon when it builds its general and message serializers (jackson3). */
    @Bean
    public AxonTypesOnly axonTypesOnly() {
        return new AxonTypesOnly();
    }

    @Bean
    public EventSchema eventSchema() {
        return EventStoreTables.eventSchema();
    }

    /**
     * PostgreSQL reports a unique violation by SQLState 23505 and error code 0, which Axon's default error-code
     * resolver misses; without this, a lost optimistic-locking race would look like a storage failure instead of
     * a {@code ConcurrencyException}.
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }

    /** Axon's JDBC engine as its auto-configuration would build it, plus the hash chain. */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver resolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Configuration configuration, ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager, EventSchema schema) {
        return new HashChainingEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(resolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(schema), connectionProvider);
    }

    @Bean
    public ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new SpringTransactionManager(transactions);
    }
}
