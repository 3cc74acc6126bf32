package io.reckoning.embeddedkafka;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Runs in a child JVM for {@link EmbeddedKafkaBrokerIT}: starts a broker on the given directory,
 * sends one message, says {@value #SENT} and waits to be killed.
 */
public final class KilledBrokerProcess {

    static final String SENT = "KILLED-BROKER-PROCESS-SENT";

    private KilledBrokerProcess() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(Path.of(args[0]), 0);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(args[1], args[2], args[3])).get();
        }
        System.out.println(SENT);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
