package io.novatune.discovery.lookup;

import io.novatune.discovery.DiscoveryIntegrationTest;
import io.novatune.discovery.discogs.DiscogsClient;
import io.novatune.discovery.discogs.DiscogsProperties;
import io.novatune.discovery.musicbrainz.MusicBrainzClient;
import io.novatune.discovery.musicbrainz.MusicBrainzProperties;
import io.novatune.infra.standin.MusicDatabaseStandIn.Service;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.reactive.function.client.WebClient;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A new client stands for a restarted instance: its in-memory cache is empty, the database's is not. */
class LookupCacheTest extends DiscoveryIntegrationTest {

    @Autowired
    LookupCache cache;
    @Autowired
    MusicBrainzProperties musicBrainz;
    @Autowired
    DiscogsProperties discogs;
    @Autowired
    ObjectProvider<WebClient.Builder> builders;

    @Test
    void a_search_answered_before_a_restart_is_answered_after_it_from_the_database_without_a_request() {
        SearchQuery query = new SearchQuery("Floating Points", "Silhouettes (I, II & III)");
        db.sql("DELETE FROM lookup_cache").then().block();
        List<Candidate> before = new MusicBrainzClient(musicBrainz, builders, cache).search(query).block();
        int asked = MUSIC_DATABASES.requests(Service.MUSICBRAINZ).size();

        List<Candidate> after = new MusicBrainzClient(musicBrainz, builders, cache).search(query).block();

        assertThat(after).isEqualTo(before);
        assertThat(MUSIC_DATABASES.requests(Service.MUSICBRAINZ)).hasSize(asked);
        assertThat(db.sql("SELECT count(*) AS n FROM lookup_cache WHERE source = 'musicbrainz'")
                .map(row -> row.get("n", Long.class)).one().block()).isPositive();
    }

    @Test
    void a_discogs_search_survives_a_restart_too_and_the_query_is_normalised() {
        db.sql("DELETE FROM lookup_cache").then().block();
        List<Candidate> before = new DiscogsClient(discogs, builders, cache)
                .search(new SearchQuery("Ross From Friends", "Talk To Me You'll Understand")).block();
        int asked = MUSIC_DATABASES.requests(Service.DISCOGS).size();

        List<Candidate> after = new DiscogsClient(discogs, builders, cache)
                .search(new SearchQuery("ross from friends", "TALK TO ME YOU'LL UNDERSTAND")).block();

        assertThat(before).isNotEmpty();
        assertThat(after).isEqualTo(before);
        assertThat(MUSIC_DATABASES.requests(Service.DISCOGS)).hasSize(asked);
    }

    @Test
    void an_expired_answer_is_ignored_asked_again_and_swept() {
        SearchQuery query = new SearchQuery("Hot Chip", "Flutes");
        db.sql("DELETE FROM lookup_cache").then().block();
        new MusicBrainzClient(musicBrainz, builders, cache).search(query).block();
        db.sql("UPDATE lookup_cache SET answer = '[]', expires_at = :past")
                .bind("past", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1)).then().block();
        int asked = MUSIC_DATABASES.requests(Service.MUSICBRAINZ).size();

        List<Candidate> again = new MusicBrainzClient(musicBrainz, builders, cache).search(query).block();

        assertThat(again).isNotEmpty();
        assertThat(MUSIC_DATABASES.requests(Service.MUSICBRAINZ)).hasSizeGreaterThan(asked);
        db.sql("UPDATE lookup_cache SET expires_at = :past").bind("past", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))
                .then().block();
        assertThat(cache.sweep().block()).isPositive();
        assertThat(db.sql("SELECT count(*) AS n FROM lookup_cache").map(row -> row.get("n", Long.class)).one().block()).isZero();
    }
}
