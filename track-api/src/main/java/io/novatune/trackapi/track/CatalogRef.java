package io.novatune.trackapi.track;

/** A track's identity in a streaming catalog, e.g. {@code spotify} / {@code 1pKYYY0dkg23sQQXi0Q5zN}. */
public record CatalogRef(String service, String id) {
}
