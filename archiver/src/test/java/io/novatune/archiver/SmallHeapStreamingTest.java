package io.novatune.archiver;

import io.novatune.events.Topics;
import io.novatune.testsupport.storage.TestStorage;
import io.novatune.testsupport.kafka.KafkaProbe;
import io.novatune.events.ArchiveDue;
import io.novatune.events.TrackArchived;
import io.novatune.infra.ChildJvm;
import io.novatune.infra.ChildOutput;
import io.novatune.infra.FreePort;
import io.novatune.infra.S3Server;
import io.novatune.standin.ProviderStandIn;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.novatune.archiver.TestEvents.newId;
import static io.novatune.standin.ProviderStandIn.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The archiver as a process of its own with a 64 MiB heap copies a 160 MiB file: it can only do so by streaming.
 * It consumes in a group of its own under a provider name only it allows, so an archiver context of the other
 * tests in this JVM, which sees the same ArchiveDue, refuses it at once instead of copying it too.
 */
class SmallHeapStreamingTest {

    private static final long SIZE = 160L * 1024 * 1024;
    private static final String PROVIDER = "bigstandin";

    private final KafkaProbe kafka = KafkaProbe.shared();
    private final TestStorage storage = TestStorage.shared();
    private final ProviderStandIn provider = ProviderStandIn.shared();

    @Test
    void a_file_larger_than_the_heap_is_archived_by_an_archiver_with_a_64_mib_heap() throws Exception {
        String track = newId("track");
        String user = newId("user");
        provider.on("/" + track + "/audio", file("audio/wav", SIZE, 42));
        int port = FreePort.pick();
        S3Server s3 = storage.server();
        Path log = Files.createDirectories(Path.of("target")).resolve("small-heap-archiver.log");
        List<String> arguments = List.of(
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.kafka.consumer.group-id=archiver-small-heap",
                "--spring.kafka.listener.concurrency=1",
                "--novatune.s3.endpoint=" + s3.endpoint(),
                "--novatune.s3.access-key=" + s3.accessKey(),
                "--novatune.s3.secret-key=" + s3.secretKey(),
                "--novatune.s3.bucket=" + TestStorage.BUCKET,
                "--novatune.s3.part-size=5MB",
                "--novatune.archiver.max-in-flight=1",
                "--novatune.archiver.provider.allow-plain-http=true",
                "--novatune.archiver.provider.allowed-networks[0]=127.0.0.1/32",
                "--novatune.archiver.provider.hosts." + PROVIDER + "[0]=127.0.0.1",
                "--management.otlp.metrics.export.enabled=false");

        try (ChildJvm archiver = ChildJvm.runMain(ArchiverApplication.class,
                List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1"), arguments,
                ChildOutput.file(log))) {
            archiver.awaitHttpOk(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"), Duration.ofMinutes(2));
            ArchiveDue due = ArchiveDue.newBuilder(TestEvents.due(track, user, provider.link("/" + track + "/audio"), null, null))
                    .setProviderName(PROVIDER).build();

            kafka.publish(track, due);

            await().atMost(Duration.ofMinutes(2))
                    .failFast("the archiver exited (out of memory?), see " + log, () -> !archiver.isAlive())
                    .untilAsserted(() -> assertThat(kafka.events(Topics.ARCHIVE_RESULTS, track, TrackArchived.class)).hasSize(1));
        }
        TrackArchived archived = kafka.events(Topics.ARCHIVE_RESULTS, track, TrackArchived.class).get(0);
        String key = "tracks-audio/" + user + "/" + track + ".wav";
        assertThat(archived.getAssets().get(0).getObjectKey()).isEqualTo(key);
        assertThat(archived.getAssets().get(0).getSizeBytes()).isEqualTo(SIZE);
        assertThat(archived.getAssets().get(0).getSha256()).isEqualTo(ProviderStandIn.sha256(SIZE, 42));
        assertThat(storage.head(key).orElseThrow().metadata()).containsEntry("sha256", ProviderStandIn.sha256(SIZE, 42));
        assertThat(storage.incompleteUploadsUnder("tracks-audio/" + user + "/")).isEmpty();
    }
}
