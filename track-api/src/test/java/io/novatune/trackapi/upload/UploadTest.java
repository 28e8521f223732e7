package io.novatune.trackapi.upload;

import io.novatune.events.Topics;
import io.novatune.events.TrackAdded;
import io.novatune.trackapi.LibraryIntegrationTest;
import io.novatune.trackapi.TopicRecorder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class UploadTest extends LibraryIntegrationTest {

    private static final int MIB = 1024 * 1024;
    private static final int MAX_FILE_BYTES = 16 * MIB;

    @Test
    void an_audio_file_uploaded_with_its_metadata_becomes_a_ready_track_stored_under_the_users_key_and_published() throws Exception {
        String user = newUser();
        byte[] audio = audio(300 * 1024);
        try (TopicRecorder trackAdded = new TopicRecorder(kafka(), Topics.TRACK_ADDED)) {
            EntityExchangeResult<Map<String, Object>> result = post(user, upload(audio))
                    .expectStatus().isCreated()
                    .expectHeader().valueMatches("Location", ".*/api/v1/tracks/[0-9A-Z]{26}")
                    .expectHeader().valueEquals("ETag", "\"0\"")
                    .expectBody(JSON).returnResult();
            Map<String, Object> track = result.getResponseBody();
            String trackId = (String) track.get("id");

            assertThat(track).containsEntry("status", "READY").containsEntry("source", "UPLOAD")
                    .containsEntry("title", "Windowlicker").containsEntry("artist", "Aphex Twin")
                    .containsEntry("isrc", "GBAHT9900001").containsEntry("musicalKey", "Am")
                    .containsEntry("fileSizeBytes", audio.length);
            String key = "audio/" + user + "/" + trackId;
            assertThat(object(key)).isEqualTo(audio);
            HeadObjectResponse head = s3.headObject(h -> h.bucket(BUCKET).key(key)).join();
            assertThat(head.contentType()).isEqualTo("audio/mpeg");
            assertThat(usedBytes(user)).isEqualTo(audio.length);

            ConsumerRecord<String, SpecificRecord> record = await().atMost(Duration.ofSeconds(60))
                    .until(() -> trackAdded.records().stream().filter(r -> trackId.equals(r.key())).findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
            TrackAdded event = (TrackAdded) record.value();
            assertThat(event.getSource()).isEqualTo(io.novatune.events.TrackSource.UPLOAD);
            assertThat(event.getUserId()).isEqualTo(user);
            assertThat(event.getTitle()).isEqualTo("Windowlicker");
            assertThat(event.getIsrc()).isEqualTo("GBAHT9900001");
        }
    }

    @Test
    void a_file_larger_than_a_part_is_sent_as_a_multipart_upload_and_stored_whole_even_when_the_request_is_chunked() {
        String user = newUser();
        byte[] audio = audio(11 * MIB + 12345);

        Map<String, Object> track = postChunked(user, upload(audio)).expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();

        assertThat(object("audio/" + user + "/" + track.get("id"))).isEqualTo(audio);
        assertThat(multipartUploadsOf(user)).isEmpty();
        assertThat(usedBytes(user)).isEqualTo(audio.length);
    }

    @Test
    void the_metadata_may_follow_the_file_as_a_plain_form_field_and_unknown_parts_are_ignored() {
        String user = newUser();
        byte[] audio = audio(6 * MIB);
        MultipartBody body = MultipartBody.create()
                .part("comment", null, null, "uploaded from the test".getBytes())
                .file("file", "track.flac", "audio/flac", audio)
                // A browser's FormData sends a string field with no Content-Type at all.
                .part("metadata", null, null, METADATA.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        Map<String, Object> track = post(user, body).expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();

        assertThat(track).containsEntry("title", "Windowlicker");
        assertThat(object("audio/" + user + "/" + track.get("id"))).isEqualTo(audio);
    }

    @Test
    void a_file_that_is_not_audio_is_refused_with_415_and_nothing_is_stored() {
        String user = newUser();
        MultipartBody body = MultipartBody.create().json("metadata", METADATA)
                .file("file", "notes.pdf", "application/pdf", audio(100_000));

        post(user, body).expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://novatune.io/problems/not-audio")
                .jsonPath("$.status").isEqualTo(415)
                .jsonPath("$.instance").isEqualTo("/api/v1/tracks");

        MultipartBody untyped = MultipartBody.create().json("metadata", METADATA).file("file", "x.mp3", null, audio(1000));
        post(user, untyped).expectStatus().isEqualTo(415);
        assertThat(trackRowsOf(user)).isZero();
        assertThat(objectsOf(user)).isEmpty();
    }

    @Test
    void a_request_longer_than_the_largest_file_is_refused_with_413_before_it_is_read() {
        String user = newUser();

        post(user, upload(audio(MAX_FILE_BYTES + 2 * MIB))).expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://novatune.io/problems/file-too-large")
                .jsonPath("$.maxFileSizeBytes").isEqualTo(MAX_FILE_BYTES);

        assertThat(trackRowsOf(user)).isZero();
        assertThat(objectsOf(user)).isEmpty();
    }

    @Test
    void a_file_that_turns_out_larger_than_the_limit_while_streaming_is_aborted_with_413_and_leaves_nothing() {
        String user = newUser();
        // Within the Content-Length allowance for the other parts, so only counting the bytes catches it.
        byte[] audio = audio(MAX_FILE_BYTES + MIB / 2);

        post(user, upload(audio)).expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("https://novatune.io/problems/file-too-large");
        postChunked(user, upload(audio)).expectStatus().isEqualTo(413);

        assertThat(trackRowsOf(user)).isZero();
        assertThat(objectsOf(user)).isEmpty();
        assertThat(multipartUploadsOf(user)).isEmpty();
        assertThat(usedBytes(user)).isZero();
    }

    @Test
    void an_upload_that_cannot_fit_in_the_quota_is_refused_with_403_up_front_and_the_track_does_not_exist() {
        String user = newUser();
        setQuotaLimit(user, 4 * MIB);

        post(user, upload(audio(6 * MIB))).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://novatune.io/problems/quota-exceeded")
                .jsonPath("$.limitBytes").isEqualTo(4 * MIB)
                .jsonPath("$.usedBytes").isEqualTo(0);

        assertThat(trackRowsOf(user)).isZero();
        assertThat(objectsOf(user)).isEmpty();
    }

    @Test
    void an_upload_that_runs_over_the_quota_while_streaming_is_aborted_with_403_and_leaves_no_track_and_no_object() {
        String user = newUser();
        setQuotaLimit(user, 7 * MIB);
        byte[] audio = audio(7 * MIB + MIB / 2);

        post(user, upload(audio)).expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://novatune.io/problems/quota-exceeded");
        postChunked(user, upload(audio)).expectStatus().isForbidden();

        assertThat(trackRowsOf(user)).isZero();
        assertThat(objectsOf(user)).isEmpty();
        assertThat(multipartUploadsOf(user)).isEmpty();
        assertThat(usedBytes(user)).isZero();
    }

    @Test
    void of_two_concurrent_uploads_that_each_fit_but_not_together_one_commits_and_the_others_object_is_deleted() {
        String user = newUser();
        setQuotaLimit(user, 5 * MIB);
        byte[] first = audio(3 * MIB);
        byte[] second = audio(3 * MIB + 1);

        List<Integer> statuses = Mono.zip(
                        Mono.fromCallable(() -> status(post(user, upload(first)))).subscribeOn(Schedulers.boundedElastic()),
                        Mono.fromCallable(() -> status(post(user, upload(second)))).subscribeOn(Schedulers.boundedElastic()))
                .map(both -> List.of(both.getT1(), both.getT2()))
                .block(Duration.ofSeconds(60));

        assertThat(statuses).containsExactlyInAnyOrder(201, 403);
        assertThat(trackRowsOf(user)).isOne();
        assertThat(objectsOf(user)).hasSize(1);
        long stored = objectsOf(user).get(0).size();
        assertThat(usedBytes(user)).isEqualTo(stored);
    }

    @Test
    void invalid_metadata_is_refused_with_400_naming_each_field_and_a_file_already_stored_is_deleted() {
        String user = newUser();
        MultipartBody body = MultipartBody.create()
                .file("file", "track.mp3", "audio/mpeg", audio(6 * MIB))
                .json("metadata", """
                        {"title": " ", "artist": "Aphex Twin", "isrc": "not-an-isrc", "bpm": 900, "musicalKey": "H"}
                        """);

        post(user, body).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://novatune.io/problems/validation-failed")
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields)
                        .containsExactlyInAnyOrder("metadata.title", "metadata.isrc", "metadata.bpm", "metadata.musicalKey"));

        assertThat(trackRowsOf(user)).isZero();
        assertThat(objectsOf(user)).isEmpty();
    }

    @Test
    void a_nul_in_the_metadata_of_an_upload_answers_400_naming_the_field_and_stores_nothing() {
        String user = newUser();
        post(user, MultipartBody.create()
                .json("metadata", "{\"title\": \"T\\u0000\", \"artist\": \"A\"}")
                .file("file", "a.mp3", "audio/mpeg", audio(1000)))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("metadata.title");
        assertThat(trackRowsOf(user)).isZero();
        assertThat(objectsOf(user)).isEmpty();
    }

    @Test
    void metadata_that_is_not_json_or_of_the_wrong_type_is_refused_with_400() {
        String user = newUser();
        post(user, MultipartBody.create().json("metadata", "{not json").file("file", "a.mp3", "audio/mpeg", audio(1000)))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("metadata");
        post(user, MultipartBody.create().json("metadata", """
                        {"title": "T", "artist": "A", "durationMs": "long"}""")
                        .file("file", "a.mp3", "audio/mpeg", audio(1000)))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("metadata.durationMs");
        assertThat(trackRowsOf(user)).isZero();
        assertThat(objectsOf(user)).isEmpty();
    }

    @Test
    void a_request_without_its_metadata_or_its_file_or_with_an_empty_file_is_refused_with_400() {
        String user = newUser();
        post(user, MultipartBody.create().file("file", "a.mp3", "audio/mpeg", audio(1000)))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("metadata");
        post(user, MultipartBody.create().json("metadata", METADATA))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("file");
        post(user, MultipartBody.create().json("metadata", METADATA).file("file", "a.mp3", "audio/mpeg", new byte[0]))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("must not be empty");
        post(user, upload(audio(1000)).file("file", "b.mp3", "audio/mpeg", audio(1000)))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("must be sent once");

        assertThat(trackRowsOf(user)).isZero();
        assertThat(objectsOf(user)).isEmpty();
    }

    @Test
    void an_upload_without_a_token_is_refused_with_401_problem() {
        client().post().uri("/api/v1/tracks")
                .contentType(MultipartBody.contentType())
                .bodyValue(upload(audio(1000)).bytes())
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static int status(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
        return response.returnResult(String.class).getStatus().value();
    }
}
