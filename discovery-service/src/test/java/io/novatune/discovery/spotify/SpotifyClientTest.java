package io.novatune.discovery.spotify;

import io.novatune.discovery.lookup.Candidate;
import io.novatune.discovery.lookup.LookupCache;
import io.novatune.discovery.lookup.LookupCacheProperties;
import io.novatune.discovery.lookup.RequestPolicy;
import io.novatune.discovery.lookup.SearchQuery;
import io.novatune.infra.standin.MusicDatabaseStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.web.reactive.function.client.WebClient;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The adapter alone against the stand-in (no Spring, no database cache). */
class SpotifyClientTest {

    private final MusicDatabaseStandIn standIn = MusicDatabaseStandIn.start().withRecordedCatalog();

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void the_access_token_is_reused_until_shortly_before_it_expires_then_renewed() {
        // Valid 31 s, renewed 30 s early: usable for one second.
        standIn.withSpotifyTokenLifetime(Duration.ofSeconds(31));
        SpotifyClient spotify = client();

        spotify.search(new SearchQuery("Bicep", "Glue")).block();
        spotify.search(new SearchQuery("Kiasmos", "Looped")).block();
        assertThat(standIn.spotifyTokensIssued()).isEqualTo(1);

        await().pollDelay(Duration.ofMillis(1100)).atMost(Duration.ofSeconds(5)).until(() -> true);
        spotify.search(new SearchQuery("Nobody", "Nothing")).block();
        assertThat(standIn.spotifyTokensIssued()).isEqualTo(2);
    }

    @Test
    void a_candidate_carries_the_tempo_and_key_of_its_audio_features() {
        List<Candidate> found = client().search(new SearchQuery("Bicep", "Glue")).block();

        assertThat(found).hasSize(1);
        Candidate glue = found.get(0);
        assertThat(glue.source()).isEqualTo("spotify");
        assertThat(glue.track().isrc()).isEqualTo("GBCFB1700051");
        assertThat(glue.track().durationMs()).isEqualTo(269_000L);
        assertThat(glue.bpm()).isEqualTo(130.0);
        assertThat(glue.musicalKey()).isEqualTo("F minor");
    }

    private SpotifyClient client() {
        RequestPolicy fast = new RequestPolicy(50, Duration.ofSeconds(1), Duration.ofSeconds(10), 4, Duration.ofMillis(100),
                Duration.ofSeconds(5));
        SpotifyProperties properties = new SpotifyProperties(true, standIn.spotifyUrl(), standIn.spotifyTokenUrl(),
                "client", "secret", 10, 3, fast);
        LookupCache memoryOnly = new LookupCache(null, new LookupCacheProperties(false, Duration.ofDays(1), Duration.ofHours(1)),
                Optional.empty());
        return new SpotifyClient(properties, new StaticListableBeanFactory().getBeanProvider(WebClient.Builder.class), memoryOnly);
    }
}
