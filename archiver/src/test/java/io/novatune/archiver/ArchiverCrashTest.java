package io.novatune.archiver;

import io.novatune.events.ArchiveDue;
import io.novatune.events.ArchiveFailed;
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
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.novatune.archiver.TestEvents.newId;
import static io.novatune.infra.standin.ProviderStandIn.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGKILL of an archiver in the middle of a multipart upload, and an S3 outage: the asset ends up archived exactly
 * once, with no partial object and no incomplete multipart upload left behind; nothing is lost.
 * The archiver processes use an S3Proxy of this test's own, so their sweep of stale uploads touches no other test's.
 * The archiver context of the other tests in this JVM sees the same ArchiveDue and refuses their provider with a
 * non-retryable ArchiveFailed: only copies and retryable failures are the processes' answers.
 */
class ArchiverCrashTest {

    private static final long SIZE = 300L * 1024 * 1024;
    private static final String PROVIDER = "crashstandin";

    private static S3Server s3;
    private static TestStorage storage;

    private final KafkaProbe kafka = KafkaProbe.shared();
    private final ProviderStandIn provider = ProviderStandIn.shared();

    /** On disk: the in-memory store could answer multipart listings with 400 for good once a part upload was cut off. */
    @TempDir
    static Path objects;

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
    void an_archiver_killed_mid_upload_leaves_nothing_behind_and_its_successor_archives_the_asset_once() {
        String group = "archiver-crash-" + newId("group");
        String track = newId("track");
        String user = newId("user");
        String prefix = "tracks-videos/" + user + "/";
        provider.on("/" + track + "/video", file("video/mp4", SIZE, 11));
        ArchiverProcess.startGroupAtEnd(group);

        try (ArchiverProcess first = ArchiverProcess.start("crashing-archiver", group, PROVIDER, "256m", s3)) {
            kafka.publish(track, due(track, user));
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !storage.incompleteUploadsUnder(prefix).isEmpty());

            first.crash();
        }
        assertThat(archived(track)).as("a copy reported by the killed archiver").isEmpty();
        // S3Proxy may still be tearing down the part upload the kill cut off, and answer a listing with 400 meanwhile.
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(S3Exception.class)
                .until(() -> storage.incompleteUploadsUnder(prefix).size() == 1);

        // Its successor sweeps every incomplete upload at start (nothing else uploads to this store; S3Proxy reports
        // the time of the listing as an upload's start, hence an age below zero), and gets the record again: the
        // killed one never committed its offset.
        try (ArchiverProcess second = ArchiverProcess.start("successor-archiver", group, PROVIDER, "256m", s3,
                "--novatune.s3.stale-upload-age=-1m")) {
            await().atMost(Duration.ofMinutes(3))
                    .failFast("the successor exited, see " + second.log(), () -> !second.isAlive())
                    .until(() -> !archived(track).isEmpty());
        }
        assertThat(archived(track)).singleElement().satisfies(archived ->
                assertThat(archived.getAssets().get(0).getSha256()).isEqualTo(ProviderStandIn.sha256(SIZE, 11)));
        assertThat(storage.keysUnder(prefix)).containsExactly(prefix + track + ".mp4");
        assertThat(storage.incompleteUploadsUnder(prefix)).isEmpty();
    }

    @Test
    void an_asset_due_while_the_object_store_is_down_fails_retryably_with_nothing_left_behind_and_the_next_attempt_archives_it() {
        String group = "archiver-outage-" + newId("group");
        String track = newId("track");
        String user = newId("user");
        String prefix = "tracks-videos/" + user + "/";
        provider.on("/" + track + "/video", file("video/mp4", 2_000_000, 12));
        ArchiverProcess.startGroupAtEnd(group);

        try (ArchiverProcess archiver = ArchiverProcess.start("outage-archiver", group, PROVIDER, "256m", s3,
                "--novatune.archiver.retry.interval=100ms")) {
            ArchiveDue first = due(track, user);
            s3.stop();
            try {
                kafka.publish(track, first);
                await().atMost(Duration.ofMinutes(2))
                        .failFast("the archiver exited, see " + archiver.log(), () -> !archiver.isAlive())
                        .until(() -> !retryableFailures(track).isEmpty());
            } finally {
                s3.restart();
            }
            assertThat(retryableFailures(track)).singleElement()
                    .satisfies(failed -> assertThat(failed.getAttempt()).isEqualTo(1));
            assertThat(archived(track)).isEmpty();
            assertThat(storage.keysUnder(prefix)).isEmpty();
            assertThat(storage.incompleteUploadsUnder(prefix)).isEmpty();

            // What track-api's timer does with a retryable failure: the next attempt, under a new event id.
            kafka.publish(track, ArchiveDue.newBuilder(first).setEventId(newId("event")).setAttempt(2).build());

            await().atMost(Duration.ofMinutes(2)).until(() -> !archived(track).isEmpty());
        }
        assertThat(storage.keysUnder(prefix)).containsExactly(prefix + track + ".mp4");
        assertThat(storage.incompleteUploadsUnder(prefix)).isEmpty();
    }

    private List<TrackArchived> archived(String track) {
        return kafka.events(Topics.ARCHIVE_RESULTS, track, TrackArchived.class);
    }

    private List<ArchiveFailed> retryableFailures(String track) {
        return kafka.events(Topics.ARCHIVE_RESULTS, track, ArchiveFailed.class).stream()
                .filter(ArchiveFailed::getRetryable).toList();
    }

    private ArchiveDue due(String track, String user) {
        return ArchiveDue.newBuilder(TestEvents.due(track, user, null, null, provider.link("/" + track + "/video")))
                .setProviderName(PROVIDER).build();
    }
}
