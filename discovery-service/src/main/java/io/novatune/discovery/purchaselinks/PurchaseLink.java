package io.novatune.discovery.purchaselinks;

/**
 * Where to buy a track: {@code kind} {@code direct} when built from an external id, {@code search} when it is the
 * store's search for artist and title. {@code price} is null: no enabled adapter provides prices yet (ADR 0022).
 */
public record PurchaseLink(String store, String url, String kind, String price) {
}
