package io.novatune.trackapi.deletion;

import io.novatune.events.Topics;
import io.novatune.events.TrackPurgeDue;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.novatune.trackapi.TestTracks.addCatalogTrack;
import static io.novatune.trackapi.TestTracks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AdminDeletionEndpointsTest extends TrackApiIntegrationTest {

    static final String ADMIN = "admin-ops";

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    TopicRecorder trackDeleted;

    @BeforeEach
    void listen() {
        trackDeleted = new TopicRecorder(kafka(), Topics.TRACK_DELETED);
    }

    @AfterEach
    void stopListening() throws InterruptedException {
        trackDeleted.close();
    }

    @Test
    void admins_list_failed_purges_page_by_page_and_a_retry_sends_the_purge_again_from_attempt_one() {
        List<String> failed = List.of(failedPurge("user-adm-1", "Stuck One"), failedPurge("user-adm-1", "Stuck Two"));

        List<String> listed = new ArrayList<>();
        String after = "";
        do {
            String from = after;
            Map<?, ?> page = http.get().uri(uri -> uri.path("/api/v1/admin/deletions")
                            .queryParam("status", "DELETE_FAILED").queryParam("limit", 1).queryParam("after", from)
                            .build())
                    .headers(headers -> headers.setBearerAuth(TestTokens.forUser(ADMIN, "admin")))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            List<?> items = (List<?>) page.get("items");
            items.forEach(item -> {
                Map<?, ?> entry = (Map<?, ?>) item;
                assertThat(entry.get("status")).isEqualTo("DELETE_FAILED");
                listed.add((String) entry.get("trackId"));
            });
            after = (String) page.get("nextAfter");
        } while (after != null);
        assertThat(listed).containsAll(failed).doesNotHaveDuplicates();

        String id = failed.get(0);
        Map<?, ?> retry = retry(id).expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(retry.get("status")).isEqualTo("PURGING");
        assertThat(retry.get("attempt")).isEqualTo(1);
        assertThat(status(db, id)).isEqualTo("PURGING");
        TrackPurgeDue due = await().atMost(Duration.ofSeconds(60)).until(() -> trackDeleted.records().stream()
                        .filter(r -> id.equals(r.key()) && r.value() instanceof TrackPurgeDue)
                        .map(r -> (TrackPurgeDue) r.value()).findFirst(), found -> found.isPresent())
                .orElseThrow();
        assertThat(due.getAttempt()).isEqualTo(1);
        assertThat(due.getUserId()).isEqualTo("user-adm-1");

        // Now PURGING: nothing to retry.
        retry(id).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://novatune.io/problems/purge-not-failed")
                .jsonPath("$.status").isEqualTo(409);
    }

    @Test
    void retrying_an_unknown_track_answers_404_and_a_track_that_did_not_fail_409() {
        retry("01JUNKNOWN0000000000000000").expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        String ready = addCatalogTrack(http, "user-adm-2", "Fine");
        retry(ready).expectStatus().isEqualTo(409);
        assertThat(status(db, ready)).isEqualTo("READY");
    }

    @Test
    void an_unknown_status_in_the_list_answers_400_problem() {
        http.get().uri("/api/v1/admin/deletions?status=READY")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(ADMIN, "admin")))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void a_user_wide_purge_claims_every_track_of_that_user_at_once_and_no_one_elses() {
        String user = "user-leaving";
        List<String> mine = new ArrayList<>(List.of(addCatalogTrack(http, user, "Mine 1"), addCatalogTrack(http, user, "Mine 2"),
                addCatalogTrack(http, user, "Mine 3")));
        http.delete().uri("/api/v1/tracks/{id}", mine.get(2))
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user))).exchange().expectStatus().isAccepted();
        String someoneElses = addCatalogTrack(http, "user-staying", "Theirs");

        http.post().uri("/api/v1/admin/users/{userId}/purge", user)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(ADMIN, "admin")))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody()
                .jsonPath("$.userId").isEqualTo(user)
                .jsonPath("$.tracksPurging").isEqualTo(3);

        mine.forEach(id -> assertThat(status(db, id)).isEqualTo("PURGING"));
        assertThat(status(db, someoneElses)).isEqualTo("READY");
        await().atMost(Duration.ofSeconds(60)).until(() -> purgeDueKeys().containsAll(mine));
        assertThat(trackDeleted.records()).filteredOn(r -> mine.contains(r.key()) && r.value() instanceof TrackPurgeDue)
                .allSatisfy(r -> assertThat(((TrackPurgeDue) r.value()).getAttempt()).isEqualTo(1));
        // Already purging: a second request claims nothing more.
        http.post().uri("/api/v1/admin/users/{userId}/purge", user)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(ADMIN, "admin")))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.tracksPurging").isEqualTo(0);
        // Nor can the user bring any of them back.
        http.post().uri("/api/v1/tracks/{id}/restore", mine.get(2))
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .exchange()
                .expectStatus().isEqualTo(410);
    }

    @Test
    void the_admin_endpoints_answer_403_problem_to_a_user_without_the_admin_role() {
        String user = TestTokens.forUser("user-adm-3");
        http.get().uri("/api/v1/admin/deletions").headers(headers -> headers.setBearerAuth(user)).exchange()
                .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/v1/admin/tracks/{id}/purge/retry", "01JUNKNOWN0000000000000000")
                .headers(headers -> headers.setBearerAuth(user)).exchange()
                .expectStatus().isForbidden();
        http.post().uri("/api/v1/admin/users/{userId}/purge", "user-adm-3")
                .headers(headers -> headers.setBearerAuth(user)).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/v1/admin/archive/statistics").headers(headers -> headers.setBearerAuth(user)).exchange()
                .expectStatus().isForbidden();
    }

    /** A deleted track whose purge gave up, as the reconciler leaves it (the reconciler itself is tested in PurgeReconcilerTest). */
    private String failedPurge(String userId, String title) {
        String id = addCatalogTrack(http, userId, title);
        http.delete().uri("/api/v1/tracks/{id}", id)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(userId))).exchange().expectStatus().isAccepted();
        db.sql("""
                        UPDATE tracks SET status = 'DELETE_FAILED', scheduled_deletion_at = now(),
                                          purge_requested_at = now(), purge_attempts = 5
                         WHERE id = :id""")
                .bind("id", id).then().block();
        return id;
    }

    private WebTestClient.ResponseSpec retry(String trackId) {
        return http.post().uri("/api/v1/admin/tracks/{id}/purge/retry", trackId)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(ADMIN, "admin")))
                .exchange();
    }

    private Set<String> purgeDueKeys() {
        return trackDeleted.records().stream().filter(r -> r.value() instanceof TrackPurgeDue)
                .map(r -> r.key()).collect(Collectors.toSet());
    }
}
