package io.reckoning.query.replay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.reckoning.query.config.QueryMetrics;
import io.reckoning.query.readmodel.Projection;
import io.reckoning.support.web.ApiException;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Starts projection replays (at most one per processor in this instance) and reports every projection's progress,
 * for {@code /api/admin/projections} and the replay meters.
 */
@Component
public class ProjectionReplays {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final List<Projection> projections;
    private final ObjectProvider<Configuration> axon;
    private final ShadowTables shadow;
    private final JdbcTemplate jdbc;
    private final ReplayProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, ReplayJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, Thread> threads = new ConcurrentHashMap<>();
    private final Map<String, Rate> rates = new ConcurrentHashMap<>();
    private final Map<String, Counter> replayedEvents = new ConcurrentHashMap<>();
    private volatile ProjectionCatalog catalog;
    private volatile ProcessorTokens tokens;

    ProjectionReplays(List<Projection> projections, ObjectProvider<Configuration> axon, JdbcTemplate jdbc,
                      PlatformTransactionManager transactions, ReplayProperties properties, MeterRegistry meters) {
        this.projections = projections;
        this.axon = axon;
        this.jdbc = jdbc;
        this.shadow = new ShadowTables(jdbc, new TransactionTemplate(transactions));
        this.properties = properties;
        this.meters = meters;
        this.clock = Clock.systemUTC();
    }

    /** Every projection by processing group name, with its processor's state and position. */
    public List<ProjectionStatus> statuses() {
        long head = tokens().head();
        return catalog().groups().stream().map(group -> status(group, head)).toList();
    }

    /** One projection; 404 for a name that is no processing group of this service. */
    public ProjectionStatus status(String group) {
        requireKnown(group);
        return status(group, tokens().head());
    }

    /**
     * Starts rebuilding the processor that feeds {@code group} (with every read model on it) into shadow tables.
     * 404 for an unknown name, 409 while that processor is being replayed.
     */
    public synchronized ProjectionStatus replay(String group) {
        ProjectionCatalog.Processor processor = requireKnown(group);
        ReplayJob running = jobs.get(processor.name());
        if (running != null && running.active()) {
            throw new ApiException(409, "replay-running", "Projection " + group + " is being replayed already (with "
                    + String.join(", ", processor.groups()) + ", on processor " + processor.name() + ").");
        }
        tokens().delete(processor.replayName());
        shadow.create(processor.tables());
        ReplayJob job = new ReplayJob(processor, replayProcessor(processor), liveProcessor(processor.name()), shadow,
                tokens(), properties, clock.instant());
        jobs.put(processor.name(), job);
        rates.remove(processor.replayName());
        processor.groups().forEach(this::registerMeters);
        Thread thread = new Thread(job, "replay-" + processor.name());
        thread.setDaemon(true);
        threads.put(processor.name(), thread);
        ProjectionStatus accepted = status(group);
        thread.start();
        return accepted;
    }

    /** Samples every processor's position, for the rates. */
    @Scheduled(fixedRate = 2, timeUnit = TimeUnit.SECONDS)
    void sample() {
        Instant now = clock.instant();
        for (ProjectionCatalog.Processor processor : catalog().processors()) {
            sample(processor.name(), now);
            ReplayJob job = jobs.get(processor.name());
            if (job != null && job.active()) {
                sample(processor.replayName(), now);
            }
        }
    }

    /** A replay still running when the service stops is abandoned, its shadow dropped while the database is there. */
    @PreDestroy
    void stop() throws InterruptedException {
        threads.values().forEach(Thread::interrupt);
        for (Thread thread : threads.values()) {
            thread.join(STOP_TIMEOUT.toMillis());
        }
    }

    private void sample(String processorName, Instant now) {
        long position = tokens().position(processorName);
        rates.compute(processorName, (name, previous) -> previous == null ? Rate.first(now, position)
                : previous.next(now, position));
    }

    private ProjectionStatus status(String group, long head) {
        ProjectionCatalog.Processor processor = catalog().processorOf(group).orElseThrow();
        Instant now = clock.instant();
        long position = tokens().position(processor.name());
        long lag = Math.max(0, head - position);
        OptionalLong lagSeconds = lag == 0 ? OptionalLong.of(0) : tokens().ageOfNext(position, now);
        ReplayJob job = jobs.get(processor.name());
        ProjectionStatus.Replay replay = null;
        if (job != null) {
            long replayed = job.active() ? tokens().position(processor.replayName()) : head;
            replay = new ProjectionStatus.Replay(job.phase().name().toLowerCase(), job.active() ? replayed : null,
                    job.active() ? head : null, job.active() ? progress(replayed, head) : null,
                    job.active() ? rate(processor.replayName()) : null, job.startedAt(), job.endedAt(), job.error());
        }
        return new ProjectionStatus(group, processor.name(), processor.groups(), processor.tables(),
                job != null && job.active() ? "replaying" : "live", position, head, rate(processor.name()), lag,
                lagSeconds.isPresent() ? lagSeconds.getAsLong() : null, replay);
    }

    private double rate(String processorName) {
        Rate rate = rates.get(processorName);
        return rate == null ? 0 : rate.perSecond();
    }

    private static double progress(long position, long head) {
        return head == 0 ? 1 : Math.min(1, (double) position / head);
    }

    private TrackingEventProcessor replayProcessor(ProjectionCatalog.Processor processor) {
        Configuration configuration = axon.getObject();
        EventProcessingConfiguration processing = configuration.eventProcessingConfiguration();
        List<EventHandlerInvoker> invokers = new ArrayList<>();
        for (Projection projection : processor.projections()) {
            invokers.add(SimpleEventHandlerInvoker.builder()
                    .eventHandlers(projection.writingTo(ShadowTables.SCHEMA))
                    .parameterResolverFactory(configuration.parameterResolverFactory())
                    .handlerDefinition(configuration.handlerDefinition(projection.getClass()))
                    .build());
        }
        TrackingEventProcessor replay = TrackingEventProcessor.builder()
                .name(processor.replayName())
                .eventHandlerInvoker(new MultiEventHandlerInvoker(invokers))
                .messageSource(configuration.eventStore())
                .tokenStore(processing.tokenStore(processor.name()))
                .transactionManager(processing.transactionManager(processor.name()))
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                        .forParallelProcessing(properties.segments())
                        .andInitialSegmentsCount(properties.segments())
                        .andBatchSize(properties.batchSize())
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .build();
        List<Counter> counters = processor.groups().stream().map(this::replayedEvents).toList();
        replay.registerHandlerInterceptor((unitOfWork, chain) -> {
            counters.forEach(Counter::increment);
            return chain.proceed();
        });
        return replay;
    }

    private Optional<TrackingEventProcessor> liveProcessor(String name) {
        return axon.getObject().eventProcessingConfiguration().eventProcessor(name, TrackingEventProcessor.class);
    }

    private void registerMeters(String group) {
        replayedEvents(group);
        Gauge.builder(QueryMetrics.REPLAY_PROGRESS, () -> replayProgress(group))
                .description("Share of the event store the current or last replay of the projection has applied, 0 to 1")
                .tag("projection", group).register(meters);
        Gauge.builder(QueryMetrics.REPLAY_RATE, () -> replayRate(group))
                .description("Events per second the running replay of the projection applies; 0 when none runs")
                .tag("projection", group).baseUnit("events").register(meters);
    }

    private Counter replayedEvents(String group) {
        return replayedEvents.computeIfAbsent(group, name -> Counter.builder(QueryMetrics.REPLAY_EVENTS)
                .description("Events applied by replays of the projection")
                .tag("projection", name).baseUnit("events").register(meters));
    }

    private double replayProgress(String group) {
        ProjectionCatalog.Processor processor = catalog().processorOf(group).orElseThrow();
        ReplayJob job = jobs.get(processor.name());
        if (job == null) {
            return 0;
        }
        if (!job.active()) {
            return job.phase() == ReplayJob.Phase.SUCCEEDED ? 1 : 0;
        }
        return progress(tokens().position(processor.replayName()), tokens().head());
    }

    private double replayRate(String group) {
        ProjectionCatalog.Processor processor = catalog().processorOf(group).orElseThrow();
        ReplayJob job = jobs.get(processor.name());
        return job != null && job.active() ? rate(processor.replayName()) : 0;
    }

    private ProjectionCatalog.Processor requireKnown(String group) {
        return catalog().processorOf(group).orElseThrow(() -> new ApiException(404, "projection-not-found",
                "There is no projection " + group + "; the projections are " + String.join(", ", catalog().groups()) + "."));
    }

    /** Built on first use: the processors exist only once Axon's configuration has started. */
    private ProjectionCatalog catalog() {
        if (catalog == null) {
            catalog = new ProjectionCatalog(projections, axon.getObject().eventProcessingConfiguration());
        }
        return catalog;
    }

    private ProcessorTokens tokens() {
        if (tokens == null) {
            tokens = new ProcessorTokens(jdbc, axon.getObject().serializer());
        }
        return tokens;
    }

    /** Events per second between the last two samples of a position. */
    private record Rate(Instant at, long position, double perSecond) {

        static Rate first(Instant at, long position) {
            return new Rate(at, position, 0);
        }

        Rate next(Instant now, long current) {
            double seconds = (now.toEpochMilli() - at.toEpochMilli()) / 1000.0;
            return new Rate(now, current, seconds <= 0 ? perSecond : Math.max(0, current - position) / seconds);
        }
    }
}
