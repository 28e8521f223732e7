package io.novatune.discovery.purchases;

import io.novatune.discovery.catalog.CatalogFixture;
import io.novatune.discovery.catalog.CatalogStore;
import io.novatune.discovery.catalog.NewCatalogTrack;
import io.novatune.discovery.wantlist.AddToWantListRequest;
import io.novatune.discovery.wantlist.WantList;
import io.novatune.discovery.wantlist.WantListEntry;
import io.novatune.events.TrackAdded;
import io.novatune.events.TrackSource;
import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A user's catalog tracks put on the want-list, and the track-added events of library adds. */
final class WantedTracks {

    private final CatalogFixture catalog;
    private final WantList wantList;
    private final String userId;

    WantedTracks(DatabaseClient db, CatalogStore store, WantList wantList, String userId) {
        this.catalog = new CatalogFixture(db, store, userId);
        this.wantList = wantList;
        this.userId = userId;
    }

    /** Discovers the track by hand and puts it on the want-list; answers the entry's id. */
    String want(NewCatalogTrack track) {
        String trackId = catalog.discover(track, null, null, "STRONG", Instant.now());
        return wantList.add(userId, new AddToWantListRequest(trackId, null, null, null)).block().entry().id();
    }

    WantListEntry entry(String id) {
        return wantList.get(userId, id).block();
    }

    static TrackAdded trackAdded(String userId, String artist, String title, String isrc) {
        return TrackAdded.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS))
                .setTrackId("track-" + UUID.randomUUID())
                .setUserId(userId)
                .setSource(TrackSource.CATALOG)
                .setTitle(title)
                .setArtist(artist)
                .setIsrc(isrc)
                .build();
    }

    static String randomIsrc() {
        return "GBZZZ" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
    }
}
