package io.novatune.trackapi.archive;

import io.novatune.events.ArchiveDue;
import io.novatune.events.Topics;
import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TopicRecorder;
import io.novatune.trackapi.TrackApiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.novatune.trackapi.TestTracks.addCatalogTrack;
import static io.novatune.trackapi.TestTracks.addExpiredProviderTrack;
import static io.novatune.trackapi.TestTracks.addProviderTrack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

@SuppressWarnings("unchecked")
class ArchiveNowAndStatisticsTest extends TrackApiIntegrationTest {

    private static final String ADMIN_TOKEN = TestTokens.forUser("admin-arc", "admin");

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    TopicRecorder archiveDue;

    @BeforeEach
    void listen() {
        archiveDue = new TopicRecorder(kafka(), Topics.ARCHIVE_DUE);
    }

    @AfterEach
    void stopListening() throws InterruptedException {
        archiveDue.close();
    }

    @Test
    void the_owner_archives_a_provider_track_now_and_ArchiveDue_carries_the_provider_links_and_their_expiry() {
        Instant expiresAt = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        String id = addProviderTrack(http, "user-arc-1", "Generated One", expiresAt);

        Map<?, ?> request = archive("user-arc-1", id).expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(request.get("trackId")).isEqualTo(id);
        assertThat(request.get("attempt")).isEqualTo(1);
        assertThat(Instant.parse((String) request.get("providerExpiresAt"))).isEqualTo(expiresAt);
        ArchiveDue event = awaitArchiveDue(id, 1).get(0);
        assertThat(event.getUserId()).isEqualTo("user-arc-1");
        assertThat(event.getAttempt()).isEqualTo(1);
        assertThat(event.getProviderName()).isEqualTo("suno");
        assertThat(event.getAudioUrl()).isEqualTo("https://cdn.provider.test/Generated-One.mp3");
        assertThat(event.getCoverUrl()).isEqualTo("https://cdn.provider.test/Generated-One.jpg");
        assertThat(event.getVideoUrl()).isNull();
        assertThat(event.getProviderExpiresAt()).isEqualTo(expiresAt);
        // The timer waits out the lease instead of sending it again on the next sweep.
        Instant dueAt = db.sql("SELECT archive_due_at FROM tracks WHERE id = :id").bind("id", id)
                .map(row -> row.get("archive_due_at", Instant.class)).one().block();
        assertThat(dueAt).isCloseTo(Instant.now().plus(30, ChronoUnit.MINUTES), within(Duration.ofMinutes(1)));

        // Asking again while it is not archived sends the next attempt.
        archive("user-arc-1", id).expectStatus().isAccepted().expectBody().jsonPath("$.attempt").isEqualTo(2);
        assertThat(awaitArchiveDue(id, 2).get(1).getAttempt()).isEqualTo(2);
    }

    @Test
    void an_admin_archives_any_users_track_but_another_user_gets_404() {
        String id = addProviderTrack(http, "user-arc-2", "Generated Two", Instant.now().plus(10, ChronoUnit.DAYS));

        archive("user-arc-intruder", id).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://novatune.io/problems/track-not-found");
        http.post().uri("/api/v1/tracks/{id}/archive", id)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser("admin-arc", "admin")))
                .exchange()
                .expectStatus().isAccepted();
        assertThat(awaitArchiveDue(id, 1).get(0).getUserId()).isEqualTo("user-arc-2");
    }

    @Test
    void archiving_answers_409_for_a_catalog_track_an_archived_track_and_expired_links_and_404_for_an_unknown_id() {
        String catalog = addCatalogTrack(http, "user-arc-3", "From A Catalog");
        archive("user-arc-3", catalog).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://novatune.io/problems/track-not-archivable")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("not hosted by a provider"));

        String archived = addProviderTrack(http, "user-arc-3", "Already Copied", Instant.now().plus(10, ChronoUnit.DAYS));
        db.sql("UPDATE tracks SET archived_at = now(), archived_audio_key = 'tracks-audio/x.mp3' WHERE id = :id")
                .bind("id", archived).then().block();
        archive("user-arc-3", archived).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("already archived"));

        String expired = addExpiredProviderTrack(http, db, "user-arc-3", "Links Gone", Instant.now().minus(1, ChronoUnit.HOURS));
        archive("user-arc-3", expired).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("expired"));

        archive("user-arc-3", "01JUNKNOWN0000000000000000").expectStatus().isNotFound();
    }

    @Test
    void archiving_a_deleted_track_answers_410_problem_with_restoreUntil() {
        String id = addProviderTrack(http, "user-arc-4", "Deleted Generated", Instant.now().plus(10, ChronoUnit.DAYS));
        Map<?, ?> deletion = http.delete().uri("/api/v1/tracks/{id}", id)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser("user-arc-4")))
                .exchange().expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();

        archive("user-arc-4", id).expectStatus().isEqualTo(410)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://novatune.io/problems/track-deleted")
                .jsonPath("$.restoreUntil").isEqualTo(deletion.get("scheduledDeletionAt"));
    }

    @Test
    void archive_statistics_count_archived_pending_urgent_and_expired_provider_tracks() {
        Map<?, ?> before = statistics();
        Instant now = Instant.now();
        addProviderTrack(http, "user-arc-5", "Pending", now.plus(10, ChronoUnit.DAYS));
        addProviderTrack(http, "user-arc-5", "Urgent", now.plus(1, ChronoUnit.DAYS));
        addExpiredProviderTrack(http, db, "user-arc-5", "Expired", now.minus(1, ChronoUnit.DAYS));
        String archived = addProviderTrack(http, "user-arc-5", "Archived", now.plus(10, ChronoUnit.DAYS));
        db.sql("UPDATE tracks SET archived_at = now() WHERE id = :id").bind("id", archived).then().block();
        addCatalogTrack(http, "user-arc-5", "Not Counted");

        Map<?, ?> after = statistics();

        assertThat(delta(before, after, "totalArchived")).isEqualTo(1);
        assertThat(delta(before, after, "pendingArchive")).isEqualTo(2);
        assertThat(delta(before, after, "urgentArchiveNeeded")).isEqualTo(1);
        assertThat(delta(before, after, "expiredTracks")).isEqualTo(1);
        long archivedTotal = number(after, "totalArchived");
        long all = archivedTotal + number(after, "pendingArchive") + number(after, "expiredTracks");
        assertThat(((Number) after.get("archivePercentage")).doubleValue())
                .isCloseTo(archivedTotal * 100.0 / all, within(0.01));
    }

    @Test
    void archive_statistics_give_the_failure_rate_and_the_average_lead_time_before_expiry() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<?, ?> start = statistics();
        String early = addProviderTrack(http, "user-arc-6", "Archived Early", now.plus(10, ChronoUnit.DAYS));
        String late = addProviderTrack(http, "user-arc-6", "Archived Late", now.plus(10, ChronoUnit.DAYS));
        archivedBeforeExpiry(early, "5 days");
        archivedBeforeExpiry(late, "3 days");

        Map<?, ?> archived = statistics();
        long before = number(start, "totalArchived");
        Duration sumBefore = averageLeadTime(start).multipliedBy(before);
        Duration sumAfter = averageLeadTime(archived).multipliedBy(before + 2);
        // Each average is rounded to the millisecond.
        assertThat(sumAfter.minus(sumBefore).minus(Duration.ofDays(8)).abs())
                .isLessThanOrEqualTo(Duration.ofMillis(2 * before + 2));

        addExpiredProviderTrack(http, db, "user-arc-6", "Lost To Expiry", now.minus(1, ChronoUnit.HOURS));
        String failed = addProviderTrack(http, "user-arc-6", "Failed For Good", now.plus(9, ChronoUnit.DAYS));
        db.sql("UPDATE tracks SET archive_due_at = NULL, last_archive_error = 'provider answered 404' WHERE id = :id")
                .bind("id", failed).then().block();
        addProviderTrack(http, "user-arc-6", "Still Pending", now.plus(9, ChronoUnit.DAYS));

        Map<?, ?> after = statistics();
        assertThat(number(after, "totalArchived")).isEqualTo(number(archived, "totalArchived"));
        // failureRate = lost / (archived + lost): the lost tracks it implies grew by the two added.
        assertThat(lost(after) - lost(archived)).isEqualTo(2);
        assertThat(rate(after)).isGreaterThan(rate(archived)).isLessThan(1.0);
    }

    private void archivedBeforeExpiry(String id, String lead) {
        db.sql("UPDATE tracks SET archived_at = provider_expires_at - interval '" + lead + "', archive_due_at = NULL"
                + " WHERE id = :id").bind("id", id).then().block();
    }

    private static Duration averageLeadTime(Map<?, ?> statistics) {
        Object value = statistics.get("averageLeadTime");
        return value == null ? Duration.ZERO : Duration.parse((String) value);
    }

    private static double rate(Map<?, ?> statistics) {
        return ((Number) statistics.get("failureRate")).doubleValue();
    }

    private static long lost(Map<?, ?> statistics) {
        double rate = rate(statistics);
        return Math.round(rate * number(statistics, "totalArchived") / (1 - rate));
    }

    @Test
    void a_run_sends_ArchiveDue_now_for_urgent_archives_most_urgent_first_and_answers_which() {
        String user = "user-run-" + UUID.randomUUID();
        Instant now = Instant.now();
        // Sooner than anything else in this database, so that they come first in the run.
        String first = add(user, "https://cdn.provider.test/run-1.mp3", now.plusSeconds(120));
        String second = add(user, "https://cdn.provider.test/run-2.mp3", now.plusSeconds(180));
        String third = add(user, "https://cdn.provider.test/run-3.mp3", now.plusSeconds(240));

        Map<?, ?> run = run(2).expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(run.get("requested")).isEqualTo(2);
        assertThat((List<Object>) run.get("trackIds")).containsExactly(first, second);
        ArchiveDue event = awaitArchiveDue(first, 1).get(0);
        assertThat(event.getAttempt()).isEqualTo(1);
        assertThat(event.getUserId()).isEqualTo(user);
        assertThat(awaitArchiveDue(second, 1).get(0).getAttempt()).isEqualTo(1);
        assertThat(attempts(third)).isZero();
        assertThat(attempts(first)).isEqualTo(1);
    }

    @Test
    void a_run_leaves_archives_that_are_neither_due_nor_urgent_and_those_that_stopped_for_good() {
        String user = "user-run-" + UUID.randomUUID();
        String later = addProviderTrack(http, user, "Not Yet", Instant.now().plus(10, ChronoUnit.DAYS));
        String stopped = addProviderTrack(http, user, "Stopped", Instant.now().plus(1, ChronoUnit.DAYS));
        db.sql("UPDATE tracks SET archive_due_at = NULL, last_archive_error = 'provider answered 404' WHERE id = :id")
                .bind("id", stopped).then().block();

        Map<?, ?> run = run(1000).expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();

        assertThat((List<Object>) run.get("trackIds")).doesNotContain(later, stopped);
        assertThat(attempts(later)).isZero();
        assertThat(attempts(stopped)).isZero();
    }

    @Test
    void a_run_without_a_limit_between_1_and_1000_answers_400_naming_limit() {
        for (Object body : new Object[] {Map.of("limit", 0), Map.of("limit", 1001), Map.of()}) {
            JsonNode problem = run(body).expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(problem.get("errors").findValuesAsString("field")).as(body.toString()).containsExactly("limit");
        }
    }

    @Test
    void only_an_admin_runs_archives() {
        http.post().uri("/api/v1/admin/archive/run").headers(h -> h.setBearerAuth(TestTokens.forUser("user-run-nosy")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("limit", 1))
                .exchange().expectStatus().isForbidden();
    }

    private String add(String user, String audioUrl, Instant expiresAt) {
        Map<?, ?> track = http.post().uri("/api/v1/tracks")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Run", "artist", "Model",
                        "provider", Map.of("name", "suno", "audioUrl", audioUrl, "expiresAt", expiresAt.toString())))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) track.get("id");
    }

    private WebTestClient.ResponseSpec run(int limit) {
        return run(Map.of("limit", limit));
    }

    private WebTestClient.ResponseSpec run(Object body) {
        return http.post().uri("/api/v1/admin/archive/run").headers(h -> h.setBearerAuth(ADMIN_TOKEN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private int attempts(String id) {
        return db.sql("SELECT archive_attempts FROM tracks WHERE id = :id").bind("id", id)
                .map(row -> row.get("archive_attempts", Integer.class)).one().block();
    }

    private Map<?, ?> statistics() {
        return http.get().uri("/api/v1/admin/archive/statistics")
                .headers(headers -> headers.setBearerAuth(ADMIN_TOKEN))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static long delta(Map<?, ?> before, Map<?, ?> after, String field) {
        return number(after, field) - number(before, field);
    }

    private static long number(Map<?, ?> statistics, String field) {
        return ((Number) statistics.get(field)).longValue();
    }

    private WebTestClient.ResponseSpec archive(String userId, String trackId) {
        return http.post().uri("/api/v1/tracks/{id}/archive", trackId)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(userId)))
                .exchange();
    }

    private List<ArchiveDue> awaitArchiveDue(String trackId, int count) {
        return await().atMost(Duration.ofSeconds(60))
                .until(() -> archiveDue.records().stream().filter(r -> trackId.equals(r.key()))
                        .map(r -> (ArchiveDue) r.value()).toList(), events -> events.size() >= count);
    }
}
