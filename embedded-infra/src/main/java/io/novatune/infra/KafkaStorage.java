package io.novatune.infra;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A KRaft node refuses to start on an unformatted log directory. Formatting (what {@code kafka-storage.sh format}
 * does) writes {@code meta.properties} and the bootstrap metadata; it happens once, so a persistent directory keeps
 * its cluster id and its data across restarts.
 */
final class KafkaStorage {

    private KafkaStorage() {
    }

    static void formatIfNeeded(KafkaNodeConfig node) {
        Path directory = node.logDirectory();
        if (Files.exists(directory.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(node.nodeId())
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(KafkaNodeConfig.CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(directory.toString())
                    .addDirectory(directory.toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka log directory " + directory, e);
        }
    }
}
