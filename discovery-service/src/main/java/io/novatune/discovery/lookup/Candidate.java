package io.novatune.discovery.lookup;

import io.novatune.discovery.identification.TrackDescription;

/**
 * A track a music database offers for an entry, with what it knows beyond the match: the enrichment of the catalog.
 *
 * @param source      the database ({@code musicbrainz}, {@code discogs})
 * @param externalId  its id there (a recording MBID, a Discogs release id)
 * @param searchScore the database's own relevance (0–100), only to order equally distant candidates
 * @param track       artist, title, version, label, duration and ISRC as the database has them
 */
public record Candidate(String source, String externalId, int searchScore, TrackDescription track, String releaseTitle,
                        String releaseDate, String catalogNumber, String genre) {
}
