package io.novatune.infra;

import java.util.Map;

import org.slf4j.LoggerFactory;

/**
 * The embedded servers log a great deal at INFO (Kafka prints its whole configuration and every partition
 * change). Their loggers are set to WARN, so the logs of the code under test stay readable.
 */
final class QuietServerLogs {

    /** Logger name to level; also applied inside Spring Boot apps by {@link QuietServerLogsEnvironmentPostProcessor}. */
    static final Map<String, String> LEVELS = Map.ofEntries(
            Map.entry("kafka", "WARN"),
            Map.entry("state.change.logger", "WARN"),
            Map.entry("org.apache.kafka.controller", "WARN"),
            Map.entry("org.apache.kafka.raft", "WARN"),
            Map.entry("org.apache.kafka.metadata", "WARN"),
            Map.entry("org.apache.kafka.image", "WARN"),
            Map.entry("org.apache.kafka.queue", "WARN"),
            Map.entry("org.apache.kafka.snapshot", "WARN"),
            Map.entry("org.apache.kafka.storage", "WARN"),
            Map.entry("org.apache.kafka.server", "WARN"),
            Map.entry("org.apache.kafka.security", "WARN"),
            Map.entry("org.apache.kafka.coordinator", "WARN"),
            Map.entry("org.apache.kafka.common.utils.AppInfoParser", "WARN"),
            Map.entry("org.apache.kafka.common.metrics", "WARN"),
            Map.entry("org.apache.kafka.clients.admin.AdminClientConfig", "WARN"),
            Map.entry("org.apache.zookeeper", "WARN"),
            Map.entry("io.zonky.test.db.postgres", "WARN"),
            Map.entry("org.gaul", "WARN"),
            Map.entry("org.jclouds", "WARN"),
            Map.entry("jclouds", "WARN"),
            Map.entry("org.eclipse.jetty", "WARN"));

    private QuietServerLogs() {
    }

    /** Sets the levels when Logback is the SLF4J backend; any other backend is left to its own configuration. */
    static void apply() {
        try {
            LogbackLevels.apply(LEVELS);
        } catch (LinkageError logbackAbsent) {
            // Not Logback: nothing to do.
        }
    }

    /** Separate class, so a missing Logback fails here (caught) and not when {@link QuietServerLogs} loads. */
    private static final class LogbackLevels {
        static void apply(Map<String, String> levels) {
            if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
                levels.forEach((name, level) -> {
                    ch.qos.logback.classic.Logger logger = context.getLogger(name);
                    // An explicit setting made by the application wins.
                    if (logger.getLevel() == null) {
                        logger.setLevel(ch.qos.logback.classic.Level.toLevel(level));
                    }
                });
            }
        }
    }
}
