package io.novatune.discovery.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * What the user says a catalog track is. {@code externalIds} by database: {@code musicbrainz} (a recording MBID),
 * {@code discogs} (a release id), {@code isrc}.
 */
public record IdentifyRequest(@NotBlank @Size(max = 300) String artist, @NotBlank @Size(max = 300) String title,
                              Map<String, String> externalIds) {
}
