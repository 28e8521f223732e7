package io.novatune.ingestion;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.novatune.events.AlbumAdded;
import io.novatune.events.AlbumTrack;
import io.novatune.events.TrackAdded;
import io.novatune.events.TrackIndexed;
import io.novatune.events.TrackSource;

/** Events as track-api and the indexing worker write them, with fresh ids. */
public final class TestEvents {

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private TestEvents() {
    }

    /** An ISO 3901 code no other test uses: country ZZ is not assigned, registrant and number are random. */
    public static String randomIsrc() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder isrc = new StringBuilder("ZZ");
        for (int i = 0; i < 3; i++) {
            isrc.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return isrc.append(String.format("%02d%05d", random.nextInt(100), random.nextInt(100_000))).toString();
    }

    public static TrackAdded trackAdded(String userId, String isrc) {
        return trackAdded("track-" + UUID.randomUUID(), userId, isrc);
    }

    public static TrackAdded trackAdded(String trackId, String userId, String isrc) {
        return TrackAdded.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setTrackId(trackId)
                .setUserId(userId)
                .setSource(TrackSource.CATALOG)
                .setTitle("Title of " + trackId)
                .setArtist("Artist")
                .setAlbum("Album")
                .setIsrc(isrc)
                .setDurationMs(215_000L)
                .build();
    }

    public static AlbumTrack albumTrack(int number, String isrc) {
        return AlbumTrack.newBuilder()
                .setTrackId("track-" + UUID.randomUUID())
                .setTrackNumber(number)
                .setTitle("Track " + number)
                .setArtist("Album Artist")
                .setIsrc(isrc)
                .setDurationMs(180_000L + number)
                .build();
    }

    public static AlbumAdded albumAdded(String userId, List<AlbumTrack> tracks) {
        return AlbumAdded.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setAlbumId("album-" + UUID.randomUUID())
                .setUserId(userId)
                .setTitle("An Album")
                .setArtist("Album Artist")
                .setTracks(tracks)
                .build();
    }

    public static TrackIndexed trackIndexed(String isrc, String trackId) {
        return TrackIndexed.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setIsrc(isrc)
                .setTrackId(trackId)
                .build();
    }
}
