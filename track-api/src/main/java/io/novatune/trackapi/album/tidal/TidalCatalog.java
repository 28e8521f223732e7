package io.novatune.trackapi.album.tidal;

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
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.novatune.trackapi.album.catalogclient.CatalogText.clean;
import static io.novatune.trackapi.album.catalogclient.CatalogText.isrc;

/**
 * Album listings from TIDAL's API v2 (JSON:API): the album ({@code GET /albums/{id}?include=artists}), its items
 * ({@code GET /albums/{id}/relationships/items}, followed page by page along {@code links.next}), then the tracks'
 * titles, ISRCs and durations in batches of at most 20 ({@code GET /tracks?filter[id]=…&include=artists}). Every
 * request carries a bearer token from the client credentials grant (cached until shortly before it expires) and the
 * configured {@code countryCode}.
 *
 * <p>Tokens, time limits, rate limits and retries are {@link CatalogClient}'s.
 */
@Component
@ConditionalOnProperty(prefix = "novatune.catalog.tidal", name = "enabled", havingValue = "true", matchIfMissing = true)
public class TidalCatalog implements AlbumCatalog {

    static final String SERVICE = "tidal";
    private static final Logger log = LoggerFactory.getLogger(TidalCatalog.class);
    private static final MediaType JSON_API = MediaType.parseMediaType("application/vnd.api+json");

    private final TidalProperties properties;
    private final CatalogClient client;

    public TidalCatalog(TidalProperties properties, ObjectProvider<WebClient.Builder> builders, Clock clock) {
        this.properties = properties;
        this.client = new CatalogClient("TIDAL", properties.client(), TidalCatalog::errorDetail,
                builders.getIfAvailable(WebClient::builder).build(), clock);
    }

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public Mono<CatalogAlbum> album(String albumId) {
        String id = encode(albumId);
        return client.listing(SERVICE, albumId, get(api("/albums/" + id, "include=artists"))
                .flatMap(album -> items(id).collectList()
                        .flatMap(items -> tracks(items).map(tracks -> listing(album, items, tracks)))));
    }

    /** The album's track items in album order (volume, then track number); videos are not tracks of the library. */
    private Flux<JsonNode> items(String albumId) {
        return get(api("/albums/" + albumId + "/relationships/items", null))
                .expand(page -> {
                    String next = page.path("links").path("next").asString(null);
                    return next == null || next.isBlank() ? Mono.empty() : get(next(next));
                })
                .take(properties.maxPages())
                .flatMapIterable(page -> page.path("data").valueStream().toList())
                .filter(item -> "tracks".equals(item.path("type").asString(null)))
                .collectSortedList(Comparator
                        .comparingInt((JsonNode item) -> item.path("meta").path("volumeNumber").asInt(1))
                        .thenComparingInt(item -> item.path("meta").path("trackNumber").asInt(0)))
                .flatMapIterable(sorted -> sorted);
    }

    /** Every batch answer ({@code data} and {@code included}) of the tracks, at most {@code batchSize} ids each. */
    private Mono<List<JsonNode>> tracks(List<JsonNode> items) {
        List<String> ids = items.stream().map(item -> item.path("id").asString()).distinct().toList();
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += properties.batchSize()) {
            batches.add(ids.subList(from, Math.min(from + properties.batchSize(), ids.size())));
        }
        return Flux.fromIterable(batches)
                .concatMap(batch -> get(api("/tracks", "include=artists&" + batch.stream()
                        .map(id -> "filter%5Bid%5D=" + encode(id)).collect(Collectors.joining("&")))))
                .collectList();
    }

    private CatalogAlbum listing(JsonNode album, List<JsonNode> items, List<JsonNode> trackAnswers) {
        Map<String, String> artistNames = new HashMap<>();
        Map<String, JsonNode> tracks = new HashMap<>();
        artistNamesOf(album.path("included"), artistNames);
        for (JsonNode answer : trackAnswers) {
            artistNamesOf(answer.path("included"), artistNames);
            answer.path("data").forEach(track -> tracks.put(track.path("id").asString(), track));
        }
        JsonNode data = album.path("data");
        String title = data.path("attributes").path("title").asString(null);
        if (title == null || title.isBlank()) {
            throw new CatalogUnavailableException("TIDAL answered an album without a title", false, null, null);
        }
        String albumArtist = namesOf(data, artistNames);
        List<CatalogAlbum.Track> listing = new ArrayList<>();
        for (JsonNode item : items) {
            String trackId = item.path("id").asString();
            JsonNode track = tracks.get(trackId);
            if (track == null) {
                // Listed on the album but not served in our country: the library cannot hold what it cannot name.
                log.warn("TIDAL listed track {} on an album but did not answer for it; it is left out", trackId);
                continue;
            }
            JsonNode attributes = track.path("attributes");
            String trackTitle = attributes.path("title").asString("");
            String version = attributes.path("version").asString(null);
            if (version != null && !version.isBlank()) {
                trackTitle = trackTitle + " (" + version.strip() + ")";
            }
            if (clean(trackTitle).isEmpty()) {
                log.warn("TIDAL answered track {} without a title; it is left out", trackId);
                continue;
            }
            listing.add(new CatalogAlbum.Track(trackId, clean(trackTitle), namesOf(track, artistNames),
                    isrc(attributes.path("isrc").asString(null)), durationMs(attributes.path("duration").asString(null))));
        }
        return new CatalogAlbum(clean(title), albumArtist == null ? "Various Artists" : albumArtist, List.copyOf(listing));
    }

    private static void artistNamesOf(JsonNode included, Map<String, String> names) {
        included.forEach(resource -> {
            if ("artists".equals(resource.path("type").asString(null))) {
                names.put(resource.path("id").asString(), resource.path("attributes").path("name").asString(null));
            }
        });
    }

    /** The resource's artists' names, joined; null when it names none we know. */
    private static String namesOf(JsonNode resource, Map<String, String> artistNames) {
        String joined = resource.path("relationships").path("artists").path("data").valueStream()
                .map(identifier -> artistNames.get(identifier.path("id").asString()))
                .filter(name -> name != null && !name.isBlank())
                .map(name -> clean(name))
                .collect(Collectors.joining(", "));
        return joined.isEmpty() ? null : clean(joined);
    }

    private static Long durationMs(String value) {
        try {
            return value == null ? null : Duration.parse(value).toMillis();
        } catch (DateTimeParseException notIso8601) {
            return null;
        }
    }

    private Mono<JsonNode> get(URI uri) {
        return client.get(uri, JSON_API);
    }

    private URI api(String path, String query) {
        String base = properties.apiUrl().toString().replaceAll("/+$", "");
        return URI.create(base + path + "?countryCode=" + encode(properties.countryCode()) + (query == null ? "" : "&" + query));
    }

    /** {@code links.next} is relative to the API's base; brackets may come unencoded. */
    private URI next(String link) {
        if (link.startsWith("http://") || link.startsWith("https://")) {
            return URI.create(link.replace("[", "%5B").replace("]", "%5D"));
        }
        String base = properties.apiUrl().toString().replaceAll("/+$", "");
        return URI.create(base + (link.startsWith("/") ? "" : "/") + link.replace("[", "%5B").replace("]", "%5D"));
    }

    /** The first JSON:API error's detail. */
    private static String errorDetail(JsonNode body) {
        return body.path("errors").path(0).path("detail").asString(null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
