package io.novatune.trackapi.album.spotify;

import io.novatune.trackapi.album.AlbumCatalog;
import io.novatune.trackapi.album.CatalogAlbum;
import io.novatune.trackapi.album.CatalogUnavailableException;
import io.novatune.trackapi.album.catalogclient.CatalogClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static io.novatune.trackapi.album.catalogclient.CatalogText.clean;
import static io.novatune.trackapi.album.catalogclient.CatalogText.isrc;

/**
 * Album listings from Spotify's Web API: the album ({@code GET /albums/{id}}, its first page of tracks embedded), the
 * further pages of its tracks along {@code tracks.next} ({@code GET /albums/{id}/tracks}), then the tracks' ISRCs,
 * which only the full track objects carry, in batches of at most 50 ({@code GET /tracks?ids=…}). Every request names
 * the configured {@code market}; tokens, time limits, rate limits and retries are {@link CatalogClient}'s.
 */
@Component
@ConditionalOnProperty(prefix = "novatune.catalog.spotify", name = "enabled", havingValue = "true")
public class SpotifyCatalog implements AlbumCatalog {

    static final String SERVICE = "spotify";
    private static final Logger log = LoggerFactory.getLogger(SpotifyCatalog.class);

    private final SpotifyProperties properties;
    private final CatalogClient client;

    public SpotifyCatalog(SpotifyProperties properties, ObjectProvider<WebClient.Builder> builders, Clock clock) {
        this.properties = properties;
        this.client = new CatalogClient("Spotify", properties.client(), SpotifyCatalog::errorDetail,
                builders.getIfAvailable(WebClient::builder).build(), clock);
    }

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public Mono<CatalogAlbum> album(String albumId) {
        return client.listing(SERVICE, albumId, get(api("/albums/" + encode(albumId), null))
                .flatMap(album -> trackPages(album).collectList()
                        .flatMap(simplified -> fullTracks(simplified).map(full -> listing(album, simplified, full)))));
    }

    /** Every simplified track of the album in album order (disc, then track number), the embedded page first. */
    private Flux<JsonNode> trackPages(JsonNode album) {
        return Mono.just(album.path("tracks"))
                .expand(page -> {
                    String next = page.path("next").asString(null);
                    return next == null || next.isBlank() ? Mono.empty() : nextPage(next);
                })
                .take(properties.maxPages())
                .flatMapIterable(page -> page.path("items").valueStream().toList())
                .filter(track -> "track".equals(track.path("type").asString("track")))
                .collectSortedList(Comparator
                        .comparingInt((JsonNode track) -> track.path("disc_number").asInt(1))
                        .thenComparingInt(track -> track.path("track_number").asInt(0)))
                .flatMapIterable(sorted -> sorted);
    }

    /** The full track objects, by id, fetched {@code batchSize} ids at a time. */
    private Mono<Map<String, JsonNode>> fullTracks(List<JsonNode> simplified) {
        List<String> ids = simplified.stream().map(track -> track.path("id").asString(null))
                .filter(Objects::nonNull).distinct().toList();
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += properties.batchSize()) {
            batches.add(ids.subList(from, Math.min(from + properties.batchSize(), ids.size())));
        }
        return Flux.fromIterable(batches)
                .concatMap(batch -> get(api("/tracks", "ids=" + batch.stream().map(SpotifyCatalog::encode)
                        .collect(Collectors.joining("%2C")))))
                // An id the market does not serve answers null in its place.
                .flatMapIterable(answer -> answer.path("tracks").valueStream().filter(JsonNode::isObject).toList())
                .collectMap(track -> track.path("id").asString(), track -> track, HashMap::new);
    }

    private CatalogAlbum listing(JsonNode album, List<JsonNode> simplified, Map<String, JsonNode> full) {
        String title = album.path("name").asString(null);
        if (title == null || title.isBlank()) {
            throw new CatalogUnavailableException("Spotify answered an album without a name", false, null, null);
        }
        List<CatalogAlbum.Track> listing = new ArrayList<>();
        for (JsonNode item : simplified) {
            String trackId = item.path("id").asString(null);
            JsonNode track = trackId == null ? null : full.get(trackId);
            if (track == null) {
                log.warn("Spotify listed track {} on album {} but did not answer for it; it is left out", trackId,
                        album.path("id").asString());
                continue;
            }
            String trackTitle = clean(track.path("name").asString(""));
            if (trackTitle.isEmpty()) {
                log.warn("Spotify answered track {} without a name; it is left out", trackId);
                continue;
            }
            long duration = track.path("duration_ms").asLong(-1);
            listing.add(new CatalogAlbum.Track(trackId, trackTitle, artistsOf(track),
                    isrc(track.path("external_ids").path("isrc").asString(null)), duration < 0 ? null : duration));
        }
        String albumArtist = artistsOf(album);
        return new CatalogAlbum(clean(title), albumArtist == null ? "Various Artists" : albumArtist, List.copyOf(listing));
    }

    /** The object's artists' names, joined; null when it names none. */
    private static String artistsOf(JsonNode resource) {
        String joined = resource.path("artists").valueStream()
                .map(artist -> artist.path("name").asString(null))
                .filter(name -> name != null && !name.isBlank())
                .map(name -> clean(name))
                .collect(Collectors.joining(", "));
        return joined.isEmpty() ? null : clean(joined);
    }

    private Mono<JsonNode> get(URI uri) {
        return client.get(uri, MediaType.APPLICATION_JSON);
    }

    private URI api(String path, String query) {
        return URI.create(base() + path + "?market=" + encode(properties.market()) + (query == null ? "" : "&" + query));
    }

    /**
     * {@code tracks.next} is absolute; only a link below our configured base is followed, so an answer cannot send
     * our bearer token elsewhere.
     */
    private Mono<JsonNode> nextPage(String link) {
        if (!link.startsWith(base() + "/")) {
            return Mono.error(new CatalogUnavailableException("Spotify's next page lies outside its API: " + link,
                    false, null, null));
        }
        return get(URI.create(link));
    }

    private String base() {
        return properties.apiUrl().toString().replaceAll("/+$", "");
    }

    /** Spotify's error object: {@code {"error": {"status": 404, "message": "…"}}}. */
    private static String errorDetail(JsonNode body) {
        return body.path("error").path("message").asString(null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
