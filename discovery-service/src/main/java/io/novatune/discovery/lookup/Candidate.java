package io.novatune.discovery.lookup;

import io.novatune.discovery.identification.TrackDescription;

/**
 * A track a music database offers for an entry, with what it knows beyond the match: the enrichment of the catalog.
 *
 * @param source      the database ({@code musicbrainz}, {@code discogs})
 * @param externalId  its id there (a recording MBID, a Discogs release id)
 * @param searchScore the database's own relevance (0–100), only to order equally distant candidates
 * @param track       artist, title, version, label, duration and ISRC as the database has them
 * @param bpm         tempo, where the database knows it (Spotify, Beatport), else null
 * @param musicalKey  musical key as "F minor", where the database knows it, else null
 */
public record Candidate(String source, String externalId, int searchScore, TrackDescription track, String releaseTitle,
                        String releaseDate, String catalogNumber, String genre, Double bpm, String musicalKey) {

    /** A candidate of a database that knows neither tempo nor key (MusicBrainz, Discogs). */
    public Candidate(String source, String externalId, int searchScore, TrackDescription track, String releaseTitle,
                     String releaseDate, String catalogNumber, String genre) {
        this(source, externalId, searchScore, track, releaseTitle, releaseDate, catalogNumber, genre, null, null);
    }

    public Candidate withTempoAndKey(Double otherBpm, String otherKey) {
        return new Candidate(source, externalId, searchScore, track, releaseTitle, releaseDate, catalogNumber, genre, otherBpm, otherKey);
    }
}
