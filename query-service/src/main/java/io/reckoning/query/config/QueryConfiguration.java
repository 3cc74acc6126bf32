package io.reckoning.query.config;

import io.reckoning.eventstore.EventStoreTables;
import io.reckoning.query.runsummary.RunSummaryProjection;
import io.reckoning.query.steprun.StepRunProjection;
import io.reckoning.support.db.SchemaMigration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.util.List;

/**
 * query-service's schema and its tracking processors: one per read model, each with its position in
 * query-service's own token table, reading the event store that command-service writes.
 */
@Configuration(proxyBeanMethods = false)
public class QueryConfiguration {

    public static final String SCHEMA = "query";
    static final List<String> READ_MODELS = List.of(RunSummaryProjection.GROUP, StepRunProjection.GROUP);

    @Bean
    SchemaMigration querySchema(DataSource dataSource) {
        return new SchemaMigration(dataSource, SCHEMA);
    }

    @Bean
    ConfigurerModule queryProcessing(ConnectionProvider connections, SchemaMigration querySchema) {
        return configurer -> configurer.eventProcessing(processing -> READ_MODELS.forEach(group -> processing
                .registerTrackingEventProcessor(group)
                .registerTokenStore(group, config -> JdbcTokenStore.builder()
                        .connectionProvider(connections)
                        .schema(EventStoreTables.tokenSchema(SCHEMA))
                        .serializer(config.serializer())
                        .build())));
    }
}
