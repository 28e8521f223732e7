package io.novatune.trackapi.album;

import java.time.Instant;
import java.util.List;

/** An album as its owner sees it: each track with the id it has in the library. */
public record AlbumResponse(String id, String title, String artist, Instant createdAt, List<Track> tracks) {

    public record Track(String id, int trackNumber, String title, String artist, String isrc, Long durationMs) {
    }

    static AlbumResponse of(Album album) {
        return new AlbumResponse(album.id(), album.title(), album.artist(), album.createdAt(), album.tracks().stream()
                .map(track -> new Track(track.trackId(), track.trackNumber(), track.title(), track.artist(),
                        track.isrc(), track.durationMs()))
                .toList());
    }
}
