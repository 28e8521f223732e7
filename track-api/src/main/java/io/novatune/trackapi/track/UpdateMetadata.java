package io.novatune.trackapi.track;

import java.util.Map;

/**
 * The command of a JSON merge patch: each field present is set, a {@code null} clears it, an absent
 * one is kept.
 *
 * @param expectedVersion the version the client last saw ({@code If-Match}); {@code null} to merge
 *                        into whatever is current
 */
public record UpdateMetadata(String userId, String trackId, Map<MetadataField, Object> changes, Long expectedVersion) {
}
