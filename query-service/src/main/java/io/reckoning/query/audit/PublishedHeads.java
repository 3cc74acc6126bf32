package io.reckoning.query.audit;

import io.reckoning.audit.chain.ChainHead;
import io.reckoning.audit.chain.HashChain;
import io.reckoning.messages.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The chain heads of one run as {@code reckoning.run-events} witnessed them: every CloudEvent keyed by the run carries
 * its event's sequence and hash. Reads the run's partition from the earliest retained offset to the current end
 * (without a consumer group, committing nothing), so the cost grows with the partition, and heads older than the
 * topic's retention are gone: keep audit bundles, or a compacted copy, for those.
 */
@Component
class PublishedHeads {

    /** The heads found, or why none could be read. */
    record Witness(boolean available, List<ChainHead> heads, String problem) {
    }

    private static final Duration READ_LIMIT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(200);

    private final ConsumerFactory<String, String> consumers;

    PublishedHeads(ConsumerFactory<String, String> consumers) {
        this.consumers = consumers;
    }

    Witness of(String runId) {
        Properties readOnly = new Properties();
        readOnly.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (Consumer<String, String> consumer = consumers.createConsumer(null, "reckoning-audit", null, readOnly)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(Topics.RUN_EVENTS, READ_LIMIT);
            if (partitions == null || partitions.isEmpty()) {
                return new Witness(false, List.of(), "Topic " + Topics.RUN_EVENTS + " does not exist.");
            }
            // The partition the producer's default partitioner chose for this key.
            TopicPartition partition = new TopicPartition(Topics.RUN_EVENTS,
                    Utils.toPositive(Utils.murmur2(runId.getBytes(StandardCharsets.UTF_8))) % partitions.size());
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), READ_LIMIT).get(partition);
            List<ChainHead> heads = new ArrayList<>();
            Instant deadline = Instant.now().plus(READ_LIMIT);
            while (consumer.position(partition, READ_LIMIT) < end) {
                if (Instant.now().isAfter(deadline)) {
                    return new Witness(false, heads, "Reading " + partition + " took longer than " + READ_LIMIT + ".");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    ChainHead head = runId.equals(record.key()) ? head(record.value()) : null;
                    if (head != null && runId.equals(head.runId())) {
                        heads.add(head);
                    }
                }
            }
            return new Witness(true, heads, null);
        } catch (RuntimeException e) {
            return new Witness(false, List.of(), "Could not read " + Topics.RUN_EVENTS + ": " + e.getMessage());
        }
    }

    /** The head a message carries; null for one that is not a CloudEvent with a hash (the topic is not ours alone). */
    private static ChainHead head(String value) {
        try {
            return value == null ? null : ChainHead.from(HashChain.json().readTree(value));
        } catch (JacksonException e) {
            return null;
        }
    }
}
