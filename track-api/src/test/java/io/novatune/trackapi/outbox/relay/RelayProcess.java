package io.novatune.trackapi.outbox.relay;

import io.novatune.infra.ChildJvm;
import io.novatune.infra.ChildOutput;
import io.novatune.infra.PostgresServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link StandaloneRelay} child process, and the roles it reported; its output goes to the test's output. */
final class RelayProcess implements AutoCloseable {

    private static final String ROLE = "relay-role=";

    private final List<String> roles = new CopyOnWriteArrayList<>();
    private final ChildJvm process;

    private RelayProcess(String instance, PostgresServer postgres, int port, String database, String bootstrapServers,
                         String slot, long lockKey, String offsetTopic) {
        process = ChildJvm.runMain(StandaloneRelay.class, List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                List.of(instance, postgres.host(), Integer.toString(port), database, postgres.username(),
                        postgres.password(), bootstrapServers, slot, Long.toString(lockKey), offsetTopic),
                ChildOutput.lines(line -> {
                    System.out.println("[relay " + instance + "] " + line);
                    if (line.startsWith(ROLE)) {
                        roles.add(line.substring(ROLE.length()));
                    }
                }));
    }

    static RelayProcess start(String instance, PostgresServer postgres, String database, String bootstrapServers,
                              String slot, long lockKey, String offsetTopic) {
        return new RelayProcess(instance, postgres, postgres.port(), database, bootstrapServers, slot, lockKey, offsetTopic);
    }

    /** Reaching PostgreSQL on another port than its own: through a proxy. */
    static RelayProcess startThrough(int port, String instance, PostgresServer postgres, String database,
                                     String bootstrapServers, String slot, long lockKey, String offsetTopic) {
        return new RelayProcess(instance, postgres, port, database, bootstrapServers, slot, lockKey, offsetTopic);
    }

    List<String> roles() {
        return List.copyOf(roles);
    }

    String currentRole() {
        List<String> seen = roles();
        return seen.isEmpty() ? null : seen.get(seen.size() - 1);
    }

    boolean hasLed() {
        return roles.contains("LEADER");
    }

    /** SIGKILL: no shutdown hook, no offset commit, no goodbye to PostgreSQL or Kafka. */
    void crash() {
        process.crash();
    }

    /** SIGTERM: the relay closes its engine and releases the lock. */
    void stop() {
        process.stop();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            crash();
        }
    }
}
