package io.novatune.deploy.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How an operator tool's Kafka clients reach the cluster: the bootstrap servers, and the client properties of
 * {@code --command-config <file>} (security.protocol, ssl.*, sasl.*, ...), with the meaning Kafka's own CLI tools
 * give that flag. Every client a tool creates is configured through {@link #clientConfig}.
 *
 * @param commandConfig the file's properties as written; empty without {@code --command-config}
 */
public record KafkaClientSettings(String bootstrapServers, Map<String, String> commandConfig) {

    // The local stack's Kafka listens on 127.0.0.1 only; "localhost" may resolve to ::1 first.
    static final String DEFAULT_BOOTSTRAP = "127.0.0.1:19092";

    /** As the value of a guarantee: a setting the tool keeps unset, whatever the file says (tail-topic joins no group). */
    public static final Object UNSET = new Object();

    public KafkaClientSettings {
        commandConfig = Map.copyOf(commandConfig);
    }

    /** The brokers alone, no file: the local stack, a test broker. */
    public static KafkaClientSettings bootstrapOnly(String bootstrapServers) {
        return new KafkaClientSettings(bootstrapServers, Map.of());
    }

    /**
     * The settings of a command line: {@code --bootstrap} when given, else the file's {@code bootstrap.servers},
     * else the local stack. A file that cannot be read is bad input (an {@link IllegalArgumentException}).
     */
    public static KafkaClientSettings of(Optional<String> bootstrapFlag, Optional<Path> commandConfigFile) {
        Map<String, String> commandConfig = commandConfigFile.map(KafkaClientSettings::load).orElse(Map.of());
        String bootstrapServers = bootstrapFlag
                .or(() -> Optional.ofNullable(commandConfig.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)))
                .orElse(DEFAULT_BOOTSTRAP);
        return new KafkaClientSettings(bootstrapServers, commandConfig);
    }

    /**
     * One client's configuration: the tool's {@code defaults}, then the file over them (e.g. a longer timeout for
     * a distant cluster), then the tool's {@code guarantees} over both (a guarantee of {@link #UNSET} removes the
     * setting), and the bootstrap servers. The guarantees the file tried to change are named in one line on
     * {@code warnings}.
     *
     * @param client who is configured, for the warning, e.g. {@code "dlt-redrive's producer"}
     */
    public Map<String, Object> clientConfig(String client, Map<String, ?> defaults, Map<String, ?> guarantees, PrintStream warnings) {
        Map<String, Object> config = new TreeMap<>(defaults);
        config.putAll(commandConfig);
        Set<String> ignored = new TreeSet<>();
        guarantees.forEach((key, value) -> {
            if (commandConfig.containsKey(key) && !same(value, commandConfig.get(key))) {
                ignored.add(key);
            }
            if (value == UNSET) {
                config.remove(key);
            } else {
                config.put(key, value);
            }
        });
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        if (!ignored.isEmpty()) {
            warnings.println("warning: " + client + " ignores " + String.join(", ", ignored)
                    + " from --command-config: its guarantees rest on its own values");
        }
        return config;
    }

    /**
     * The usage lines of {@code --bootstrap} and {@code --command-config}, the same for every Kafka tool but for
     * the settings each of its clients takes only from the tool (the keys of its guarantees), e.g. "producer".
     */
    public static String usage(Map<String, ? extends Map<String, ?>> guaranteesByClient) {
        StringBuilder ignored = new StringBuilder();
        new TreeMap<>(guaranteesByClient).forEach((client, guarantees) -> ignored.append("\n    %s: %s".formatted(
                client, String.join(", ", new TreeSet<>(guarantees.keySet())))));
        return """
                  --bootstrap host:port     default: the file's bootstrap.servers, else %s (the local stack)
                  --command-config <file>   a Kafka client properties file (security.protocol, ssl.*, sasl.mechanism,
                                            sasl.jaas.config, ...) for every client the tool creates, as in Kafka's own
                                            kafka-consumer-groups.sh. Keep passwords in that file, not on the command
                                            line, where any user can read them in the process list.
                Settings ignored from that file, with a warning, because the tool's guarantees rest on them:%s
                """.formatted(DEFAULT_BOOTSTRAP, ignored.isEmpty() ? " none" : ignored);
    }

    /** The file's keys without their values: options end up in logs and test reports, passwords must not. */
    @Override
    public String toString() {
        return "KafkaClientSettings[bootstrapServers=" + bootstrapServers
                + ", commandConfig keys=" + new TreeSet<>(commandConfig.keySet()) + "]";
    }

    // A file that repeats the tool's own value (acks=all) changes nothing and is not warned about.
    private static boolean same(Object toolValue, String fileValue) {
        String tool = toolValue instanceof Class<?> type ? type.getName() : String.valueOf(toolValue);
        return toolValue != UNSET && tool.equalsIgnoreCase(fileValue.trim());
    }

    private static Map<String, String> load(Path file) {
        Properties properties = new Properties();
        // An InputStream, as Kafka's own tools read the file (ISO 8859-1, non-Latin characters as unicode escapes).
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--command-config: no such file " + file);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("--command-config: cannot read " + file + ": permission denied");
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("--command-config: cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> settings = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> settings.put(key, properties.getProperty(key)));
        return settings;
    }
}
