package io.novatune.archiver;

import io.novatune.events.ArchiveDue;
import io.novatune.events.Topics;
import io.novatune.events.TrackArchived;
import io.novatune.infra.S3Options;
import io.novatune.infra.S3Server;
import io.novatune.infra.standin.ProviderStandIn;
import io.novatune.testsupport.kafka.KafkaProbe;
import io.novatune.testsupport.storage.TestStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static io.novatune.archiver.TestEvents.newId;
import static io.novatune.infra.standin.ProviderStandIn.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A 1 GiB video through an archiver process with a 256 MiB heap: it can only get there by streaming. The copy goes
 * to an S3Proxy of this test's own that keeps its objects on disk, not in the test JVM's memory.
 */
class SmallHeapStreamingTest {

    private static final long SIZE = 1024L * 1024 * 1024;
    private static final String PROVIDER = "bigstandin";
    private static final String GROUP = "archiver-small-heap";

    @TempDir
    static Path objects;

    private static S3Server s3;
    private static TestStorage storage;

    private final KafkaProbe kafka = KafkaProbe.shared();
    private final ProviderStandIn provider = ProviderStandIn.shared();

    @BeforeAll
    static void ownObjectStore() {
        s3 = S3Server.start(new S3Options(objects, 0));
        storage = TestStorage.on(s3);
    }

    @AfterAll
    static void stopObjectStore() {
        s3.close();
    }

    @Test
    void a_1_gib_video_is_archived_by_an_archiver_with_a_256_mib_heap() {
        String track = newId("track");
        String user = newId("user");
        provider.on("/" + track + "/video", file("video/mp4", SIZE, 42));
        ArchiverProcess.startGroupAtEnd(GROUP);

        try (ArchiverProcess archiver = ArchiverProcess.start("small-heap-archiver", GROUP, PROVIDER, "256m", s3)) {
            ArchiveDue due = ArchiveDue.newBuilder(TestEvents.due(track, user, null, null, provider.link("/" + track + "/video")))
                    .setProviderName(PROVIDER).build();

            kafka.publish(track, due);

            await().atMost(Duration.ofMinutes(5))
                    .failFast("the archiver exited (out of memory?), see " + archiver.log(), () -> !archiver.isAlive())
                    .until(() -> !kafka.events(Topics.ARCHIVE_RESULTS, track, TrackArchived.class).isEmpty());
        }
        TrackArchived archived = kafka.events(Topics.ARCHIVE_RESULTS, track, TrackArchived.class).get(0);
        String key = "tracks-videos/" + user + "/" + track + ".mp4";
        assertThat(archived.getAssets().get(0).getObjectKey()).isEqualTo(key);
        assertThat(archived.getAssets().get(0).getSizeBytes()).isEqualTo(SIZE);
        assertThat(archived.getAssets().get(0).getSha256()).isEqualTo(ProviderStandIn.sha256(SIZE, 42));
        assertThat(storage.head(key).orElseThrow().contentLength()).isEqualTo(SIZE);
        assertThat(storage.head(key).orElseThrow().metadata()).containsEntry("sha256", ProviderStandIn.sha256(SIZE, 42));
        assertThat(storage.incompleteUploadsUnder("tracks-videos/" + user + "/")).isEmpty();
    }
}
