package io.novatune.trackapi.archive;

import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TrackApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.novatune.trackapi.TestTracks.addCatalogTrack;
import static io.novatune.trackapi.TestTracks.addExpiredProviderTrack;
import static io.novatune.trackapi.TestTracks.addProviderTrack;
import static org.assertj.core.api.Assertions.assertThat;

class ArchiveWarningsTest extends TrackApiIntegrationTest {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Test
    void a_user_is_warned_of_every_provider_track_at_risk_and_of_nothing_else() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        addProviderTrack(http, "user-warn-1", "Safe", now.plus(10, ChronoUnit.DAYS));
        String expiring = addProviderTrack(http, "user-warn-1", "Expiring", now.plus(1, ChronoUnit.DAYS));
        String expired = addExpiredProviderTrack(http, db, "user-warn-1", "Expired", now.minus(1, ChronoUnit.DAYS));
        String failed = addProviderTrack(http, "user-warn-1", "Failed", now.plus(9, ChronoUnit.DAYS));
        // As the archive-results listener leaves a track after a non-retryable ArchiveFailed (ArchiveFlowTest).
        db.sql("UPDATE tracks SET archive_due_at = NULL, archive_attempts = 1, last_archive_error = 'provider answered 404'"
                + " WHERE id = :id").bind("id", failed).then().block();
        String archived = addProviderTrack(http, "user-warn-1", "Archived Just Before", now.plus(1, ChronoUnit.DAYS));
        db.sql("UPDATE tracks SET archived_at = now(), archive_due_at = NULL WHERE id = :id").bind("id", archived).then().block();
        addCatalogTrack(http, "user-warn-1", "Catalog");
        addProviderTrack(http, "user-warn-2", "Someone Else's", now.plus(1, ChronoUnit.HOURS));

        List<Map<?, ?>> items = warnings("user-warn-1");

        assertThat(items.stream().map(item -> String.valueOf(item.get("trackId"))).toList()).containsExactly(expired, expiring, failed);
        assertThat(items.stream().map(item -> String.valueOf(item.get("reason"))).toList()).containsExactly("EXPIRED", "EXPIRING", "FAILED");
        assertThat(items.get(1).get("title")).isEqualTo("Expiring");
        assertThat(Instant.parse((String) items.get(1).get("expiresAt"))).isEqualTo(now.plus(1, ChronoUnit.DAYS));
        assertThat(items.get(2).get("lastError")).isEqualTo("provider answered 404");
    }

    @Test
    void a_user_with_nothing_at_risk_gets_an_empty_list() {
        addProviderTrack(http, "user-warn-3", "Safe", Instant.now().plus(10, ChronoUnit.DAYS));

        assertThat(warnings("user-warn-3")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<Map<?, ?>> warnings(String userId) {
        Map<?, ?> body = http.get().uri("/api/v1/me/archive-warnings")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(userId)))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<?, ?>>) body.get("items");
    }
}
