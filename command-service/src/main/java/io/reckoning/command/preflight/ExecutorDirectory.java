package io.reckoning.command.preflight;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Which task topics some executor is consuming right now, as the broker sees it: a topic counts when a member
 * of any consumer group holds one of its partitions. Any Kafka client can be an executor, so the broker, not a
 * registry of ours, is the truth. Answers are cached briefly ({@link ConsumedTopics}).
 */
@Component
class ExecutorDirectory implements DisposableBean {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);
    private static final long TIMEOUT_SECONDS = 5;

    private final Admin admin;
    private final ConsumedTopics consumed = new ConsumedTopics(this::lookUp, FRESH_FOR, System::nanoTime);

    ExecutorDirectory(KafkaAdmin kafkaAdmin) {
        this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    /** True when some consumer currently holds a partition of {@code topic}. */
    boolean isConsumed(String topic) {
        return consumed.contains(topic);
    }

    private Set<String> lookUp() {
        try {
            List<String> groups = admin.listConsumerGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId).toList();
            Set<String> topics = new HashSet<>();
            for (ConsumerGroupDescription group : admin.describeConsumerGroups(groups).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values()) {
                group.members().forEach(member -> member.assignment().topicPartitions().stream()
                        .map(TopicPartition::topic).forEach(topics::add));
            }
            return topics;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking Kafka for its consumers", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not say which executors are consuming", e);
        }
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}
