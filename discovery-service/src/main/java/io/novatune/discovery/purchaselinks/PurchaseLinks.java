package io.novatune.discovery.purchaselinks;

import java.time.Instant;
import java.util.List;

/** A catalog track's purchase links, when they were built and until when they are served from the cache. */
public record PurchaseLinks(String trackId, List<PurchaseLink> links, Instant fetchedAt, Instant expiresAt) {
}
