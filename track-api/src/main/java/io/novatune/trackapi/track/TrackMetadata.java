package io.novatune.trackapi.track;

import java.math.BigDecimal;

/** What a user can edit about a track. */
public record TrackMetadata(
        String title,
        String artist,
        String album,
        String isrc,
        String genre,
        BigDecimal bpm,
        String musicalKey,
        Long durationMs) {
}
