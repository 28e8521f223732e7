package io.novatune.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * A real Apache Kafka node in KRaft combined mode (broker and controller in this JVM), started from the
 * {@code org.apache.kafka} jars. The same code path serves temporary (tests) and persistent (local stack) storage.
 */
public final class KafkaServer implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaRaftServer server;
    private final KafkaNodeConfig node;
    private final boolean temporary;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KafkaServer(KafkaRaftServer server, KafkaNodeConfig node, boolean temporary) {
        this.server = server;
        this.node = node;
        this.temporary = temporary;
    }

    public static KafkaServer start(KafkaOptions options) {
        QuietServerLogs.apply();
        if (options.port() != 0) {
            FreePort.requireFree(options.port(), "Kafka");
        }
        boolean temporary = options.logDirectory() == null;
        Path logDirectory = temporary ? Directories.temporary("novatune-kafka") : Directories.existing(options.logDirectory());
        int clientPort = options.port() == 0 ? FreePort.pick() : options.port();
        // The controller port is internal: a new one on each start is fine with a static voter set.
        KafkaNodeConfig node = new KafkaNodeConfig(NODE_ID, logDirectory, clientPort, FreePort.pick());
        KafkaRaftServer server = null;
        try {
            KafkaStorage.formatIfNeeded(node);
            server = new KafkaRaftServer(new KafkaConfig(node.properties(), false), Time.SYSTEM);
            server.startup();
            KafkaServer started = new KafkaServer(server, node, temporary);
            started.awaitBrokerServing();
            return started;
        } catch (RuntimeException e) {
            if (server != null) {
                server.shutdown();
                server.awaitShutdown();
            }
            if (temporary) {
                Directories.deleteQuietly(logDirectory);
            }
            throw new IllegalStateException("Kafka did not start on port " + clientPort + " with log directory " + logDirectory, e);
        }
    }

    public String bootstrapServers() {
        return node.bootstrapServers();
    }

    /**
     * Creates the topics that do not exist yet (replication factor 1) and waits until every partition of every
     * named topic has a leader, so producers can write at once. Existing topics are left as they are.
     */
    public void createTopics(Collection<String> topics, int partitions) {
        Set<String> names = Set.copyOf(topics);
        if (names.isEmpty()) {
            return;
        }
        try (Admin admin = admin()) {
            List<NewTopic> newTopics = names.stream().map(name -> new NewTopic(name, partitions, (short) 1)).toList();
            for (Map.Entry<String, KafkaFuture<Void>> creation : admin.createTopics(newTopics).values().entrySet()) {
                try {
                    creation.getValue().get(TOPIC_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + creation.getKey(), e.getCause());
                    }
                }
            }
            awaitLeaders(admin, names);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics " + names, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out creating topics " + names, e);
        }
    }

    private void awaitLeaders(Admin admin, Set<String> names) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TOPIC_TIMEOUT.toNanos();
        while (!allPartitionsLed(admin, names)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("partitions of " + names + " have no leader after " + TOPIC_TIMEOUT);
            }
            Thread.sleep(100);
        }
    }

    private static boolean allPartitionsLed(Admin admin, Set<String> names) throws InterruptedException {
        try {
            Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get();
            return descriptions.values().stream()
                    .flatMap(description -> description.partitions().stream())
                    .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
        } catch (ExecutionException notYetKnown) {
            return false;
        }
    }

    private void awaitBrokerServing() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the broker does not answer after " + READY_TIMEOUT, notYet);
                    }
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "novatune-embedded-kafka-admin"));
    }

    /** Shuts the node down cleanly (its logs are flushed); a temporary log directory is deleted, a persistent one kept. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        if (temporary) {
            Directories.deleteQuietly(node.logDirectory());
        }
    }

    @Override
    public String toString() {
        return "Kafka on " + bootstrapServers();
    }
}
