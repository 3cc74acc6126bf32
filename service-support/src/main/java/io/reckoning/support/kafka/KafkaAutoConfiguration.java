package io.reckoning.support.kafka;

import io.reckoning.messages.StepTask;
import io.reckoning.messages.Topics;
import io.reckoning.workflow.StepTypes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.reckoning.support.health.KafkaBrokerHealth;
import io.reckoning.support.metrics.SupportMetrics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.ArrayList;
import java.util.List;

/**
 * What every Kafka-using service shares: the contract's topics and one error policy. A message that fails
 * for a passing reason (database or broker down) is retried for as long as it takes, because dropping it would
 * lose a result; a {@link PoisonMessage} goes to the dead-letter topic at once.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaTemplate.class)
public class KafkaAutoConfiguration {

    static final int PARTITIONS = 4;

    @Bean
    public KafkaAdmin.NewTopics reckoningTopics() {
        List<NewTopic> topics = new ArrayList<>();
        topics.add(TopicBuilder.name(Topics.RUN_EVENTS).partitions(PARTITIONS).build());
        topics.add(TopicBuilder.name(Topics.STEP_RESULTS).partitions(PARTITIONS).build());
        topics.add(TopicBuilder.name(Topics.DEAD_LETTER).partitions(1).build());
        StepTypes.DISPATCHED.forEach(type -> topics.add(TopicBuilder.name(StepTask.topicFor(type)).partitions(PARTITIONS).build()));
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /** The Kafka part of readiness ({@code management.endpoint.health.group.readiness}). */
    @Bean("kafka")
    public KafkaBrokerHealth kafkaBrokerHealth(KafkaAdmin admin) {
        return new KafkaBrokerHealth(admin);
    }

    @Bean
    public DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> template, MeterRegistry meters) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.DEAD_LETTER, -1));
        // The topics the engine consumes start at zero, so the dead-letter series exist before the first one.
        consumedTopics().forEach(topic -> deadLetters(meters, topic));
        ConsumerRecordRecoverer recoverer = (record, exception) -> {
            deadLetters.accept(record, exception);
            deadLetters(meters, record.topic()).increment();
        };
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(PoisonMessage.class);
        return handler;
    }

    private static List<String> consumedTopics() {
        List<String> topics = new ArrayList<>();
        topics.add(Topics.STEP_RESULTS);
        StepTypes.DISPATCHED.forEach(type -> topics.add(StepTask.topicFor(type)));
        return topics;
    }

    private static Counter deadLetters(MeterRegistry meters, String topic) {
        return Counter.builder(SupportMetrics.DEAD_LETTERS).tag("topic", topic)
                .description("Kafka messages sent to the dead-letter topic").register(meters);
    }
}
