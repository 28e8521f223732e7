package io.novatune.trackapi.quota;

import io.novatune.trackapi.LibraryIntegrationTest;
import io.novatune.trackapi.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class QuotaTest extends LibraryIntegrationTest {

    private static final long DEFAULT_LIMIT = 10L * 1024 * 1024 * 1024;

    @Test
    void a_user_who_never_uploaded_has_used_nothing_of_the_default_limit() {
        quota(newUser()).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.usedBytes").isEqualTo(0)
                .jsonPath("$.limitBytes").isEqualTo(DEFAULT_LIMIT)
                .jsonPath("$.trackCount").isEqualTo(0);
    }

    @Test
    void uploads_count_their_bytes_and_every_track_not_yet_purged_counts_as_a_track() {
        String user = newUser();
        uploaded(user, audio(123_456));
        uploaded(user, audio(654_321));
        addCatalogTrack(user);
        String deleted = addCatalogTrack(user);
        execute("UPDATE tracks SET status = 'DELETED', deleted_at = now(), scheduled_deletion_at = now() WHERE id = :id",
                deleted);

        quota(user).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.usedBytes").isEqualTo(123_456 + 654_321)
                .jsonPath("$.limitBytes").isEqualTo(DEFAULT_LIMIT)
                .jsonPath("$.trackCount").isEqualTo(4);
    }

    @Test
    void a_quota_is_the_callers_own() {
        String uploader = newUser();
        uploaded(uploader, audio(10_000));
        setQuotaLimit(uploader, 50_000);

        quota(uploader).expectBody().jsonPath("$.usedBytes").isEqualTo(10_000).jsonPath("$.limitBytes").isEqualTo(50_000);
        quota(newUser()).expectBody()
                .jsonPath("$.usedBytes").isEqualTo(0)
                .jsonPath("$.limitBytes").isEqualTo(DEFAULT_LIMIT)
                .jsonPath("$.trackCount").isEqualTo(0);
    }

    @Test
    void the_quota_needs_a_token() {
        client().get().uri("/api/v1/me/quota").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient.ResponseSpec quota(String user) {
        return client().get().uri("/api/v1/me/quota")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .exchange();
    }
}
