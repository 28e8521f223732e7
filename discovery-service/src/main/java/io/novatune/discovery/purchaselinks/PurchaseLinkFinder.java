package io.novatune.discovery.purchaselinks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.novatune.discovery.catalog.Catalog;
import io.novatune.discovery.catalog.CatalogTrack;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Beatport, Bandcamp, Apple Music and Discogs marketplace links of a catalog track. Discogs gets a direct
 * marketplace link from the release id; the others have no id of ours to link by and get their search. Cached 2 h
 * per user and track, so that a price adapter, once there is one, is not asked on every view.
 */
@Service
public class PurchaseLinkFinder {

    static final Duration TTL = Duration.ofHours(2);

    private final Catalog catalog;
    private final Clock clock;
    private final Cache<String, PurchaseLinks> cache = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(TTL).build();

    public PurchaseLinkFinder(Catalog catalog, Optional<Clock> clock) {
        this.catalog = catalog;
        this.clock = clock.orElseGet(Clock::systemUTC);
    }

    public Mono<PurchaseLinks> links(String userId, String trackId) {
        // The track is read every time: a deleted track, or another user's, answers 404 even while cached.
        return catalog.get(userId, trackId).map(track -> cache.get(userId + "/" + trackId, key -> build(track)));
    }

    public Mono<PurchaseLinks> refresh(String userId, String trackId) {
        return catalog.get(userId, trackId).map(track -> {
            PurchaseLinks links = build(track);
            cache.put(userId + "/" + trackId, links);
            return links;
        });
    }

    private PurchaseLinks build(CatalogTrack track) {
        String query = encode(track.artist() + " " + track.title() + (track.version() == null ? "" : " " + track.version()));
        List<PurchaseLink> links = new ArrayList<>();
        links.add(new PurchaseLink("beatport", "https://www.beatport.com/search?q=" + query, "search", null));
        links.add(new PurchaseLink("bandcamp", "https://bandcamp.com/search?q=" + query + "&item_type=t", "search", null));
        links.add(new PurchaseLink("apple-music", "https://music.apple.com/search?term="
                + (track.isrc() == null ? query : encode(track.isrc())), "search", null));
        String discogs = track.externalIds().get("discogs");
        links.add(discogs != null && discogs.matches("\\d+")
                ? new PurchaseLink("discogs", "https://www.discogs.com/sell/release/" + discogs, "direct", null)
                : new PurchaseLink("discogs", "https://www.discogs.com/search/?type=release&q=" + query, "search", null));
        var now = clock.instant();
        return new PurchaseLinks(track.id(), List.copyOf(links), now, now.plus(TTL));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
