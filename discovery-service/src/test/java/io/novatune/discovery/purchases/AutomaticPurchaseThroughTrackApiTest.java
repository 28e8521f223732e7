package io.novatune.discovery.purchases;

import io.novatune.discovery.DiscoveryIntegrationTest;
import io.novatune.discovery.wantlist.WantList;
import io.novatune.discovery.wantlist.WantListEntry;
import io.novatune.events.Topics;
import io.novatune.events.TrackAdded;
import io.novatune.testsupport.kafka.KafkaProbe;
import io.novatune.testsupport.trackapi.TrackApiJar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.novatune.discovery.catalog.CatalogFixture.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** End to end: a library add through the real track-api, its outbox relay to track-added, this service's want-list. */
class AutomaticPurchaseThroughTrackApiTest extends DiscoveryIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static TrackApiJar trackApi;

    @Autowired
    WantList wantList;

    @BeforeAll
    static void startTrackApi() {
        trackApi = TrackApiJar.start(TrackApiJar.Settings.of(
                "tracks_discovery_it", "tracks-discovery-it", "discovery-it-secret-discovery-it-secret-0123456789"));
    }

    @AfterAll
    static void stopTrackApi() {
        if (trackApi != null) {
            trackApi.close();
        }
    }

    @Test
    void adding_wanted_tracks_to_the_library_in_track_api_marks_them_purchased_and_another_users_adds_touch_nothing()
            throws Exception {
        String user = "user-" + UUID.randomUUID();
        String stranger = "user-" + UUID.randomUUID();
        WantedTracks wanted = new WantedTracks(db, store, wantList, user);
        String isrc = WantedTracks.randomIsrc();
        String byIsrc = wanted.want(track("Floating Points", "LesAlpx", null, null, null, isrc, null, null));
        String byName = wanted.want(track("Hot Chip", "Flutes", "Sasha Remix", null, null, null, null, null));
        String strangersOnly = wanted.want(track("Bicep", "Glue", null, null, null, null, null, null));

        // The stranger adds all three recordings first: none of the user's entries may change.
        assertThat(add(stranger, "Floating Points", "LesAlpx", isrc).statusCode()).isEqualTo(201);
        assertThat(add(stranger, "Hot Chip", "Flutes (Sasha Remix)", null).statusCode()).isEqualTo(201);
        HttpResponse<String> strangers = add(stranger, "Bicep", "Glue", null);
        assertThat(strangers.statusCode()).as(strangers.body()).isEqualTo(201);
        String strangersTrack = new ObjectMapper().readTree(strangers.body()).path("id").asString();
        KafkaProbe kafka = KafkaProbe.shared();
        await().atMost(PATIENCE).until(() -> kafka.events(Topics.TRACK_ADDED, TrackAdded.class).stream()
                .anyMatch(event -> event.getTrackId().equals(strangersTrack)));

        // The user's adds: one by ISRC (track-api writes it with hyphens, under another title), one by name.
        String typed = (isrc.substring(0, 2) + "-" + isrc.substring(2, 5) + "-" + isrc.substring(5, 7) + "-"
                + isrc.substring(7)).toLowerCase();
        HttpResponse<String> first = add(user, "Floating Points", "Les Alpx (Radio Edit)", typed);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        HttpResponse<String> second = add(user, "Hot Chip", "Flutes (Sasha Remix)", null);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        JsonNode firstTrack = new ObjectMapper().readTree(first.body());
        JsonNode secondTrack = new ObjectMapper().readTree(second.body());

        await().atMost(PATIENCE).until(() -> wanted.entry(byIsrc).status().equals("purchased")
                && wanted.entry(byName).status().equals("purchased"));
        await().atMost(PATIENCE).until(() -> kafka.groupCaughtUp("discovery-service", Topics.TRACK_ADDED));
        WantListEntry one = wanted.entry(byIsrc);
        assertThat(one.libraryTrackId()).isEqualTo(firstTrack.path("id").asString());
        assertThat(one.purchasedAt()).isBetween(Instant.now().minus(PATIENCE.multipliedBy(2)), Instant.now());
        WantListEntry two = wanted.entry(byName);
        assertThat(two.libraryTrackId()).isEqualTo(secondTrack.path("id").asString());
        assertThat(two.purchasedAt()).isNotNull();
        WantListEntry untouched = wanted.entry(strangersOnly);
        assertThat(untouched.status()).isEqualTo("wanted");
        assertThat(untouched.libraryTrackId()).isNull();
    }

    private static HttpResponse<String> add(String userId, String artist, String title, String isrc) throws Exception {
        return trackApi.post("/api/v1/tracks", userId, """
                {"title": "%s", "artist": "%s", %s "catalogRef": {"service": "spotify", "id": "%s"}}
                """.formatted(title, artist, isrc == null ? "" : "\"isrc\": \"" + isrc + "\",",
                UUID.randomUUID().toString().replace("-", "").substring(0, 22)));
    }
}
