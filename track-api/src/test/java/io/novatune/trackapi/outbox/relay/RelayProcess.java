package io.novatune.trackapi.outbox.relay;

import io.novatune.infra.PostgresServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A {@link StandaloneRelay} child process, and the roles it reported; its output goes to the test's output. */
final class RelayProcess implements AutoCloseable {

    private final Process process;
    private final List<String> roles = new CopyOnWriteArrayList<>();

    private final String instance;

    private RelayProcess(String instance, Process process) {
        this.instance = instance;
        this.process = process;
        Thread reader = new Thread(this::readRoles, "relay-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    static RelayProcess start(String instance, PostgresServer postgres, String database, String bootstrapServers,
                              String slot, long lockKey) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), StandaloneRelay.class.getName(),
                instance, postgres.host(), Integer.toString(postgres.port()), database, postgres.username(),
                postgres.password(), bootstrapServers, slot, Long.toString(lockKey))
                .redirectErrorStream(true)
                .start();
        return new RelayProcess(instance, process);
    }

    private void readRoles() {
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                System.out.println("[relay " + instance + "] " + line);
                if (line.startsWith("relay-role=")) {
                    roles.add(line.substring("relay-role=".length()));
                }
            }
        } catch (IOException processGone) {
            // Nothing more to read.
        }
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
    void crash() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the relay closes its engine and releases the lock. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            crash();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            crash();
        }
    }
}
