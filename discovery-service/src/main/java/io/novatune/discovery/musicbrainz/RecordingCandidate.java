package io.novatune.discovery.musicbrainz;

import io.novatune.discovery.identification.TrackDescription;

/**
 * A recording of a MusicBrainz search answer.
 *
 * @param mbid             the recording's MusicBrainz id
 * @param searchScore      MusicBrainz's own relevance (0–100), not our confidence
 * @param track            artist credit (names and join phrases), title and version, length, first ISRC
 * @param firstReleaseDate as MusicBrainz gives it ({@code 2017}, {@code 2017-09}, {@code 2017-09-01}), may be null
 * @param releaseTitle     the first release it appears on, may be null
 * @param catalogNumber    that release's first catalog number, may be null
 * @param genre            the recording's first tag (MusicBrainz's folksonomy genres), may be null
 */
public record RecordingCandidate(String mbid, int searchScore, TrackDescription track, String firstReleaseDate,
                                 String releaseTitle, String catalogNumber, String genre) {
}
