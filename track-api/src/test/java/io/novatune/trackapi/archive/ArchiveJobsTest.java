package io.novatune.trackapi.archive;

import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TrackApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.novatune.trackapi.TestTracks.addExpiredProviderTrack;
import static io.novatune.trackapi.TestTracks.addProviderTrack;
import static org.assertj.core.api.Assertions.assertThat;

@SuppressWarnings("unchecked")
class ArchiveJobsTest extends TrackApiIntegrationTest {

    private static final String ADMIN = TestTokens.forUser("admin-jobs", "admin");

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Test
    void the_jobs_view_lists_pending_urgent_and_failed_jobs_in_cursor_pages_soonest_expiry_first() {
        String user = "user-jobs-" + UUID.randomUUID();
        Instant now = Instant.now();
        String urgent = addProviderTrack(http, user, "Urgent Job", now.plus(1, ChronoUnit.DAYS));
        String pending = addProviderTrack(http, user, "Pending Job", now.plus(10, ChronoUnit.DAYS));
        String failed = addProviderTrack(http, user, "Failed Job", now.plus(9, ChronoUnit.DAYS));
        db.sql("UPDATE tracks SET archive_due_at = NULL, archive_attempts = 2, last_archive_error = 'provider answered 403'"
                + " WHERE id = :id").bind("id", failed).then().block();
        String archived = addProviderTrack(http, user, "Archived Job", now.plus(1, ChronoUnit.DAYS));
        db.sql("UPDATE tracks SET archived_at = now(), archive_due_at = NULL WHERE id = :id").bind("id", archived).then().block();
        addExpiredProviderTrack(http, db, user, "Expired Job", now.minus(1, ChronoUnit.HOURS));

        List<Map<String, Object>> allPending = allPages("PENDING", 3);
        List<Map<String, Object>> allUrgent = allPages("URGENT", 3);
        List<Map<String, Object>> allFailed = allPages("failed", 3);

        assertThat(ids(allPending)).doesNotHaveDuplicates();
        assertThat(allPending).isSortedAccordingTo(Comparator.comparing((Map<String, Object> job) -> Instant.parse((String) job.get("expiresAt")))
                .thenComparing(job -> (String) job.get("trackId")));
        assertThat(ids(ofUser(allPending, user))).containsExactly(urgent, pending);
        assertThat(ids(ofUser(allUrgent, user))).containsExactly(urgent);
        assertThat(ids(ofUser(allFailed, user))).containsExactly(failed);

        Map<String, Object> job = ofUser(allPending, user).get(0);
        assertThat(job.get("userId")).isEqualTo(user);
        assertThat(job.get("title")).isEqualTo("Urgent Job");
        assertThat(job.get("status")).isEqualTo("PENDING");
        assertThat(job.get("urgent")).isEqualTo(true);
        assertThat(job.get("attempts")).isEqualTo(0);
        assertThat((Map<String, Object>) job.get("provider")).containsEntry("name", "suno")
                .containsEntry("audioUrl", "https://cdn.provider.test/Urgent-Job.mp3")
                .containsEntry("coverUrl", "https://cdn.provider.test/Urgent-Job.jpg");
        assertThat(job).containsKeys("createdAt", "dueAt", "expiresAt", "stored");
        Map<String, Object> failedJob = ofUser(allFailed, user).get(0);
        assertThat(failedJob.get("status")).isEqualTo("FAILED");
        assertThat(failedJob.get("attempts")).isEqualTo(2);
        assertThat(failedJob.get("lastError")).isEqualTo("provider answered 403");
        assertThat(failedJob).doesNotContainKey("dueAt");
    }

    @Test
    void the_jobs_view_never_shows_a_signed_links_query_string() {
        String user = "user-jobs-" + UUID.randomUUID();
        http.post().uri("/api/v1/tracks")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Signed", "artist", "Model", "provider", Map.of("name", "suno",
                        "audioUrl", "https://cdn.provider.test/signed.mp3?X-Amz-Signature=SECRET&X-Amz-Expires=3600",
                        "expiresAt", Instant.now().plusSeconds(600).toString())))
                .exchange()
                .expectStatus().isCreated();

        Map<String, Object> job = ofUser(allPages("URGENT", 100), user).get(0);

        assertThat(((Map<String, Object>) job.get("provider")).get("audioUrl")).isEqualTo("https://cdn.provider.test/signed.mp3?…");
    }

    @Test
    void the_jobs_view_refuses_an_unknown_status_or_cursor_and_anyone_but_an_admin() {
        JsonNode problem = http.get().uri("/api/v1/admin/archive/jobs?status=DONE").headers(h -> h.setBearerAuth(ADMIN))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("status");
        http.get().uri("/api/v1/admin/archive/jobs?cursor=bm9wZQ").headers(h -> h.setBearerAuth(ADMIN))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://novatune.io/problems/invalid-cursor");
        http.get().uri("/api/v1/admin/archive/jobs").headers(h -> h.setBearerAuth(TestTokens.forUser("user-jobs-nosy")))
                .exchange().expectStatus().isForbidden();
    }

    private List<Map<String, Object>> allPages(String status, int limit) {
        List<Map<String, Object>> jobs = new ArrayList<>();
        String cursor = null;
        do {
            String query = "/api/v1/admin/archive/jobs?status=" + status + "&limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + cursor);
            Map<String, Object> page = http.get().uri(query).headers(h -> h.setBearerAuth(ADMIN))
                    .exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            List<?> items = (List<?>) page.get("items");
            assertThat(items.size()).isLessThanOrEqualTo(limit);
            items.forEach(item -> jobs.add((Map<String, Object>) item));
            cursor = (String) page.get("nextCursor");
            assertThat(page.get("hasMore")).isEqualTo(cursor != null);
        } while (cursor != null);
        return jobs;
    }

    private static List<Map<String, Object>> ofUser(List<Map<String, Object>> jobs, String user) {
        return jobs.stream().filter(job -> user.equals(job.get("userId"))).toList();
    }

    private static List<String> ids(List<Map<String, Object>> jobs) {
        return jobs.stream().map(job -> (String) job.get("trackId")).toList();
    }


}
