package io.novatune.ingestion.scheduling;

import io.novatune.events.AlbumAdded;
import io.novatune.events.AlbumTrack;
import io.novatune.events.TrackAdded;

/**
 * One track a user added, as far as ingestion cares: a single track, or one track of an album.
 *
 * @param rawIsrc the ISRC as the event carried it, not yet normalised; may be null
 * @param album   album title, when known
 */
public record Recording(String trackId, String userId, String title, String artist, String album,
                        Long durationMs, String rawIsrc) {

    static Recording of(TrackAdded event) {
        return new Recording(event.getTrackId(), event.getUserId(), event.getTitle(), event.getArtist(),
                event.getAlbum(), event.getDurationMs(), event.getIsrc());
    }

    static Recording of(AlbumAdded album, AlbumTrack track) {
        return new Recording(track.getTrackId(), album.getUserId(), track.getTitle(), track.getArtist(),
                album.getTitle(), track.getDurationMs(), track.getIsrc());
    }
}
