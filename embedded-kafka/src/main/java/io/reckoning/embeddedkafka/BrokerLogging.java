package io.reckoning.embeddedkafka;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Turns the broker's own loggers down to WARN when the application logs through Logback, as a
 * broker at INFO drowns the application's log. Loggers the application configured are left alone.
 */
final class BrokerLogging {

    // Packages only the broker logs from, plus the config dumps every Kafka component prints at start;
    // kafka-clients' other packages stay the application's to tune.
    private static final List<String> BROKER_LOGGERS = List.of(
            "kafka",
            "state.change.logger",
            "org.apache.kafka.common.config",
            "org.apache.kafka.controller",
            "org.apache.kafka.coordinator",
            "org.apache.kafka.deferred",
            "org.apache.kafka.image",
            "org.apache.kafka.metadata",
            "org.apache.kafka.network",
            "org.apache.kafka.queue",
            "org.apache.kafka.raft",
            "org.apache.kafka.security",
            "org.apache.kafka.server",
            "org.apache.kafka.snapshot",
            "org.apache.kafka.storage",
            "org.apache.kafka.timeline");

    private static final String LOGBACK_CONTEXT = "ch.qos.logback.classic.LoggerContext";

    private BrokerLogging() {
    }

    static void quieten() {
        // Compare by name so that this class never loads Logback where it is absent.
        if (LoggerFactory.getILoggerFactory().getClass().getName().equals(LOGBACK_CONTEXT)) {
            Logback.quieten();
        }
    }

    /** Loaded only when Logback is present. */
    private static final class Logback {

        static void quieten() {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            for (String name : BROKER_LOGGERS) {
                ch.qos.logback.classic.Logger logger = context.getLogger(name);
                if (logger.getLevel() == null) {
                    logger.setLevel(Level.WARN);
                }
            }
        }
    }
}
