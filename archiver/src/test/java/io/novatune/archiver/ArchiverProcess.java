package io.novatune.archiver;

import io.novatune.events.Topics;
import io.novatune.infra.ChildJvm;
import io.novatune.infra.ChildOutput;
import io.novatune.infra.FreePort;
import io.novatune.infra.S3Server;
import io.novatune.testsupport.kafka.KafkaProbe;
import io.novatune.testsupport.storage.TestStorage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The archiver as a process of its own, for what a Spring context in the test JVM cannot show: a small heap, a
 * SIGKILL. It consumes in a group of its own, starting at the current end of archive-due, and fetches only for a
 * provider name only it allows, so the shared archiver context of the other tests refuses those ArchiveDue at once.
 */
public final class ArchiverProcess implements AutoCloseable {

    private final ChildJvm process;
    private final Path log;
    private final URI base;

    private ArchiverProcess(ChildJvm process, Path log, URI base) {
        this.process = process;
        this.log = log;
        this.base = base;
    }

    /**
     * Starts it and waits until it is ready; a group that is new starts at the end of archive-due. C1 only
     * ({@code TieredStopAtLevel=1}) for a quick start, as the local stack runs services; an extra argument
     * replaces the default of the same property.
     */
    public static ArchiverProcess start(String name, String group, String provider, String heap, S3Server s3, String... extraArguments) {
        return start(name, group, provider, List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1"),
                s3, extraArguments);
    }

    /**
     * With the JIT as production runs it (both tiers): the benchmark's raw copy runs with C2, and SHA-256 compiled
     * by C1 alone is several times slower.
     */
    public static ArchiverProcess startAsDeployed(String name, String group, String provider, String heap, S3Server s3,
                                                  String... extraArguments) {
        return start(name, group, provider, List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"), s3, extraArguments);
    }

    private static ArchiverProcess start(String name, String group, String provider, List<String> jvmOptions, S3Server s3,
                                         String... extraArguments) {
        KafkaProbe kafka = KafkaProbe.shared();
        int port = FreePort.pick();
        Map<String, String> arguments = new LinkedHashMap<>();
        for (String argument : List.of(
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.kafka.consumer.group-id=" + group,
                "--spring.kafka.listener.concurrency=1",
                "--novatune.s3.endpoint=" + s3.endpoint(),
                "--novatune.s3.access-key=" + s3.accessKey(),
                "--novatune.s3.secret-key=" + s3.secretKey(),
                "--novatune.s3.bucket=" + TestStorage.BUCKET,
                "--novatune.s3.part-size=5MB",
                "--novatune.archiver.provider.allow-plain-http=true",
                "--novatune.archiver.provider.allowed-networks[0]=127.0.0.1/32",
                "--novatune.archiver.provider.hosts." + provider + "[0]=127.0.0.1")) {
            arguments.put(property(argument), argument);
        }
        // Spring joins a property given twice into a list; an override must replace the default instead.
        for (String argument : extraArguments) {
            arguments.put(property(argument), argument);
        }
        Path log;
        try {
            log = Files.createDirectories(Path.of("target")).resolve(name + ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildJvm process = ChildJvm.runMain(ArchiverApplication.class, jvmOptions, List.copyOf(arguments.values()),
                ChildOutput.file(log));
        URI base = URI.create("http://127.0.0.1:" + port);
        process.awaitHttpOk(base.resolve("/actuator/health/readiness"), Duration.ofMinutes(2));
        return new ArchiverProcess(process, log, base);
    }

    private static String property(String argument) {
        int equals = argument.indexOf('=');
        return equals < 0 ? argument : argument.substring(0, equals);
    }

    /** Before the first start in a group: where it begins reading. */
    public static void startGroupAtEnd(String group) {
        KafkaProbe.shared().skipToEnd(group, Topics.ARCHIVE_DUE);
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    /** The process's peak resident set size so far (Linux {@code VmHWM}). */
    public java.util.OptionalLong peakRss() {
        return process.peakRss();
    }

    /** CPU time the process has used so far, all threads. */
    public Duration cpuTime() {
        return ProcessHandle.of(process.pid()).flatMap(handle -> handle.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no abort of what is in flight. */
    public void crash() {
        process.crash();
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        process.close();
    }
}
