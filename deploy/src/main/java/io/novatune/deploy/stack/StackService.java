package io.novatune.deploy.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One of the Spring Boot services of the stack (the five {@link #DEFAULTS}, and the {@link #WEB} app).
 *
 * @param module   the Maven module, which also names the jar ({@code <module>/target/<module>.jar}) and the log
 * @param port     its HTTP port
 * @param database the PostgreSQL database it owns, if any
 */
public record StackService(String module, int port, Optional<String> database) {

    public static final List<StackService> DEFAULTS = List.of(
            new StackService("track-api", 8080, Optional.of("tracks")),
            new StackService("lifecycle-worker", 8081, Optional.empty()),
            new StackService("ingestion-scheduler", 8082, Optional.of("ingestion")),
            new StackService("discovery-service", 8083, Optional.of("discovery")),
            new StackService("archiver", 8084, Optional.empty()));

    /**
     * The web app (module {@code web}): static files and the one-origin proxy to track-api and discovery-service.
     * Not one of the {@link #DEFAULTS}: it reads no Kafka and no database, and the launcher starts it after the
     * services. Port 8080 is track-api's, so the next free one.
     */
    public static final StackService WEB = new StackService("web", 8085, Optional.empty());

    StackService withPort(int newPort) {
        return new StackService(module, newPort, database);
    }

    Path jar(Path repositoryRoot) {
        return repositoryRoot.resolve(module).resolve("target").resolve(module + ".jar");
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    String healthUrl() {
        return baseUrl() + "/actuator/health";
    }
}
