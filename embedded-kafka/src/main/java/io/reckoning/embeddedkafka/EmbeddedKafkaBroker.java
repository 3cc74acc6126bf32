package io.reckoning.embeddedkafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A single-node Kafka broker (KRaft, combined broker and controller) running in this JVM.
 * <p>
 * The log directory holds everything, cluster id included, so starting again on the same
 * directory brings back all topics and messages, also after the process was killed.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts a broker on {@code logDirectory} (formatted on first use) listening on {@code port},
     * or on a free port when {@code port} is 0, and returns once it accepts clients.
     */
    public static EmbeddedKafkaBroker start(Path logDirectory, int port) {
        BrokerLogging.quieten();
        int brokerPort = port == 0 ? freePort() : port;
        String bootstrapServers = HOST + ":" + brokerPort;
        Path directory = logDirectory.toAbsolutePath();
        KafkaConfig config = new KafkaConfig(settings(directory, brokerPort, freePort()), false);
        formatIfNew(directory);

        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
            awaitClients(bootstrapServers);
        } catch (RuntimeException e) {
            shutdown(server);
            throw new IllegalStateException("Embedded Kafka broker on " + bootstrapServers
                    + " with log directory " + directory + " failed to start: " + e.getMessage(), e);
        }
        return new EmbeddedKafkaBroker(server, bootstrapServers);
    }

    /** The address clients connect to, {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Shuts the broker down in an orderly way and waits until it has stopped. */
    @Override
    public void close() {
        shutdown(server);
    }

    private static void shutdown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Map<String, String> settings(Path directory, int brokerPort, int controllerPort) {
        // Strings throughout: Kafka parses them by each setting's type (an Integer for a short fails).
        Map<String, String> settings = new HashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", String.valueOf(NODE_ID));
        // Static voters (kraft.version 0) are read from config on every start, so the controller
        // port may change between starts of the same directory.
        settings.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        settings.put("controller.listener.names", CONTROLLER_LISTENER);
        settings.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort
                + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("log.dirs", directory.toString());

        // One node: every internal topic gets one replica and few partitions, for a quick start.
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "4");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("transaction.state.log.num.partitions", "4");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("share.coordinator.state.topic.num.partitions", "4");
        settings.put("default.replication.factor", "1");
        settings.put("min.insync.replicas", "1");
        settings.put("num.partitions", "4");
        settings.put("auto.create.topics.enable", "true");
        settings.put("group.initial.rebalance.delay.ms", "0");
        // After a kill -9 the restarted broker cannot register until the controller lets its
        // previous session expire (default 9 s); heartbeats never leave this JVM, so 3 s is ample.
        settings.put("broker.heartbeat.interval.ms", "500");
        settings.put("broker.session.timeout.ms", "3000");
        return settings;
    }

    private static void formatIfNew(Path directory) {
        if (Files.exists(directory.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
            return;
        }
        try {
            Files.createDirectories(directory);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .addDirectory(directory.toString())
                    .setMetadataLogDirectory(directory.toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka log directory " + directory, e);
        }
    }

    private static void awaitClients(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis()))) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for it to accept clients", e);
        } catch (Exception e) {
            throw new IllegalStateException("it did not accept clients within " + READY_TIMEOUT.toSeconds() + " s", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + HOST, e);
        }
    }
}
