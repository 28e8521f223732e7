package io.novatune.infra;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The configuration of a single-node KRaft cluster: one process is broker and controller. */
record KafkaNodeConfig(int nodeId, Path logDirectory, int clientPort, int controllerPort) {

    static final String HOST = "127.0.0.1";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    String bootstrapServers() {
        return HOST + ":" + clientPort;
    }

    Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", Integer.toString(nodeId));
        properties.put("controller.quorum.voters", nodeId + "@" + HOST + ":" + controllerPort);
        properties.put("listeners", "PLAINTEXT://" + HOST + ":" + clientPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        properties.put("controller.listener.names", CONTROLLER_LISTENER);
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("log.dirs", logDirectory.toString());

        // Topics are created on purpose (with their DLTs), never by a typo in a consumer.
        properties.put("auto.create.topics.enable", "false");
        // One node: every internal topic has a single replica.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("default.replication.factor", "1");
        properties.put("min.insync.replicas", "1");
        // Consumers in tests and in the local stack get their partitions at once.
        properties.put("group.initial.rebalance.delay.ms", "0");

        // Lean on 2 cores: few threads and small internal topics (defaults are sized for production brokers).
        properties.put("offsets.topic.num.partitions", "5");
        properties.put("transaction.state.log.num.partitions", "5");
        properties.put("num.network.threads", "2");
        properties.put("num.io.threads", "2");
        properties.put("background.threads", "2");
        properties.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        // The broker is unfenced after a heartbeat; a short interval makes startup quicker.
        properties.put("broker.heartbeat.interval.ms", "500");
        return properties;
    }
}
