package io.novatune.trackapi.album.spotify;

import io.novatune.infra.standin.CatalogFault;
import io.novatune.infra.standin.SpotifyStandIn;
import io.novatune.trackapi.album.AlbumCatalog;
import io.novatune.trackapi.album.CatalogAlbum;
import io.novatune.trackapi.album.CatalogAlbumUnknownException;
import io.novatune.trackapi.album.CatalogUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.reactive.function.client.WebClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Spotify adapter against the Spotify stand-in, a real HTTP server answering in the Web API's shapes. */
class SpotifyCatalogTest {

    /** Recorded: Aphex Twin's Selected Ambient Works 85-92, 13 tracks. */
    private static final String SELECTED_AMBIENT_WORKS = "7QZNTs0SAW8592AmbWorks";
    private static final SpotifyStandIn SPOTIFY = SpotifyStandIn.start();

    @AfterAll
    static void stop() {
        SPOTIFY.close();
    }

    @Test
    void an_album_is_listed_in_album_order_with_the_isrcs_of_its_full_track_objects() {
        CatalogAlbum album = catalog(SPOTIFY.apiUrl(), 50).album(SELECTED_AMBIENT_WORKS).block();

        assertThat(album.title()).isEqualTo("Selected Ambient Works 85-92");
        assertThat(album.artist()).isEqualTo("Aphex Twin");
        assertThat(album.tracks()).hasSize(13);
        assertThat(album.tracks().get(0)).isEqualTo(new CatalogAlbum.Track("QZNT01SAW85920000Trk01", "Xtal", "Aphex Twin",
                "QZNTB9200001", 291_000L));
        assertThat(album.tracks()).extracting(CatalogAlbum.Track::isrc).allMatch(isrc -> isrc.matches("QZNTB92000\\d\\d"));
        assertThat(SPOTIFY.requests()).filteredOn(request -> request.path().startsWith("/v1/"))
                .allSatisfy(request -> assertThat(request.market()).isEqualTo("NO"));
    }

    @Test
    void a_120_track_album_follows_its_track_pages_and_asks_for_its_isrcs_50_ids_at_a_time() {
        SpotifyStandIn.Album long_ = SpotifyStandIn.Album.of(newId(), "Long Player", "Various", 120);
        SPOTIFY.add(long_);

        CatalogAlbum album = catalog(SPOTIFY.apiUrl(), 50).album(long_.id()).block();

        assertThat(album.tracks()).hasSize(120);
        assertThat(album.tracks()).extracting(CatalogAlbum.Track::title).startsWith("Part 1", "Part 2").endsWith("Part 120");
        assertThat(album.tracks()).allSatisfy(track -> assertThat(track.isrc()).startsWith("QZNTS"));
        assertThat(SPOTIFY.trackBatchSizes(long_.id())).containsExactly(50, 50, 20);
        // The album answer embeds the first 50; two more pages follow along tracks.next.
        assertThat(SPOTIFY.requests()).filteredOn(request -> request.path().equals("/v1/albums/" + long_.id() + "/tracks"))
                .hasSize(2);
    }

    @Test
    void a_429_with_a_short_Retry_After_is_waited_out_and_the_listing_then_succeeds() {
        SpotifyStandIn.Album album = SpotifyStandIn.Album.of(newId(), "Patience", "Waiter", 3);
        SPOTIFY.add(album);
        SPOTIFY.failNext(album.id(), 1, CatalogFault.tooManyRequests(Duration.ofSeconds(1)));

        assertThat(catalog(SPOTIFY.apiUrl(), 50).album(album.id()).block().tracks()).hasSize(3);
        assertThat(SPOTIFY.requests()).filteredOn(request -> request.path().equals("/v1/albums/" + album.id())).hasSize(2);
    }

    @Test
    void an_unknown_album_is_the_callers_mistake_and_an_outage_is_unavailable() {
        assertThatThrownBy(() -> catalog(SPOTIFY.apiUrl(), 50).album("0000000000000000000000").block())
                .isInstanceOf(CatalogAlbumUnknownException.class);

        SpotifyStandIn.Album album = SpotifyStandIn.Album.of(newId(), "Down", "Outage", 2);
        SPOTIFY.add(album);
        SPOTIFY.failNext(album.id(), 10, CatalogFault.unavailable());
        assertThatThrownBy(() -> catalog(SPOTIFY.apiUrl(), 50).album(album.id()).block())
                .isInstanceOf(CatalogUnavailableException.class).hasMessageContaining("Spotify answered 503");
    }

    @Test
    void a_next_page_link_outside_the_configured_api_is_not_followed_with_our_token() {
        SpotifyStandIn.Album long_ = SpotifyStandIn.Album.of(newId(), "Elsewhere", "Redirector", 60);
        SPOTIFY.add(long_);
        // Configured as localhost, the stand-in's links name 127.0.0.1: another origin as far as the adapter knows.
        URI otherSpelling = URI.create(SPOTIFY.apiUrl().toString().replace("127.0.0.1", "localhost"));

        assertThatThrownBy(() -> catalog(otherSpelling, 50).album(long_.id()).block())
                .isInstanceOf(CatalogUnavailableException.class).hasMessageContaining("outside its API");
    }

    @Test
    void the_adapter_is_off_by_default_and_on_when_enabled() {
        ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Adapter.class);
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AlbumCatalog.class));
        runner.withPropertyValues("novatune.catalog.spotify.enabled=true")
                .run(context -> assertThat(context).hasNotFailed().getBean(AlbumCatalog.class)
                        .extracting(AlbumCatalog::service).isEqualTo("spotify"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SpotifyProperties.class)
    @Import(SpotifyCatalog.class)
    static class Adapter {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    private static SpotifyCatalog catalog(URI apiUrl, int batchSize) {
        SpotifyProperties properties = new SpotifyProperties(true, SPOTIFY.tokenUrl(), apiUrl, SpotifyStandIn.CLIENT_ID,
                SpotifyStandIn.CLIENT_SECRET, "NO", batchSize, Duration.ofSeconds(5), 3, Duration.ofMillis(50),
                Duration.ofSeconds(5), 50, 20);
        return new SpotifyCatalog(properties, new StaticListableBeanFactory().getBeanProvider(WebClient.Builder.class),
                Clock.systemUTC());
    }

    private static String newId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    }
}
