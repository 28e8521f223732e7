package io.novatune.trackapi.album;

import reactor.core.publisher.Mono;

/**
 * A streaming catalog that knows albums: their title, artist and track listing with each track's ISRC. One adapter
 * per service ({@code tidal} first); {@link AlbumCatalogs} picks the one a {@code catalogRef} names.
 *
 * <p>The answer fails with {@link CatalogAlbumUnknownException} when the catalog has no such album, and with
 * {@link CatalogUnavailableException} when the listing cannot be fetched now (outage, rate limit, timeout, bad
 * credentials): the album is then added without its listing and fetched again later (fail-open).
 */
public interface AlbumCatalog {

    /** The {@code catalogRef.service} this adapter serves, lower case. */
    String service();

    /** The album with every track of its listing, in album order. */
    Mono<CatalogAlbum> album(String albumId);
}
