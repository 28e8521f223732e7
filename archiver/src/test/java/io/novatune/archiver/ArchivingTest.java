package io.novatune.archiver;

import io.novatune.testsupport.kafka.ReceivedRecord;
import io.novatune.events.ArchiveDue;
import io.novatune.events.ArchiveFailed;
import io.novatune.events.ArchivedAsset;
import io.novatune.events.AssetKind;
import io.novatune.events.TrackArchived;
import io.novatune.infra.standin.ProviderStandIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import java.time.Duration;
import java.util.List;

import static io.novatune.archiver.TestEvents.due;
import static io.novatune.archiver.TestEvents.newId;
import static io.novatune.infra.standin.ProviderStandIn.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ArchivingTest extends ArchiverIntegrationTest {

    private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(30);
    private static final long AUDIO_BYTES = 12L * 1024 * 1024 + 12345; // three parts of 5 MiB, the last one short

    @Autowired
    TestRestTemplate http;

    @Test
    void a_user_id_with_slashes_and_dots_is_archived_in_its_own_place_and_nowhere_else() {
        String track = newId("track");
        String user = "../" + newId("tenant") + "/alice";
        provider.on("/" + track + "/audio", file("audio/mpeg", 1000, 7));

        kafka.publish(track, due(track, user, provider.link("/" + track + "/audio"), null, null));

        TrackArchived archived = awaitArchived(track);
        String key = "tracks-audio/" + user.replace("/", "%2F") + "/" + track + ".mp3";
        assertStored(archived.getAssets().get(0), key, "audio/mpeg", 1000, 7);
        assertThat(storage.keysUnder("tracks-audio/")).filteredOn(stored -> stored.contains(track)).containsExactly(key);
    }

    @Test
    void every_asset_is_copied_under_its_kind_with_its_hash_and_size_and_one_track_archived_names_them_all() {
        String track = newId("track");
        String user = newId("user");
        provider.on("/" + track + "/audio", file("audio/mpeg", AUDIO_BYTES, 1))
                .on("/" + track + "/cover", file("image/png; charset=binary", 300_000, 2))
                .on("/" + track + "/video", file("video/mp4", 2_000_000, 3));
        ArchiveDue due = due(track, user, provider.link("/" + track + "/audio?signature=s3cr3t"),
                provider.link("/" + track + "/cover"), provider.link(io.novatune.standin.TestNames.CDN, "/" + track + "/video"));

        kafka.publish(track, due);

        TrackArchived archived = awaitArchived(track);
        assertThat(archived.getEventId()).isNotEqualTo(due.getEventId());
        assertThat(archived.getUserId()).isEqualTo(user);
        assertThat(archived.getAssets()).extracting(ArchivedAsset::getKind)
                .containsExactly(AssetKind.AUDIO, AssetKind.COVER, AssetKind.VIDEO);
        assertStored(archived.getAssets().get(0), "tracks-audio/" + user + "/" + track + ".mp3", "audio/mpeg", AUDIO_BYTES, 1);
        assertStored(archived.getAssets().get(1), "tracks-covers/" + user + "/" + track + ".png", "image/png", 300_000, 2);
        assertStored(archived.getAssets().get(2), "tracks-videos/" + user + "/" + track + ".mp4", "video/mp4", 2_000_000, 3);
        ReceivedRecord record = resultRecords(track).get(0);
        assertThat(record.header("event-type")).isEqualTo("io.novatune.events.TrackArchived");
        assertThat(record.header("event-id")).isEqualTo(archived.getEventId());
        assertThat(record.header("traceparent")).isNotBlank();
        assertThat(storage.incompleteUploadsUnder("tracks-audio/" + user + "/")).isEmpty();
        String metrics = http.getForObject("/actuator/prometheus", String.class);
        assertThat(metrics).contains("archive_assets_total{kind=\"audio\",outcome=\"archived\"")
                .contains("archive_duration_seconds").contains("archive_lead_time_seconds");
    }

    @Test
    void a_replayed_archive_due_uploads_nothing_and_repeats_the_same_result_id() {
        String track = newId("track");
        String user = newId("user");
        provider.on("/" + track + "/audio", file("audio/mpeg", AUDIO_BYTES, 4))
                .on("/" + track + "/cover", file("image/jpeg", 1000, 5));
        ArchiveDue due = due(track, user, provider.link("/" + track + "/audio"), provider.link("/" + track + "/cover"), null);
        kafka.publish(track, due);
        TrackArchived first = awaitArchived(track);
        HeadObjectResponse audioBefore = storage.head(first.getAssets().get(0).getObjectKey()).orElseThrow();

        // The links have expired by the time of the replay: the copies answer for them.
        provider.on("/" + track + "/audio", ProviderStandIn.status(403)).on("/" + track + "/cover", ProviderStandIn.status(403));
        kafka.publish(track, due);

        await().atMost(RESULT_TIMEOUT).untilAsserted(() -> assertThat(results(track)).hasSize(2));
        TrackArchived again = archived(track).get(1);
        assertThat(again.getEventId()).isEqualTo(first.getEventId());
        assertThat(again.getAssets()).isEqualTo(first.getAssets());
        assertThat(provider.requestsTo("/" + track + "/audio")).isEqualTo(1);
        assertThat(provider.requestsTo("/" + track + "/cover")).isEqualTo(1);
        HeadObjectResponse audioAfter = storage.head(first.getAssets().get(0).getObjectKey()).orElseThrow();
        assertThat(audioAfter.lastModified()).isEqualTo(audioBefore.lastModified());
        assertThat(audioAfter.eTag()).isEqualTo(audioBefore.eTag());
    }

    @Test
    void a_provider_that_answers_503_and_then_200_is_retried_in_process_and_the_track_archived() {
        String track = newId("track");
        String user = newId("user");
        provider.on("/" + track + "/audio", ProviderStandIn.failingFirst(2, 503, file("audio/ogg", 70_000, 6)));

        kafka.publish(track, due(track, user, provider.link("/" + track + "/audio"), null, null));

        TrackArchived archived = awaitArchived(track);
        assertStored(archived.getAssets().get(0), "tracks-audio/" + user + "/" + track + ".ogg", "audio/ogg", 70_000, 6);
        assertThat(provider.requestsTo("/" + track + "/audio")).isEqualTo(3);
        assertThat(failed(track)).isEmpty();
    }

    @Test
    void a_provider_that_stalls_is_given_up_on_and_tried_again() {
        String track = newId("track");
        String user = newId("user");
        provider.on("/" + track + "/audio",
                ProviderStandIn.stallingFirst(Duration.ofSeconds(3), file("audio/flac", 50_000, 7)));

        kafka.publish(track, due(track, user, provider.link("/" + track + "/audio"), null, null));

        TrackArchived archived = awaitArchived(track);
        assertThat(archived.getAssets().get(0).getSha256()).isEqualTo(ProviderStandIn.sha256(50_000, 7));
        assertThat(provider.requestsTo("/" + track + "/audio")).isEqualTo(2);
    }

    @Test
    void a_provider_still_overloaded_after_three_tries_gives_a_retryable_failure_with_the_attempt() {
        String track = newId("track");
        provider.on("/" + track + "/audio", ProviderStandIn.status(429));
        ArchiveDue due = ArchiveDue.newBuilder(due(track, newId("user"), provider.link("/" + track + "/audio"), null, null))
                .setAttempt(4).build();

        kafka.publish(track, due);

        ArchiveFailed failed = awaitFailed(track);
        assertThat(failed.getRetryable()).isTrue();
        assertThat(failed.getAttempt()).isEqualTo(4);
        assertThat(failed.getReason()).contains("audio: HTTP 429").contains("after 3 tries");
        assertThat(provider.requestsTo("/" + track + "/audio")).isEqualTo(3);
    }

    @Test
    void links_that_expired_or_are_gone_fail_for_good_without_retrying() {
        for (int status : List.of(403, 404, 410)) {
            String track = newId("track");
            provider.on("/" + track + "/audio", ProviderStandIn.status(status));

            kafka.publish(track, due(track, newId("user"), provider.link("/" + track + "/audio"), null, null));

            ArchiveFailed failed = awaitFailed(track);
            assertThat(failed.getRetryable()).isFalse();
            assertThat(failed.getReason()).contains("HTTP " + status);
            assertThat(provider.requestsTo("/" + track + "/audio")).isEqualTo(1);
        }
    }

    @Test
    void a_file_of_the_wrong_content_type_is_refused_and_nothing_is_stored() {
        String track = newId("track");
        String user = newId("user");
        provider.on("/" + track + "/audio", file("audio/mpeg", 10_000, 8))
                .on("/" + track + "/cover", file("text/html", 10_000, 9));

        kafka.publish(track, due(track, user, provider.link("/" + track + "/audio"), provider.link("/" + track + "/cover"), null));

        ArchiveFailed failed = awaitFailed(track);
        assertThat(failed.getRetryable()).isFalse();
        assertThat(failed.getReason()).contains("cover: content type 'text/html' is not image/*");
        assertThat(storage.keysUnder("tracks-covers/" + user + "/")).isEmpty();
    }

    @Test
    void a_file_larger_than_its_kinds_maximum_is_refused_before_anything_is_stored() {
        String track = newId("track");
        String user = newId("user");
        provider.on("/" + track + "/cover", file("image/jpeg", MAX_COVER_BYTES + 1, 10));

        kafka.publish(track, due(track, user, null, provider.link("/" + track + "/cover"), null));

        ArchiveFailed failed = awaitFailed(track);
        assertThat(failed.getRetryable()).isFalse();
        assertThat(failed.getReason()).contains("exceeds the maximum of " + MAX_COVER_BYTES);
        assertThat(storage.keysUnder("tracks-covers/" + user + "/")).isEmpty();
    }

    @Test
    void a_truncated_body_aborts_its_multipart_upload_and_leaves_no_object_behind() {
        String track = newId("track");
        String user = newId("user");
        // Cut after two full parts have been uploaded.
        provider.on("/" + track + "/audio",
                ProviderStandIn.truncated("audio/mpeg", AUDIO_BYTES, 11L * 1024 * 1024, 11));

        kafka.publish(track, due(track, user, provider.link("/" + track + "/audio"), null, null));

        ArchiveFailed failed = awaitFailed(track);
        assertThat(failed.getRetryable()).isTrue();
        assertThat(failed.getReason()).contains("truncated after").contains("after 3 tries");
        assertThat(provider.requestsTo("/" + track + "/audio")).isEqualTo(3);
        assertThat(storage.keysUnder("tracks-audio/" + user + "/")).isEmpty();
        assertThat(storage.incompleteUploadsUnder("tracks-audio/" + user + "/")).isEmpty();
    }

    private TrackArchived awaitArchived(String track) {
        await().atMost(RESULT_TIMEOUT).untilAsserted(() -> assertThat(results(track)).isNotEmpty());
        assertThat(results(track).get(0)).isInstanceOf(TrackArchived.class);
        return archived(track).get(0);
    }

    private ArchiveFailed awaitFailed(String track) {
        await().atMost(RESULT_TIMEOUT).untilAsserted(() -> assertThat(results(track)).isNotEmpty());
        assertThat(results(track).get(0)).isInstanceOf(ArchiveFailed.class);
        return failed(track).get(0);
    }

    private void assertStored(ArchivedAsset asset, String key, String contentType, long size, long seed) {
        String sha256 = ProviderStandIn.sha256(size, seed);
        assertThat(asset.getObjectKey()).isEqualTo(key);
        assertThat(asset.getContentType()).isEqualTo(contentType);
        assertThat(asset.getSizeBytes()).isEqualTo(size);
        assertThat(asset.getSha256()).isEqualTo(sha256);
        HeadObjectResponse head = storage.head(key).orElseThrow();
        assertThat(head.contentLength()).isEqualTo(size);
        assertThat(head.contentType()).isEqualTo(contentType);
        assertThat(head.metadata()).containsEntry("sha256", sha256).containsEntry("size-bytes", Long.toString(size));
        assertThat(storage.sha256Of(key)).isEqualTo(sha256);
    }
}
