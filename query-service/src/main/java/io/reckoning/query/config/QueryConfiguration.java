package io.reckoning.query.config;

import io.reckoning.eventstore.EventStoreTables;
import io.reckoning.query.activity.ActivityProjection;
import io.reckoning.query.artifact.ArtifactProjection;
import io.reckoning.query.runsummary.RunSummaryProjection;
import io.reckoning.query.steprun.StepRunProjection;
import io.reckoning.query.workflowversion.WorkflowVersionProjection;
import io.reckoning.support.config.ProcessorProperties;
import io.reckoning.support.db.SchemaMigration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import javax.sql.DataSource;
import java.util.List;

/**
 * query-service's schema and its tracking processor. The read models that make up the run view (run-summary and
 * step-run) keep their own processing groups but share one processor, {@value #RUN_VIEW}, so they move in the
 * same transaction: a run never shows WAITING while its step still shows SCHEDULED. Its position lives in
 * query-service's own token table; it reads the event store that command-service writes. The workflow-version read
 * model has a tracking processor of its own, {@value WorkflowVersionProjection#GROUP}, with its position in the same
 * table: it shares nothing with the run view. So have the artifact read model, {@value ArtifactProjection#GROUP}, and the activity feed,
 * {@value ActivityProjection#GROUP}. Each handles up to {@code reckoning.processors.batch-size} events per transaction.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({QueryProperties.class, ProcessorProperties.class})
public class QueryConfiguration {

    public static final String SCHEMA = "query";
    public static final String RUN_VIEW = "run-view";
    static final List<String> RUN_VIEW_READ_MODELS = List.of(RunSummaryProjection.GROUP, StepRunProjection.GROUP);

    @Bean
    SchemaMigration querySchema(DataSource dataSource) {
        return new SchemaMigration(dataSource, SCHEMA);
    }

    @Bean
    ConfigurerModule queryProcessing(ConnectionProvider connections, SchemaMigration querySchema,
                                     ProcessorProperties processors, QueryProperties properties) {
        return configurer -> configurer.eventProcessing(processing -> {
            RUN_VIEW_READ_MODELS.forEach(group -> processing.assignProcessingGroup(group, RUN_VIEW));
            for (String processor : List.of(RUN_VIEW, WorkflowVersionProjection.GROUP, ArtifactProjection.GROUP,
                    ActivityProjection.GROUP)) {
                // run-view does a few statements per event, one round trip each; on one thread it fell seconds behind
                // at full load, so it runs on several (by run, so a run's events keep their order)
                int segments = processor.equals(RUN_VIEW) ? properties.runViewSegments() : 1;
                processing.registerTrackingEventProcessor(processor, config -> config.eventStore(),
                                config -> TrackingEventProcessorConfiguration.forParallelProcessing(segments)
                                        .andInitialSegmentsCount(segments)
                                        .andBatchSize(processors.batchSize()))
                        .registerTokenStore(processor, config -> JdbcTokenStore.builder()
                                .connectionProvider(connections)
                                .schema(EventStoreTables.tokenSchema(SCHEMA))
                                .serializer(config.serializer())
                                .build());
            }
        });
    }
}
