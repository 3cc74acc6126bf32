package io.reckoning.query.replay;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One replay of one tracking processor, on a thread of its own: fills the shadow tables with a replay processor
 * from position zero; once that is close to the head, makes them logged, pauses the live processor, lets the replay
 * drain to the live position and swaps the tables in one transaction; then resumes the live processor. Whatever
 * happens, the live tables are either untouched or replaced whole.
 */
final class ReplayJob implements Runnable {

    /** Where a replay is. */
    enum Phase { REPLAYING, SWAPPING, SUCCEEDED, FAILED }

    private static final Logger log = LoggerFactory.getLogger(ReplayJob.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration SWAP_PATIENCE = Duration.ofMinutes(5);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private final ProjectionCatalog.Processor processor;
    private final TrackingEventProcessor replay;
    private final Optional<TrackingEventProcessor> live;
    private final ShadowTables shadow;
    private final ProcessorTokens tokens;
    private final ReplayProperties properties;
    private final Instant startedAt;
    private volatile Phase phase = Phase.REPLAYING;
    private volatile Instant endedAt;
    private volatile String error;

    ReplayJob(ProjectionCatalog.Processor processor, TrackingEventProcessor replay,
              Optional<TrackingEventProcessor> live, ShadowTables shadow, ProcessorTokens tokens,
              ReplayProperties properties, Instant startedAt) {
        this.processor = processor;
        this.replay = replay;
        this.live = live;
        this.shadow = shadow;
        this.tokens = tokens;
        this.properties = properties;
        this.startedAt = startedAt;
    }

    @Override
    public void run() {
        try {
            replay.start();
            awaitNearHead();
            shadow.seal(processor.tables());
            phase = Phase.SWAPPING;
            swapWhenCaughtUp();
            endedAt = Instant.now();
            phase = Phase.SUCCEEDED;
            log.info("Replayed {} ({}) from position zero and swapped its tables in.", processor.name(),
                    processor.groups());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon("Interrupted (the service is stopping); the live tables are unchanged.");
        } catch (RuntimeException e) {
            log.error("The replay of {} failed; the live tables are unchanged.", processor.name(), e);
            abandon(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    Phase phase() {
        return phase;
    }

    boolean active() {
        return phase == Phase.REPLAYING || phase == Phase.SWAPPING;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant endedAt() {
        return endedAt;
    }

    String error() {
        return error;
    }

    /** Until the replay is within one batch of the head of the event store. */
    private void awaitNearHead() throws InterruptedException {
        while (true) {
            failOnError();
            long position = replayPosition();
            if (position >= tokens.head() - properties.batchSize()) {
                return;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * Pauses the live processor of this instance (releasing its claim), lets the replay drain to the live position,
     * swaps, and resumes the live processor. Tables busy beyond the lock timeout (a long query, another instance's
     * processor) roll the swap back; the live processor then resumes and the replay keeps up until the next try.
     */
    private void swapWhenCaughtUp() throws InterruptedException {
        Instant giveUp = Instant.now().plus(SWAP_PATIENCE);
        while (true) {
            boolean swapped;
            live.ifPresent(TrackingEventProcessor::shutDown);
            try {
                awaitCovering();
                replay.shutDown();
                swapped = trySwap();
            } finally {
                if (!Thread.currentThread().isInterrupted()) {
                    live.ifPresent(TrackingEventProcessor::start);
                }
            }
            if (swapped) {
                return;
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("Could not swap the tables of " + processor.name() + " within "
                        + SWAP_PATIENCE + ": they stayed locked by queries or another processor.");
            }
            replay.start();
            Thread.sleep(RETRY_PAUSE.toMillis());
            awaitNearHead();
        }
    }

    private boolean trySwap() {
        try {
            return shadow.swap(processor.tables(), properties.lockTimeout(),
                    () -> tokens.covers(processor.replayName(), processor.name()),
                    () -> tokens.move(processor.replayName(), processor.name()));
        } catch (PessimisticLockingFailureException e) {
            log.info("The tables of {} are busy; the swap rolled back and will be tried again.", processor.name());
            return false;
        }
    }

    /** Until the replay has applied every event the live processor has (which no longer moves, paused). */
    private void awaitCovering() throws InterruptedException {
        Instant deadline = Instant.now().plus(DRAIN_TIMEOUT);
        while (!tokens.covers(processor.replayName(), processor.name())) {
            failOnError();
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The replay of " + processor.name()
                        + " did not reach the live position within " + DRAIN_TIMEOUT + ".");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private long replayPosition() {
        return replay.processingStatus().values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(0))
                .min().orElse(0);
    }

    private void failOnError() {
        for (EventTrackerStatus status : replay.processingStatus().values()) {
            if (status.isErrorState()) {
                throw new IllegalStateException("The replay processor failed: " + status.getError().getMessage(),
                        status.getError());
            }
        }
    }

    private void abandon(String reason) {
        error = reason;
        endedAt = Instant.now();
        phase = Phase.FAILED;
        try {
            replay.shutDown();
            shadow.drop(processor.tables());
            tokens.delete(processor.replayName());
        } catch (RuntimeException e) {
            log.warn("Could not clear the shadow of {}; the next replay of it will.", processor.name(), e);
        }
    }
}
